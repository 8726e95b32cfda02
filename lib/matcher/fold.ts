/**
 * Character folding shared by the matcher's patterns and the text it scans, so that both sides
 * compare equal when a reader would say they are the same word: full-width and half-width forms,
 * ASCII case, dash and middle-dot variants, and traditional characters (folded to simplified).
 * Whitespace, line breaks and quotation marks are "transparent": skipped inside a term, because
 * PDF-extracted and typeset news breaks words across lines and quotes parts of terms (十四五”规划); the enumeration comma 、 too (不忘初心、牢记使命).
 */

/** Returned by {@link foldCode} for characters the matcher steps over. */
export const TRANSPARENT = -1;

const TRANSPARENT_CHARS =
  ' \t\n\r\v\f\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u200b\u200c\u200d' +
  '\u2028\u2029\u202f\u205f\u3000\ufeff' +
  '\u3001"\'\u201c\u201d\u2018\u2019\u300c\u300d\u300e\u300f\u300a\u300b\u3008\u3009\u301d\u301e\uff02\uff07';
const DASHES = '\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d\u30fc';
const MIDDLE_DOTS = '\u00b7\u2022\u2027\u30fb\uff65\u2219';

let table: Int32Array | undefined;
/** The code units the table maps to something other than themselves. */
let foldedCodes: Int32Array | undefined;
let traditionalPairs: string | undefined;

/**
 * The traditional→simplified pairs (assets/traditional-fold.json, 18 KB): registered by
 * ./fold-data.ts where the extension has them bundled, and handed to content scripts with the pattern
 * payload, so the content script does not carry them. Registering again rebuilds the table.
 */
export function registerTraditionalPairs(pairs: string): void {
  if (pairs === traditionalPairs) return;
  traditionalPairs = pairs;
  table = foldedCodes = undefined;
}

export function registeredTraditionalPairs(): string | undefined {
  return traditionalPairs;
}

/** A 64K table from UTF-16 code unit to folded code unit (or TRANSPARENT), built once on first use. */
export function foldTable(): Int32Array {
  if (table) return table;
  const t = new Int32Array(0x10000);
  for (let c = 0; c < 0x10000; c++) t[c] = c;
  // Every code unit given a folded form, noted as it is set (a code noted twice is harmless).
  const changed: number[] = [];
  const set = (c: number, folded: number) => {
    t[c] = folded;
    changed.push(c);
  };
  for (let c = 0x41; c <= 0x5a; c++) set(c, c + 0x20); // ASCII upper → lower
  for (let c = 0xff01; c <= 0xff5e; c++) set(c, t[c - 0xfee0]!); // full-width ASCII → half-width (and lower case)
  for (const ch of DASHES) set(ch.charCodeAt(0), 0x2d);
  for (const ch of MIDDLE_DOTS) set(ch.charCodeAt(0), 0xb7);
  const pairs = traditionalPairs ?? '';
  for (let i = 0; i + 1 < pairs.length; i += 2) set(pairs.charCodeAt(i), pairs.charCodeAt(i + 1));
  for (const ch of TRANSPARENT_CHARS) set(ch.charCodeAt(0), TRANSPARENT);
  table = t;
  foldedCodes = Int32Array.from(changed.filter((c) => t[c] !== c));
  return t;
}

/**
 * Every code unit the fold table changes (a few thousand of 65,536): lets a page's lookup table be
 * filled from these and the alphabet, instead of by a pass over every code unit.
 */
export function changedCodes(): Int32Array {
  foldTable();
  return foldedCodes!;
}

/** Folded code unit of `code`, or TRANSPARENT. */
export function foldCode(code: number): number {
  return foldTable()[code & 0xffff]!;
}

/** The folded form of a string with transparent characters removed (what a pattern is stored as). */
export function foldString(text: string): string {
  const t = foldTable();
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const f = t[text.charCodeAt(i)]!;
    if (f !== TRANSPARENT) out += String.fromCharCode(f);
  }
  return out;
}
