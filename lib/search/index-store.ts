/**
 * The search index in IndexedDB: one record per article holding its index keys, with a multiEntry
 * index over them, so finding the articles with a token is one key lookup and indexing an article is
 * one put. Updated at save and delete time for that article only.
 *
 * Why not one record per (article, token), as version 4 had: an article has about 1,600 distinct
 * words, and in Chromium on a 2-core machine those ~3,000 puts (with the English words of its terms)
 * took about 600 ms of the reader's time per article; the same keys as one record's multiEntry index
 * take a few milliseconds of the page's time (the browser builds the index entries itself).
 *
 * Counts are kept coarsely, in the key itself: a token that occurs once is stored as the token; one
 * that occurs at least 2, 4, 8, 16 or 32 times as `token\u0001<n>`, n the highest of those it reaches.
 * That is enough to rank by (a term named 9 times above one named once) without reading any article.
 *
 * One key per token: writing the index entries is most of indexing's time in Chromium (about 13 µs a
 * key, whether one article or ten go in a transaction), and version 6 also kept every lower step
 * (a token named 9 times had 4 keys): about 2,130 keys for a 5,000-character article, 1,520 now.
 */
import type { ArticleRecord, YiduDatabase } from '../db/schema';
import type { GlossaryEntry } from '../glossary/types';
import type { Segmenter } from './segmenter';

const LATIN_WORD = /[a-z0-9]+(?:['’-][a-z0-9]+)*/g;
/** Never in a token: it separates a token from its count steps. */
const CONTROL = /[\u0000-\u001f]/;
const COUNT_STEP = '\u0001';
const COUNT_STEPS = [2, 4, 8, 16, 32] as const;
const keyAt = (token: string, level: number) => (level === 1 ? token : token + COUNT_STEP + level);

/** English words: lower-case, at least two letters (or a number). */
export function englishWords(text: string): string[] {
  return (text.toLowerCase().match(LATIN_WORD) ?? []).filter((w) => w.length > 1 || /\d/.test(w));
}

/**
 * Tokens of an article with their counts: Chinese words of its title and text, English words of its
 * title, and the words of the English rendering of each glossary term it contains, counted as often as
 * the term occurs, so "freight train" finds the articles about 义新欧 (Yiwu-Xinjiang-Europe freight
 * train). Renderings only, not explanations: measured in Chromium over 1,000 articles, explanation
 * words (about 1,500 more keys per article; "trade" or "reform" in most of them) took indexing from
 * about 45–80 to 85–150 ms per article and a search's median from about 76 to 145 ms.
 */
export function articleTokens(article: Pick<ArticleRecord, 'title' | 'text' | 'terms'>, segmenter: Segmenter, glossary: (id: string) => Pick<GlossaryEntry, 'english'> | undefined): Map<string, number> {
  const counts = new Map<string, number>();
  const add = (token: string, n = 1) => counts.set(token, (counts.get(token) ?? 0) + n);
  for (const t of segmenter.tokens(`${article.title}\n${article.text}`)) if (!CONTROL.test(t)) add(t);
  for (const w of englishWords(article.title)) add(w);
  for (const [id, n] of Object.entries(article.terms)) {
    const english = n > 0 ? glossary(id)?.english : undefined;
    if (english) for (const w of new Set(englishWords(english))) add(w, n);
  }
  return counts;
}

/** The coarse count the index keeps of `count`: the highest count step it reaches, or 1. */
function countLevel(count: number): number {
  let level = 1;
  for (const step of COUNT_STEPS) if (count >= step) level = step;
  return level;
}

/** The keys one article is stored under: one per token, at its count's level. */
export function indexKeys(tokens: ReadonlyMap<string, number>): string[] {
  const keys: string[] = [];
  for (const [token, count] of tokens) if (token) keys.push(keyAt(token, countLevel(count)));
  return keys;
}

/** Replaces an article's entry in the index (one put; an article with no words is still indexed). */
export async function indexArticle(db: YiduDatabase, url: string, tokens: ReadonlyMap<string, number>): Promise<void> {
  await db.put('searchIndex', { url, tokens: indexKeys(tokens) });
}

export async function unindexArticle(db: YiduDatabase, url: string): Promise<void> {
  await db.delete('searchIndex', url);
}

export async function isIndexed(db: YiduDatabase, url: string): Promise<boolean> {
  return (await db.getKey('searchIndex', url)) !== undefined;
}

/** URLs of every indexed article, in one request. */
export async function indexedUrls(db: YiduDatabase): Promise<Set<string>> {
  return new Set(await db.getAllKeys('searchIndex'));
}

/**
 * Levels of a token's keys, highest first (the count steps, then the token itself: 1), in the rounds
 * they are read: the top three levels hold few articles, so they are read together (one round trip
 * instead of three); the lower, larger ones one at a time, as they may not be needed.
 */
const HIGHEST_FIRST = [...COUNT_STEPS].reverse();
const ROUNDS: readonly (readonly number[])[] = [HIGHEST_FIRST.slice(0, 3), ...HIGHEST_FIRST.slice(3).map((level) => [level]), [1]];

/**
 * The `limit` articles holding every token (AND), best first: score = the sum over tokens of the
 * article's coarse count (the level of its key: 1, 2, 4 … 32), ties by URL.
 *
 * Reading every key of a common token is what made search slow in Chromium (about 30 µs a key; "trade"
 * has ~3,800 keys over 1,000 articles, ~115 ms). So keys are read a level at a time from the top
 * (articles with ≥ 32 occurrences, then 16–31 …), and reading stops once the `limit`-th best known
 * score beats anything an article not fully seen yet could still reach: an article seen at a level
 * has exactly that coarse count, one not seen yet has at most the next level's. The answer is
 * the same as reading everything (tests/unit/search-top.test.ts checks it against a full ranking).
 */
export async function topArticles(db: YiduDatabase, tokens: readonly string[], limit: number): Promise<[url: string, score: number][]> {
  const index = db.transaction('searchIndex').store.index('tokens');
  const seen = tokens.map(() => new Map<string, number>());
  // One word: a level's first `limit` keys (in URL order) are enough. Either the level has fewer, and
  // all of it is read; or `limit` articles reach that level, and those not read rank after them (same
  // or lower count, later URL). So "freight" reads 20 keys of its most common level, not 983.
  const count = tokens.length === 1 ? limit : undefined;
  for (const [round, levels] of ROUNDS.entries()) {
    const lists = await Promise.all(levels.map((level) => Promise.all(tokens.map((token) => index.getAllKeys(keyAt(token, level), count)))));
    // An article has one key per token, at one level (an index written by version 6, which also had
    // keys at every lower level, is cleared by the upgrade to 7): the first level seen is its count.
    levels.forEach((level, l) =>
      lists[l]!.forEach((urls, i) => {
        for (const url of urls) if (!seen[i]!.has(url)) seen[i]!.set(url, level);
      }),
    );
    const complete: [string, number][] = [];
    const next = ROUNDS[round + 1]?.[0] ?? 0;
    // The best score an article not yet seen for every token could still reach.
    let bound = tokens.length * next;
    const candidates = new Set(seen.flatMap((m) => [...m.keys()]));
    for (const url of candidates) {
      let score = 0;
      let all = true;
      for (const counts of seen) {
        const n = counts.get(url);
        if (n === undefined) all = false;
        score += n ?? next;
      }
      if (all) complete.push([url, score]);
      else bound = Math.max(bound, score);
    }
    complete.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
    if (next === 0 || (complete.length >= limit && complete[limit - 1]![1] > bound)) return complete.slice(0, limit);
  }
  return [];
}
