import type { MatchSpan } from './matcher/matcher';

const HAN = /\p{Script=Han}/u;
const LETTER = /\p{L}/u;

/** Share of letters that are Han characters, sampled over at most `limit` characters. */
export function hanRatio(text: string, limit = 20000): number {
  let han = 0;
  let letters = 0;
  for (const ch of text.slice(0, limit)) {
    if (!LETTER.test(ch)) continue;
    letters++;
    if (HAN.test(ch)) han++;
  }
  return letters === 0 ? 0 : han / letters;
}

/** Occurrences per entry id. */
export function countTerms(spans: readonly MatchSpan[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const s of spans) counts[s.id] = (counts[s.id] ?? 0) + 1;
  return counts;
}

/** Entry ids ordered by count (descending), then id, for stable lists. */
export function rankTerms(counts: Readonly<Record<string, number>>): [string, number][] {
  return Object.entries(counts).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}
