import { allOrNothing } from './all-or-nothing';
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
    /** Stores several entries (an imported pack) in one transaction: all of them, or none if one fails. */
    async putMany(entries: readonly GlossaryEntry[]): Promise<void> {
      const tx = (await db).transaction('userEntries', 'readwrite');
      const updatedAt = Date.now();
      await allOrNothing(tx, async () => {
        for (const entry of entries) await tx.store.put({ ...entry, user: true, updatedAt });
      });
    },
    async remove(id: string): Promise<void> {
      await (await db).delete('userEntries', id);
    },
  };
}
