/**
 * Numbered pinyin (CC-CEDICT's "Zhong1 guo2", "lu:e4", "r5") to tone marks ("Zhōng guó", "lüè", "r").
 * Kept apart from the in-context reader (./reading.ts) so the dictionary can use it without pulling in
 * pinyin-pro's 300 kB of data.
 */

/** Combining marks for tones 1–4; tone 5 (neutral) is unmarked. NFC then folds most into one code point. */
const TONE_MARKS = ['', '\u0304', '\u0301', '\u030c', '\u0300', ''];

const SYLLABLE = /^([A-Za-z:üÜ]+)([1-5])$/;

/** Index of the letter that carries the tone mark, by the standard rule: a or e; the o of ou; else the last vowel. */
function markIndex(lower: string): number {
  const a = lower.indexOf('a');
  if (a >= 0) return a;
  const e = lower.indexOf('e');
  if (e >= 0) return e;
  const ou = lower.indexOf('ou');
  if (ou >= 0) return ou;
  for (let i = lower.length - 1; i >= 0; i--) if ('iouü'.includes(lower[i]!)) return i;
  // Syllabic nasals (m2, n2, ng2, hm5): the mark goes on the nasal.
  const nasal = lower.search(/[mn]/);
  return nasal;
}

/** One numbered syllable ("lu:e4") with tone marks ("lüè"); anything that is not one is returned unchanged. */
export function syllableToMarks(token: string): string {
  const m = SYLLABLE.exec(token);
  if (!m) return token;
  const letters = m[1]!.replace(/u:/g, 'ü').replace(/U:/g, 'Ü');
  const tone = Number(m[2]);
  if (letters.includes(':')) return token; // a stray colon: not a syllable we understand
  const at = markIndex(letters.toLowerCase());
  if (at < 0 || TONE_MARKS[tone] === '') return letters;
  return (letters.slice(0, at + 1) + TONE_MARKS[tone] + letters.slice(at + 1)).normalize('NFC');
}

/** Space-separated numbered pinyin to tone marks, token by token (letters, digits and punctuation pass through). */
export function numberedToMarks(numbered: string): string {
  return numbered.split(' ').map(syllableToMarks).join(' ');
}
