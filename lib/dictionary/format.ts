/**
 * The packed dictionary file (`dictionary.bin`), shared by the build script that writes it and the
 * reader that opens it. Chosen so that opening costs almost nothing in a service worker that may be
 * stopped and restarted at any time: no JSON.parse of 124,000 entries, just typed-array views over the
 * fetched bytes, one decode of the (small) headword list, and entries decoded one by one when asked for.
 *
 * Layout, little-endian, every section starting on a 4-byte boundary:
 *   header        8 × u32: MAGIC, VERSION, entryCount, keyCount, tradPostingCount, keyUnits, entriesBytes, 0
 *   keyLengths    u8[keyCount]        length of each headword in UTF-16 code units
 *   keys          u16[keyUnits]       every simplified and traditional headword once, sorted by UTF-16 code
 *                                     units, back to back. UTF-16 rather than UTF-8 because the reader
 *                                     compares code units straight from this view and never decodes the
 *                                     list (decoding 1.8 MB of UTF-8 cost ~25 ms; UTF-16 is also smaller
 *                                     for CJK text)
 *   simpCounts    u8[keyCount]        entries whose simplified form is this headword (0 for a purely
 *                                     traditional one). Entries are stored grouped by simplified headword in
 *                                     key order, so these counts are all the index the simplified side needs
 *                                     and an entry line need not repeat its simplified form.
 *   tradCounts    u8[keyCount]        further entries whose traditional form is this headword
 *   tradPostings  u32[tradPostingCount] their entry numbers, headword by headword
 *   entries       UTF-8               one line per entry (fields below), each followed by '\n'
 */

export const MAGIC = 0x43494459; // "YDIC" read as a little-endian u32
export const VERSION = 1;
export const HEADER_WORDS = 8;

/**
 * Fields of an entry line, tab-separated: traditional (empty when it equals the simplified form),
 * numbered pinyin as CC-CEDICT writes it, senses joined by '/', classifiers and variant
 * references joined by ',' each written `trad|simp[pin1 yin1]` (`|simp` left out when equal, `[…]` when
 * CC-CEDICT gives no pinyin). '/' and '\t' never occur inside a CC-CEDICT sense; the builder checks.
 */
export const FIELD_SEPARATOR = '\t';
export const SENSE_SEPARATOR = '/';
export const REF_SEPARATOR = ',';
export const LINE_END = 0x0a;

export function align4(n: number): number {
  return (n + 3) & ~3;
}
