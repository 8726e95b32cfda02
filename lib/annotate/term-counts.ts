import type { MatchSpan } from '../matcher/matcher';

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
