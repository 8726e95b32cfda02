/**
 * Answers a search over saved articles from the stored index: every query token must occur (AND),
 * ranked by summed counts, with the sentence that shows the hit.
 */
import { hasHan } from '../han';
import type { ArticleRecord, YiduDatabase } from '../db/schema';
import type { GlossaryEntry } from '../glossary/types';
import { englishWords, topArticles } from './index-store';
import type { Segmenter } from './segmenter';

export interface SearchHit {
  url: string;
  title: string;
  siteName: string;
  score: number;
  /** The sentence with the hit, split so the UI can highlight `hit` without building HTML. */
  before: string;
  hit: string;
  after: string;
  /** For an English query matched through a glossary term: that term's rendering. */
  via?: string;
}


export function queryTokens(query: string, segmenter: Segmenter): string[] {
  const q = query.trim();
  if (!q) return [];
  return [...new Set(hasHan(q) ? [...segmenter.tokens(q), ...englishWords(q)] : englishWords(q))];
}

export async function search(
  db: YiduDatabase,
  query: string,
  segmenter: Segmenter,
  glossary: { get(id: string): GlossaryEntry | undefined },
  limit = 20,
): Promise<SearchHit[]> {
  const tokens = queryTokens(query, segmenter);
  if (!tokens.length) return [];
  const ranked = await topArticles(db, tokens, limit);
  const tx = db.transaction('articles');
  const articles = await Promise.all(ranked.map(([url]) => tx.store.get(url)));
  const hits: SearchHit[] = [];
  ranked.forEach(([url, score], i) => {
    const article = articles[i];
    if (article) hits.push({ url, title: article.title, siteName: article.siteName, score, ...snippet(article, query, tokens, glossary) });
  });
  return hits;
}

type Snippet = Pick<SearchHit, 'before' | 'hit' | 'after' | 'via'>;

/** The first sentence holding the query (or its first token, or a glossary term whose English matched). */
export function snippet(article: Pick<ArticleRecord, 'title' | 'text' | 'terms'>, query: string, tokens: string[], glossary: { get(id: string): GlossaryEntry | undefined }): Snippet {
  const text = article.text;
  const lower = text.toLowerCase();
  const needles = [query.trim().toLowerCase(), ...tokens].filter(Boolean);
  for (const needle of needles) {
    const at = lower.indexOf(needle);
    if (at >= 0) return around(text, at, needle.length);
  }
  // English query: show where a glossary term whose rendering matched occurs (as the index has it).
  for (const id of Object.keys(article.terms)) {
    const entry = glossary.get(id);
    if (!entry) continue;
    const words = englishWords(entry.english);
    if (!tokens.every((t) => words.includes(t))) continue;
    for (const surface of [entry.term, ...entry.forms]) {
      const at = text.indexOf(surface);
      if (at >= 0) return { ...around(text, at, surface.length), via: entry.english };
    }
  }
  return { before: article.title, hit: '', after: '' };
}

function around(text: string, at: number, length: number): Snippet {
  const ends = /[。！？!?\n]/;
  let start = at;
  while (start > 0 && at - start < 80 && !ends.test(text[start - 1]!)) start--;
  let end = at + length;
  while (end < text.length && end - at < 120 && !ends.test(text[end]!)) end++;
  if (end < text.length && ends.test(text[end]!)) end++;
  return { before: text.slice(start, at), hit: text.slice(at, at + length), after: text.slice(at + length, end) };
}
