/** Search as extension pages use it: one segmenter per page, the index updated per article. */
import type { ArticleRecord } from '../db/schema';
import { library, libraryDb } from '../db/connection';
import { glossaryStore } from '../glossary/context-store';
import type { GlossarySnapshot } from '../glossary/store';
import { loadJieba } from './jieba-web';
import { createSegmenter, glossaryWords, type Segmenter } from './segmenter';
import { articleTokens, indexArticle, indexedUrls, unindexArticle } from './index-store';
import { search, type SearchHit } from './query';

const database = libraryDb;
const segmenters = new WeakMap<GlossarySnapshot, Promise<Segmenter>>();

/**
 * jieba with the current glossary's words: one per glossary version, so an entry added anywhere is
 * kept whole by this page's search from its next query on (jieba itself is loaded once per page).
 */
export async function pageSegmenter(): Promise<Segmenter> {
  const snapshot = await glossaryStore().current();
  let segmenter = segmenters.get(snapshot);
  if (!segmenter) {
    segmenter = loadJieba().then((jieba) => createSegmenter(jieba, glossaryWords(snapshot.glossary.entries())));
    segmenters.set(snapshot, segmenter);
  }
  return segmenter;
}

const currentGlossary = () => glossaryStore().glossary();

let knownWords: Set<string> | undefined;
/** Entry id → its English rendering, as the index has it. */
let knownEnglish: Map<string, string> | undefined;

/**
 * Keeps the index in step with the glossary: when an entry (here or in another context) brings new
 * words, the saved articles that contain them are indexed again, so the new term is found as one
 * word; when an entry's English changes, the articles containing it are, so English search follows.
 * Started once per page by the library views.
 */
export function followGlossaryChanges(): () => void {
  const learn = async () => {
    const snapshot = await glossaryStore().current();
    const entries = [...snapshot.glossary.entries()];
    const words = new Set(glossaryWords(entries).map(([word]) => word));
    const english = new Map(entries.map((e) => [e.id, e.english]));
    const added = knownWords ? [...words].filter((w) => !knownWords!.has(w)) : [];
    const renamed = knownEnglish ? new Set(entries.filter((e) => knownEnglish!.get(e.id) !== e.english).map((e) => e.id)) : new Set<string>();
    knownWords = words;
    knownEnglish = english;
    if (added.length || renamed.size) await reindexArticlesMentioning(added, renamed);
  };
  void learn();
  return glossaryStore().onChange(() => void learn().catch((err: unknown) => console.warn('Yidu: search index not updated', err)));
}

async function reindexArticlesMentioning(words: readonly string[], entries: ReadonlySet<string>): Promise<number> {
  let count = 0;
  for (const article of await library().articles.list()) {
    const hasEntry = Object.keys(article.terms).some((id) => entries.has(id));
    if (hasEntry || words.some((w) => article.text.includes(w) || article.title.includes(w))) {
      await indexSavedArticle(article);
      count++;
    }
  }
  return count;
}

/**
 * Indexes one article: segmenting and writing, timed as a `yidu-index` performance measure (the
 * figure the bench reads in the browser; DevTools shows it too).
 */
export async function indexSavedArticle(article: Pick<ArticleRecord, 'url' | 'title' | 'text' | 'terms'>): Promise<void> {
  const [seg, glossary] = await Promise.all([pageSegmenter(), currentGlossary()]);
  const start = performance.now();
  await indexArticle(await database(), article.url, articleTokens(article, seg, (id) => glossary.get(id)));
  performance.measure('yidu-index', { start, detail: article.url });
}

export async function removeFromSearch(url: string): Promise<void> {
  await unindexArticle(await database(), url);
}

let indexing: Promise<number> | undefined;
const progressListeners = new Set<(done: number, total: number) => void>();

/**
 * Indexes saved articles the index does not know yet (saved before search existed, imported, or
 * indexed by an older version), newest first. Finds them from keys alone and reads only their
 * bodies, one at a time, so opening the library does not load every article. One run per page at a
 * time: a view opened again while it runs follows the same run rather than indexing everything twice.
 */
export function indexMissing(onProgress?: (done: number, total: number) => void): Promise<number> {
  if (onProgress) progressListeners.add(onProgress);
  indexing ??= indexMissingNow((done, total) => progressListeners.forEach((listener) => listener(done, total))).finally(() => {
    indexing = undefined;
    progressListeners.clear();
  });
  return indexing;
}

async function indexMissingNow(onProgress: (done: number, total: number) => void): Promise<number> {
  const d = await database();
  const [urls, indexed] = await Promise.all([d.getAllKeysFromIndex('summaries', 'savedAt'), indexedUrls(d)]);
  const missing = urls.reverse().filter((url) => !indexed.has(url));
  for (const [i, url] of missing.entries()) {
    const article = await d.get('articles', url);
    if (article) await indexSavedArticle(article);
    onProgress(i + 1, missing.length);
  }
  return missing.length;
}

let warming: Promise<void> | undefined;

/**
 * Readies search before the first query (the search box calls it on focus; typing waits 150 ms
 * before searching): the page's first query otherwise paid for jieba's first cut and the index's
 * first read, ~150 ms instead of ~20 ms for the same query again (1,000 articles, Chromium).
 */
export function warmUpSearch(): Promise<void> {
  warming ??= (async () => {
    const [seg, db] = await Promise.all([pageSegmenter(), database(), currentGlossary()]);
    seg.tokens('义乌市场');
    const tx = db.transaction(['searchIndex', 'articles']);
    await Promise.all([tx.objectStore('searchIndex').index('tokens').getKey(IDBKeyRange.lowerBound('')), tx.objectStore('articles').getKey(IDBKeyRange.lowerBound(''))]);
  })().catch(() => undefined);
  return warming;
}

export async function searchLibrary(query: string): Promise<SearchHit[]> {
  const [seg, glossary] = await Promise.all([pageSegmenter(), currentGlossary()]);
  const start = performance.now();
  const hits = await search(await database(), query, seg, glossary);
  performance.measure('yidu-search', { start, detail: query });
  return hits;
}

/** Empties the index (after a restore or "clear all data"), then indexes every saved article again. */
export async function rebuildIndex(onProgress?: (done: number, total: number) => void): Promise<number> {
  // A run in flight chose its articles before the clear: let it finish, then start afresh.
  await indexing?.catch(() => undefined);
  await (await database()).clear('searchIndex');
  return indexMissing(onProgress);
}
