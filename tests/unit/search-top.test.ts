import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { openYiduDB } from '@/lib/db/schema';
import { indexArticle, topArticles } from '@/lib/search/index-store';

/** A seeded generator, so a failure names the case that broke. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

/** The coarse count the index keeps: the highest of 1, 2, 4 … 32 the count reaches (written here, not taken from the code under test). */
const coarse = (n: number) => (n >= 32 ? 32 : n >= 16 ? 16 : n >= 8 ? 8 : n >= 4 ? 4 : n >= 2 ? 2 : 1);

/** Reference: every article scored from its known counts, AND across tokens, best first, ties by URL. */
function fullRanking(counts: Map<string, Map<string, number>>, tokens: string[], limit: number): [string, number][] {
  const ranked: [string, number][] = [];
  for (const [url, words] of counts) {
    if (!tokens.every((t) => (words.get(t) ?? 0) > 0)) continue;
    ranked.push([url, tokens.reduce((sum, t) => sum + coarse(words.get(t)!), 0)]);
  }
  return ranked.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, limit);
}

describe('top articles from the index, read a level at a time', () => {
  it('gives the same ranking as scoring every article', async () => {
    const words = ['贸易', '改革', '民生', 'trade', '义新欧'];
    for (const seed of [1, 2, 3, 4, 5]) {
      const next = random(seed);
      const db = await openYiduDB(`search-top-${seed}`);
      const counts = new Map<string, Map<string, number>>();
      for (let a = 0; a < 80; a++) {
        const url = `http://a/${String(a).padStart(3, '0')}`;
        // Skewed counts: many articles with a word once or twice, a few with it dozens of times.
        const article = new Map(words.flatMap((w) => (next() < 0.6 ? [[w, Math.max(1, Math.floor(next() ** 3 * 60))] as [string, number]] : [])));
        counts.set(url, article);
        await indexArticle(db, url, article);
      }
      for (const query of [['贸易'], ['trade'], ['贸易', '改革'], ['民生', 'trade', '义新欧'], ['不在'], ['贸易', '不在']]) {
        for (const limit of [1, 5, 20, 100]) {
          expect(await topArticles(db, query, limit), `seed ${seed}, ${query.join('+')}, limit ${limit}`).toEqual(fullRanking(counts, query, limit));
        }
      }
      db.close();
    }
  });
});
