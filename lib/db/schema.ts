/**
 * The one owner of Yidu's IndexedDB schema (extension origin only: popup, reader, background).
 * Bump DB_VERSION only together with a new `if (oldVersion < N)` step below and a test that upgrades
 * from the previous version's fixture (tests/unit/db.test.ts, tests/unit/summaries.test.ts).
 */
import { openDB, type DBSchema, type IDBPDatabase, type IDBPTransaction, type StoreNames } from 'idb';
import type { GlossaryEntry } from '../glossary/types';
import { summaryOf, termsOf, type ArticleSummary, type ArticleTerms } from './summaries';

export const DB_NAME = 'yidu';
export const DB_VERSION = 7;

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
 * English words of its title and of its terms' renderings, and coarse count steps;
 * lib/search/index-store.ts), under a multiEntry index. No record grows with the library.
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
  /** The glossary entries each article mentions (derived like the summaries, written with them). */
  articleTerms: {
    key: string;
    value: ArticleTerms;
    indexes: { ids: string };
  };
  /** The search index, kept up to date at save and delete time (derived: backups leave it out). */
  searchIndex: {
    key: string;
    value: SearchIndexRecord;
    indexes: { tokens: string };
  };
}

export type YiduDatabase = IDBPDatabase<YiduDB>;

/**
 * Opens the database, upgrading it if needed. A context still holding an older version's connection
 * (an extension page or worker left from before an update) closes it when a newer version asks, and
 * `onClosed` lets its owner open afresh on next use: otherwise the upgrade would wait for ever.
 */
export function openYiduDB(name = DB_NAME, onClosed?: () => void): Promise<YiduDatabase> {
  return openDB<YiduDB>(name, DB_VERSION, {
    blocked() {
      console.warn('Yidu: the database upgrade waits for another Yidu page or worker to let go of it');
    },
    blocking(_current, _next, event) {
      (event.target as IDBDatabase).close();
      onClosed?.();
    },
    terminated() {
      onClosed?.();
    },
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
      if (oldVersion < 4) db.createObjectStore('summaries', { keyPath: 'url' }).createIndex('savedAt', 'savedAt');
      // Version 4's index (one record per article and token) gave way to one record per article;
      // the library page indexes the saved articles again on its next open.
      if (oldVersion === 4) (db as unknown as IDBPDatabase).deleteObjectStore('postings');
      if (oldVersion < 5) db.createObjectStore('searchIndex', { keyPath: 'url' }).createIndex('tokens', 'tokens', { multiEntry: true });
      // Version 6 took the entry ids out of the summaries (reading them made the list slow to open)
      // into articleTerms. Both are filled here, inside the upgrade's own transaction: the database
      // never opens with articles the list would not show, and a failed write aborts the upgrade (the
      // old version stays). From the old summaries where there are some (they hold the ids): reading
      // every article instead took about 6 s for 1,000 articles in Chromium.
      if (oldVersion < 6) {
        db.createObjectStore('articleTerms', { keyPath: 'url' }).createIndex('ids', 'ids', { multiEntry: true });
        void (oldVersion >= 4 ? slimSummaries(tx) : fillListing(tx));
      }
      // Version 7 keeps one search key per token and article, at its count's level (version 6 had one
      // at every level up to it: 40% more keys to write). The old index is cleared, not converted
      // (rewriting 1,000 articles' keys here would hold the database for about 40 s); the library page
      // indexes the saved articles again on its next open, with its progress line.
      if (oldVersion >= 5 && oldVersion < 7) void tx.objectStore('searchIndex').clear();
    },
  });
}

async function fillListing(tx: IDBPTransaction<YiduDB, StoreNames<YiduDB>[], 'versionchange'>): Promise<void> {
  let cursor = await tx.objectStore('articles').openCursor();
  while (cursor) {
    void putListing(tx, cursor.value);
    cursor = await cursor.continue();
  }
}

/** Version 4–5 summaries carried `terms` (entry id → occurrences): split into a count and articleTerms. */
async function slimSummaries(tx: IDBPTransaction<YiduDB, StoreNames<YiduDB>[], 'versionchange'>): Promise<void> {
  const articleTerms = tx.objectStore('articleTerms');
  let cursor = await tx.objectStore('summaries').openCursor();
  while (cursor) {
    const { terms = {}, ...summary } = cursor.value as ArticleSummary & { terms?: Record<string, number> };
    void cursor.update({ ...summary, termCount: Object.keys(terms).length });
    void articleTerms.put(termsOf({ url: summary.url, terms }));
    cursor = await cursor.continue();
  }
}

type ListingTx = IDBPTransaction<YiduDB, ('summaries' | 'articleTerms')[], 'readwrite' | 'versionchange'>;

/**
 * Writes the records derived from an article (its summary and its entry ids) in the caller's
 * transaction, which must include both stores (idb's types cannot say "includes", hence the cast).
 */
export function putListing(tx: IDBPTransaction<YiduDB, ArrayLike<StoreNames<YiduDB>>, 'readwrite' | 'versionchange'>, article: ArticleRecord): Promise<unknown> {
  const listing = tx as unknown as ListingTx;
  return Promise.all([listing.objectStore('summaries').put(summaryOf(article)), listing.objectStore('articleTerms').put(termsOf(article))]);
}

export function deleteListing(tx: IDBPTransaction<YiduDB, ArrayLike<StoreNames<YiduDB>>, 'readwrite'>, url: string): Promise<unknown> {
  const listing = tx as unknown as ListingTx;
  return Promise.all([listing.objectStore('summaries').delete(url), listing.objectStore('articleTerms').delete(url)]);
}
