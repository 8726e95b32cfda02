/**
 * What counts as a Han (Chinese) character, in one place: the CJK Unified Ideographs, Extension A and
 * the Compatibility Ideographs of the Basic Multilingual Plane. News text outside these (Extension B
 * and beyond, surrogate pairs) is too rare to matter, and code-unit checks keep hot loops cheap.
 */
export const HAN_CLASS = '\\u3400-\\u9fff\\uf900-\\ufaff';
const HAN = new RegExp(`[${HAN_CLASS}]`);
const HAN_ALL = new RegExp(`[${HAN_CLASS}]`, 'g');
const NOT_HAN_ALL = new RegExp(`[^${HAN_CLASS}]`, 'g');

export function isHanCode(c: number): boolean {
  return (c >= 0x3400 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff);
}

export function hasHan(text: string): boolean {
  return HAN.test(text);
}

/** Han characters of a string (digits, Latin letters and punctuation are not read aloud in pinyin here). */
export function hanCount(text: string): number {
  // What removing them shortens the text by (every Han character here is one code unit): match()
  // built an array of every character, 4–5 times slower on a 40,000-character sample, and garbage.
  return text.length - text.replace(HAN_ALL, '').length;
}

export function onlyHan(text: string): string {
  return text.replace(NOT_HAN_ALL, '');
}

/**
 * Share of word characters that are Han characters, over at most `limit` characters: Latin, Cyrillic,
 * Greek, kana, hangul and digits count as other letters; spaces and punctuation do not count.
 */
export function hanRatio(text: string, limit = 20000): number {
  let han = 0;
  let letters = 0;
  for (let i = 0, n = Math.min(text.length, limit); i < n; i++) {
    const c = text.charCodeAt(i);
    if (isHanCode(c)) {
      han++;
      letters++;
    } else if ((c >= 0x30 && c <= 0x39) || ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a) || (c >= 0xc0 && c <= 0x2fff) || (c >= 0x3040 && c <= 0x30ff) || (c >= 0xac00 && c <= 0xd7af)) {
      letters++;
    }
  }
  return letters === 0 ? 0 : han / letters;
}
