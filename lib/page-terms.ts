import type { MatchSpan } from './matcher/matcher';

/**
 * Share of word characters that are Han characters, over at most `limit` characters: Latin, Cyrillic,
 * Greek, kana, hangul and digits count as other letters; spaces and punctuation do not count.
 */
export function hanRatio(text: string, limit = 20000): number {
  let han = 0;
  let letters = 0;
  for (let i = 0, n = Math.min(text.length, limit); i < n; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 0x3400 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff)) {
      han++;
      letters++;
    } else if ((c >= 0x30 && c <= 0x39) || ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a) || (c >= 0xc0 && c <= 0x2fff) || (c >= 0x3040 && c <= 0x30ff) || (c >= 0xac00 && c <= 0xd7af)) {
      letters++;
    }
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
