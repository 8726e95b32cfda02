/**
 * The one owner of Yidu's IndexedDB schema (extension origin only: popup, reader, background).
 * Bump DB_VERSION only together with a new `if (oldVersion < N)` step below and a test that upgrades
 * from the previous version's fixture.
 */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { GlossaryEntry } from '../glossary/types';

export const DB_NAME = 'yidu';
export const DB_VERSION = 1;

export interface VocabularyItem {
  /** The entry id (a glossary id, or candidate:… for phrases the user explained). */
  entryId: string;
  term: string;
  english: string;
  pinyin: string;
  /** The sentence the term was met in. */
  sentence: string;
  pageTitle: string;
  pageUrl: string;
  savedAt: number;
  learned: boolean;
}

export interface YiduDB extends DBSchema {
  vocabulary: {
    key: string; // entryId: one card per term; saving again updates the context
    value: VocabularyItem;
    indexes: { savedAt: number };
  };
  userEntries: {
    key: string;
    value: GlossaryEntry & { updatedAt: number };
  };
}

export type YiduDatabase = IDBPDatabase<YiduDB>;

export function openYiduDB(name = DB_NAME): Promise<YiduDatabase> {
  return openDB<YiduDB>(name, DB_VERSION, {
    upgrade(db, oldVersion) {
      if (oldVersion < 1) {
        const vocabulary = db.createObjectStore('vocabulary', { keyPath: 'entryId' });
        vocabulary.createIndex('savedAt', 'savedAt');
        db.createObjectStore('userEntries', { keyPath: 'id' });
      }
    },
  });
}
