import type { VocabularyItem, YiduDatabase } from './schema';

export function createVocabularyRepo(db: Promise<YiduDatabase>) {
  return {
    /** Saves a term (again): keeps it unlearned and records the newest context. */
    async save(item: Omit<VocabularyItem, 'savedAt' | 'learned'>): Promise<VocabularyItem> {
      const record: VocabularyItem = { ...item, savedAt: Date.now(), learned: false };
      await (await db).put('vocabulary', record);
      return record;
    },
    async list(): Promise<VocabularyItem[]> {
      return (await (await db).getAllFromIndex('vocabulary', 'savedAt')).reverse();
    },
    async setLearned(entryId: string, learned: boolean): Promise<void> {
      const tx = (await db).transaction('vocabulary', 'readwrite');
      const item = await tx.store.get(entryId);
      if (item) await tx.store.put({ ...item, learned });
      await tx.done;
    },
    async remove(entryId: string): Promise<void> {
      await (await db).delete('vocabulary', entryId);
    },
  };
}
