import type { GlossaryEntry } from './types';

/** Lower-case, tone marks removed, spaces dropped: "Bā bā" and "baba" compare equal. */
export function plainPinyin(pinyin: string): string {
  return pinyin.normalize('NFD').replace(/[\u0300-\u036f\s]/g, '').replace(/ü/g, 'v').toLowerCase();
}

/** Entries whose hanzi, pinyin (with or without tones) or English contains the query. */
export function searchGlossary(entries: Iterable<GlossaryEntry>, query: string): GlossaryEntry[] {
  const q = query.trim().toLowerCase();
  if (!q) return [...entries];
  const qPinyin = plainPinyin(q);
  const results: GlossaryEntry[] = [];
  for (const e of entries) {
    const hit =
      e.term.includes(q) ||
      e.forms.some((f) => f.includes(q)) ||
      e.pinyin.toLowerCase().includes(q) ||
      (qPinyin.length > 0 && plainPinyin(e.pinyin).includes(qPinyin)) ||
      e.english.toLowerCase().includes(q);
    if (hit) results.push(e);
  }
  return results;
}
