import type { GlossaryEntry } from '../glossary/types';
import type { YiduDatabase } from './schema';

export function createUserEntriesRepo(db: Promise<YiduDatabase>) {
  return {
    async list(): Promise<GlossaryEntry[]> {
      return (await (await db).getAll('userEntries')).map(({ updatedAt: _updatedAt, ...entry }) => entry);
    },
    async put(entry: GlossaryEntry): Promise<void> {
      await (await db).put('userEntries', { ...entry, user: true, updatedAt: Date.now() });
    },
    async remove(id: string): Promise<void> {
      await (await db).delete('userEntries', id);
    },
  };
}
