/**
 * The one owner of Yidu's IndexedDB schema (extension origin only: popup, reader, background).
 * Bump DB_VERSION only together with a new `if (oldVersion < N)` step below and a test that upgrades
 * from the previous version's fixture (tests/unit/db.test.ts, tests/unit/summaries.test.ts).
 */
import { openDB, type DBSchema, type IDBPDatabase, type IDBPTransaction, type StoreNames } from 'idb';
import type { GlossaryEntry } from '../glossary/types';
import { summaryOf, type ArticleSummary } from './summaries';

export const DB_NAME = 'yidu';
export const DB_VERSION = 5;

export interface VocabularyItem {
  /** The entry id (a glossary id, or a user entry's id). */
  entryId: string;
  term: string;
  english: string;
  pinyin: string;
  /** The sentence the term was met in. */
  sentence: string;
  /**
   * The glossary's explanation, or a dictionary word's readings and senses (Anki's definition column).
   * Absent on items saved before it was kept.
   */
  definition?: string;
  pageTitle: string;
  pageUrl: string;
  savedAt: number;
  learned: boolean;
}

export interface ArticleRecord {
  /** Canonical URL: the key, so saving the same page again updates it. */
  url: string;
  title: string;
  byline: string;
  siteName: string;
  publishedAt?: number;
  /** Sanitized HTML; images point at `yidu-image:N` (N indexes `images`). */
  html: string;
  text: string;
  length: number;
  source: 'article' | 'dense-block' | 'selection' | 'body';
  /** Entry id → occurrences in the article. */
  terms: Record<string, number>;
  /** Image keys in the images store, by position; null where the image could not be fetched. */
  images: (string | null)[];
  /** Original addresses of images that could not be saved. */
  missingImages: string[];
  leadImage?: string;
  savedAt: number;
  updatedAt: number;
  /** Times saved again after the first. */
  updates: number;
  /** How far the reader got, 0..1 (scroll position), saved as they read. */
  readProgress?: number;
}

/**
 * One article's entry in the search index: its index keys (Chinese words from jieba, lower-case
 * English words, the glossary entries it contains, and coarse count steps; lib/search/index-store.ts),
 * under a multiEntry index. No record grows with the library.
 */
export interface SearchIndexRecord {
  url: string;
  tokens: string[];
}

export interface ImageRecord {
  /** `${articleUrl}#${index}` */
  key: string;
  articleUrl: string;
  originalUrl: string;
  blob: Blob;
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
  articles: {
    key: string;
    value: ArticleRecord;
    indexes: { savedAt: number; siteName: string };
  };
  images: {
    key: string;
    value: ImageRecord;
    indexes: { articleUrl: string };
  };
  /**
   * One small record per article (no body, no HTML) for the screens that list articles; written in
   * the same transaction as the article it summarises, so the two never disagree.
   */
  summaries: {
    key: string;
    value: ArticleSummary;
    indexes: { savedAt: number };
  };
  /** The search index, kept up to date at save and delete time (derived: backups leave it out). */
  searchIndex: {
    key: string;
    value: SearchIndexRecord;
    indexes: { tokens: string };
  };
}

export type YiduDatabase = IDBPDatabase<YiduDB>;

export function openYiduDB(name = DB_NAME): Promise<YiduDatabase> {
  return openDB<YiduDB>(name, DB_VERSION, {
    upgrade(db, oldVersion, _newVersion, tx) {
      if (oldVersion < 1) {
        const vocabulary = db.createObjectStore('vocabulary', { keyPath: 'entryId' });
        vocabulary.createIndex('savedAt', 'savedAt');
        db.createObjectStore('userEntries', { keyPath: 'id' });
      }
      if (oldVersion < 2) {
        const articles = db.createObjectStore('articles', { keyPath: 'url' });
        articles.createIndex('savedAt', 'savedAt');
        articles.createIndex('siteName', 'siteName');
        const images = db.createObjectStore('images', { keyPath: 'key' });
        images.createIndex('articleUrl', 'articleUrl');
      }
      // Version 3 added a search index (searchTerms: token → every article's count) that version 4
      // replaced, because each article indexed rewrote records as large as the library. Articles not
      // in the new index (saved before search, imported, or indexed by version 3) are indexed by the
      // library page on its next open.
      if (oldVersion === 3) (db as unknown as IDBPDatabase).deleteObjectStore('searchTerms');
      if (oldVersion < 4) {
        db.createObjectStore('summaries', { keyPath: 'url' }).createIndex('savedAt', 'savedAt');
        // Filled here, inside the upgrade's own transaction: the database never opens at version 4
        // with articles the list would not show. A failed write aborts the upgrade (version 3 stays).
        void fillSummaries(tx);
      }
      // Version 4's index (one record per article and token) gave way to one record per article;
      // the library page indexes the saved articles again on its next open.
      if (oldVersion === 4) (db as unknown as IDBPDatabase).deleteObjectStore('postings');
      if (oldVersion < 5) db.createObjectStore('searchIndex', { keyPath: 'url' }).createIndex('tokens', 'tokens', { multiEntry: true });
    },
  });
}

async function fillSummaries(tx: IDBPTransaction<YiduDB, StoreNames<YiduDB>[], 'versionchange'>): Promise<void> {
  const summaries = tx.objectStore('summaries');
  let cursor = await tx.objectStore('articles').openCursor();
  while (cursor) {
    void summaries.put(summaryOf(cursor.value));
    cursor = await cursor.continue();
  }
}
