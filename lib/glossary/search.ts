import type { GlossaryEntry } from './types';

/** Lower-case, tone marks removed, spaces dropped: "Bā bā" and "baba" compare equal. */
export function plainPinyin(pinyin: string): string {
  return pinyin.normalize('NFD').replace(/[\u0300-\u036f\s]/g, '').replace(/ü/g, 'v').toLowerCase();
}

/** Words never worth matching on their own in an English query. */
const STOP = new Set(['the', 'and', 'of', 'a', 'an', 'to', 'for', 'in', 'on']);

/**
 * English words as search compares them: lower case, hyphens and punctuation as spaces, a plural -s
 * dropped ("Double-Eight Strategy" and "double eight strategies" give the same words), stop words out.
 */
export function englishWords(text: string): string[] {
  return text
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .split(/[^a-z0-9]+/)
    .filter((w) => w && !STOP.has(w))
    .map((w) => (w.length > 4 && w.endsWith('ies') ? `${w.slice(0, -3)}y` : w.length > 3 && w.endsWith('s') && !w.endsWith('ss') ? w.slice(0, -1) : w));
}

/**
 * Entries whose hanzi, pinyin (with or without tones) or English matches the query, best first: an
 * exact English rendering, then every query word in the English (any order: "zero COVID", "Belt Road",
 * "e commerce"), then hanzi and pinyin hits.
 */
export function searchGlossary(entries: Iterable<GlossaryEntry>, query: string): GlossaryEntry[] {
  const q = query.trim().toLowerCase();
  if (!q) return [...entries];
  const qPinyin = plainPinyin(q);
  const qWords = englishWords(q);
  const qJoined = qWords.join(' ');
  const scored: [GlossaryEntry, number, number][] = [];
  for (const e of entries) {
    const words = englishWords(e.english);
    const joined = words.join(' ');
    const wordSet = new Set(words);
    // "e commerce" → "ecommerce" also finds "e-commerce" written as one word, and the reverse.
    const glued = joined.replace(/ /g, '');
    let score = 0;
    if ((qWords.length && joined === qJoined) || e.term === q || e.forms.includes(q)) score = 4;
    else if (qWords.length && (qWords.every((w) => wordSet.has(w)) || glued.includes(qWords.join('')))) score = 3;
    else if (e.term.includes(q) || e.forms.some((f) => f.includes(q))) score = 2;
    else if (e.pinyin.toLowerCase().includes(q) || (qPinyin.length > 0 && plainPinyin(e.pinyin).includes(qPinyin))) score = 1;
    else if (qWords.length && qWords.every((w) => words.some((x) => x.startsWith(w)))) score = 1;
    // Among equals, the rendering with the fewest extra words is the closer match.
    if (score > 0) scored.push([e, score, words.length]);
  }
  return scored.sort((a, b) => b[1] - a[1] || a[2] - b[2]).map(([e]) => e);
}
