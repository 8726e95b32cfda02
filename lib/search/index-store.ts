/**
 * The search index in IndexedDB: one posting (article, token, count) per distinct token of an
 * article. Updated at save and delete time for that article only (never a full rebuild when the
 * library opens).
 */
import type { ArticleRecord, YiduDatabase } from '../db/schema';
import type { GlossaryEntry } from '../glossary/types';
import type { Segmenter } from './segmenter';

const LATIN_WORD = /[a-z0-9]+(?:['’-][a-z0-9]+)*/g;

/** English words: lower-case, at least two letters (or a number). */
export function englishWords(text: string): string[] {
  return (text.toLowerCase().match(LATIN_WORD) ?? []).filter((w) => w.length > 1 || /\d/.test(w));
}

/**
 * Tokens of an article with their counts: Chinese words of its title and text, English words of
 * its title, and of the renderings and explanations of the glossary terms it contains (so an
 * English query finds articles about "Double-Eight Strategy").
 */
export function articleTokens(article: Pick<ArticleRecord, 'title' | 'text' | 'terms'>, segmenter: Segmenter, glossary: (id: string) => GlossaryEntry | undefined): Map<string, number> {
  const counts = new Map<string, number>();
  const add = (token: string, n = 1) => counts.set(token, (counts.get(token) ?? 0) + n);
  for (const t of segmenter.tokens(`${article.title}\n${article.text}`)) add(t);
  for (const w of englishWords(article.title)) add(w);
  for (const [id, n] of Object.entries(article.terms)) {
    const entry = glossary(id);
    if (!entry) continue;
    for (const w of new Set(englishWords(`${entry.english} ${entry.explanation}`))) add(w, n);
  }
  return counts;
}

/**
 * Each indexed article also has a posting under this token (never a real token: both segmenters and
 * englishWords drop empty strings), so an article with no words still counts as indexed.
 */
const INDEXED = '';

/** An article's postings: [url] sorts before [url, any token], and [url, []] after them (arrays sort after strings). */
const postingsOfArticle = (url: string) => IDBKeyRange.bound([url], [url, []]);

/**
 * Replaces an article's postings in one transaction: one range delete, then one put per distinct
 * token, all issued at once and awaited together (IndexedDB runs them in order). Nothing is read
 * first, and no record holds more than one article, so the work does not grow with the library.
 */
export async function indexArticle(db: YiduDatabase, url: string, tokens: Map<string, number>): Promise<void> {
  const tx = db.transaction('postings', 'readwrite');
  const writes: Promise<unknown>[] = [tx.store.delete(postingsOfArticle(url)), tx.store.put({ url, token: INDEXED, count: 0 })];
  for (const [token, count] of tokens) if (token) writes.push(tx.store.put({ url, token, count }));
  await Promise.all([...writes, tx.done]);
}

export async function unindexArticle(db: YiduDatabase, url: string): Promise<void> {
  await db.delete('postings', postingsOfArticle(url));
}

export async function isIndexed(db: YiduDatabase, url: string): Promise<boolean> {
  return (await db.getKey('postings', [url, INDEXED])) !== undefined;
}

/** URLs of every indexed article, in one request. */
export async function indexedUrls(db: YiduDatabase): Promise<Set<string>> {
  return new Set((await db.getAllKeysFromIndex('postings', 'token', INDEXED)).map(([url]) => url));
}

/** Postings of the given tokens, as article URL → count (missing tokens: empty). */
export async function postingsOf(db: YiduDatabase, tokens: string[]): Promise<Record<string, number>[]> {
  const index = db.transaction('postings').store.index('token');
  return Promise.all(
    tokens.map(async (t) => (t === INDEXED ? {} : Object.fromEntries((await index.getAll(t)).map((p) => [p.url, p.count])))),
  );
}
