/**
 * The search index in IndexedDB: token → {article URL → count}. Updated at save and delete time for
 * that article only (never a full rebuild when the library opens).
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
 * The forward entry of an article (its tokens and counts) lives in the same store under this prefix,
 * so re-indexing or deleting an article touches only its own tokens, not the whole index.
 */
const DOC_PREFIX = '\u0001doc:';

export async function indexArticle(db: YiduDatabase, url: string, tokens: Map<string, number>): Promise<void> {
  const tx = db.transaction('searchTerms', 'readwrite');
  const previous = await tx.store.get(DOC_PREFIX + url);
  for (const token of Object.keys(previous?.postings ?? {})) {
    if (tokens.has(token)) continue;
    const record = await tx.store.get(token);
    if (!record) continue;
    delete record.postings[url];
    if (Object.keys(record.postings).length) await tx.store.put(record);
    else await tx.store.delete(token);
  }
  await Promise.all(
    [...tokens].map(async ([token, count]) => {
      const record = (await tx.store.get(token)) ?? { token, postings: {} };
      record.postings[url] = count;
      await tx.store.put(record);
    }),
  );
  await tx.store.put({ token: DOC_PREFIX + url, postings: Object.fromEntries(tokens) });
  await tx.done;
}

export async function unindexArticle(db: YiduDatabase, url: string): Promise<void> {
  await indexArticle(db, url, new Map());
  await db.delete('searchTerms', DOC_PREFIX + url);
}

export async function isIndexed(db: YiduDatabase, url: string): Promise<boolean> {
  return (await db.getKey('searchTerms', DOC_PREFIX + url)) !== undefined;
}

/** Postings of the given tokens (missing tokens: empty). */
export async function postingsOf(db: YiduDatabase, tokens: string[]): Promise<Record<string, number>[]> {
  const tx = db.transaction('searchTerms');
  return Promise.all(tokens.map(async (t) => (await tx.store.get(t))?.postings ?? {}));
}
