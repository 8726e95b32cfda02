/**
 * Reads the packed CC-CEDICT file (layout in ./format.ts). Opening it decodes only the headword list
 * and builds a few offset tables; an entry's text is decoded when it is looked up, so a service worker
 * that is stopped and woken again pays little to answer its first hover.
 */
import { numberedToMarks } from '../pinyin/tone-marks';
import { FIELD_SEPARATOR, HEADER_WORDS, LINE_END, MAGIC, REF_SEPARATOR, SENSE_SEPARATOR, VERSION, align4 } from './format';

/** A classifier or a "variant of" target, as CC-CEDICT names it. */
export interface DictionaryRef {
  traditional: string;
  simplified: string;
  /** Tone marks ("gè"), or null where CC-CEDICT gives no reading. */
  pinyin: string | null;
  /** As CC-CEDICT writes it ("ge4"). */
  pinyinNumbered: string | null;
}

export interface DictionaryEntry {
  simplified: string;
  traditional: string;
  /** Tone marks, syllables separated by spaces ("Zhōng guó"); capitals mark proper nouns as in CC-CEDICT. */
  pinyin: string;
  /** As CC-CEDICT writes it ("Zhong1 guo2", "lu:4"): lossless, and what tone colouring needs. */
  pinyinNumbered: string;
  /** Every sense, in CC-CEDICT's order (classifier lines are in `classifiers`, not here). */
  senses: string[];
  classifiers: DictionaryRef[];
  /** Entries this one is a variant of ("variant of 裡|里[li3]"); the sense itself stays in `senses`. */
  variantOf: DictionaryRef[];
}

/** One headword found in running text: the text as written there and its entries. */
export interface WordMatch {
  word: string;
  entries: DictionaryEntry[];
}

/** Longest headword in CC-CEDICT is 19 characters; a little slack for future data. */
const MAX_WORD = 32;

function parseRef(text: string): DictionaryRef {
  const bracket = text.indexOf('[');
  const chars = bracket < 0 ? text : text.slice(0, bracket);
  const pinyinNumbered = bracket < 0 ? null : text.slice(bracket + 1, -1);
  const bar = chars.indexOf('|');
  const traditional = bar < 0 ? chars : chars.slice(0, bar);
  const simplified = bar < 0 ? chars : chars.slice(bar + 1);
  return { traditional, simplified, pinyinNumbered, pinyin: pinyinNumbered === null ? null : numberedToMarks(pinyinNumbered) };
}

const refs = (field: string | undefined) => (field ? field.split(REF_SEPARATOR).map(parseRef) : []);

function prefixSums(counts: Uint8Array): Uint32Array {
  const out = new Uint32Array(counts.length + 1);
  for (let i = 0; i < counts.length; i++) out[i + 1] = out[i]! + counts[i]!;
  return out;
}

/** Offsets of each '\n'-terminated line in `bytes` (a native indexOf per line is far faster than a byte loop). */
function lineStarts(bytes: Uint8Array, count: number): Uint32Array {
  const starts = new Uint32Array(count + 1);
  let at = 0;
  for (let i = 0; i < count; i++) {
    const end = bytes.indexOf(LINE_END, at);
    if (end < 0) throw new Error('dictionary: truncated entry section');
    starts[i] = at;
    at = end + 1;
  }
  starts[count] = at;
  return starts;
}

export class Dictionary {
  readonly entryCount: number;
  readonly keyCount: number;
  /** Every headword's UTF-16 code units, back to back, read in place (never decoded as a whole). */
  private readonly keys: Uint16Array;
  private readonly keyStart: Uint32Array;
  private readonly simpStart: Uint32Array;
  private readonly tradStart: Uint32Array;
  private readonly tradPostings: Uint32Array;
  private readonly entries: Uint8Array;
  private readonly entryStart: Uint32Array;
  private readonly decoder = new TextDecoder();

  constructor(data: ArrayBuffer | Uint8Array) {
    // Typed-array views need 4-byte alignment; a Uint8Array slice of a larger buffer may not have it.
    const bytes = data instanceof Uint8Array ? (data.byteOffset % 4 === 0 ? data : data.slice()) : new Uint8Array(data);
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    if (bytes.byteLength < HEADER_WORDS * 4 || view.getUint32(0, true) !== MAGIC) throw new Error('dictionary: not a Yidu dictionary file');
    const word = (i: number) => view.getUint32(i * 4, true);
    if (word(1) !== VERSION) throw new Error(`dictionary: format version ${word(1)}, this reader reads ${VERSION}`);
    const [entryCount, keyCount, postingCount, keyUnits, entriesBytes] = [word(2), word(3), word(4), word(5), word(6)];
    // The u16 and u32 sections are viewed in place, which assumes a little-endian machine (every browser's).
    if (new Uint8Array(new Uint16Array([1]).buffer)[0] !== 1) throw new Error('dictionary: needs a little-endian machine');

    const lengthsAt = HEADER_WORDS * 4;
    const keysAt = align4(lengthsAt + keyCount);
    const simpAt = align4(keysAt + keyUnits * 2);
    const tradAt = align4(simpAt + keyCount);
    const postingsAt = align4(tradAt + keyCount);
    const entriesAt = postingsAt + postingCount * 4;
    if (entriesAt + entriesBytes !== bytes.byteLength) throw new Error('dictionary: file size does not match its header');

    this.entryCount = entryCount;
    this.keyCount = keyCount;
    this.keys = new Uint16Array(bytes.buffer, bytes.byteOffset + keysAt, keyUnits);
    this.keyStart = prefixSums(bytes.subarray(lengthsAt, lengthsAt + keyCount));
    this.simpStart = prefixSums(bytes.subarray(simpAt, simpAt + keyCount));
    this.tradStart = prefixSums(bytes.subarray(tradAt, tradAt + keyCount));
    this.tradPostings = new Uint32Array(bytes.buffer, bytes.byteOffset + postingsAt, postingCount);
    this.entries = bytes.subarray(entriesAt, entriesAt + entriesBytes);
    this.entryStart = lineStarts(this.entries, entryCount);
  }

  private keyLength(k: number): number {
    return this.keyStart[k + 1]! - this.keyStart[k]!;
  }

  /** The key's code unit at position d, or -1 past its end (so shorter keys sort first, as they do). */
  private keyCode(k: number, d: number): number {
    return d < this.keyLength(k) ? this.keys[this.keyStart[k]! + d]! : -1;
  }

  /** Among keys lo..hi-1 (which share their first d code units), the first whose code at d is ≥ code. */
  private lowerBound(lo: number, hi: number, d: number, code: number): number {
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.keyCode(mid, d) < code) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /**
   * Key numbers of the headwords that `text` has at `index`, longest first. The sorted key list is
   * narrowed one character at a time to the keys that start with what has been read so far, so every
   * length is answered by one walk (about 2 log n comparisons per character) and nothing is allocated.
   */
  private keysAt(text: string, index: number, maxLength: number): number[] {
    const found: number[] = [];
    let lo = 0;
    let hi = this.keyCount;
    const end = Math.min(text.length, index + maxLength);
    for (let d = 0; index + d < end; d++) {
      const code = text.charCodeAt(index + d);
      lo = this.lowerBound(lo, hi, d, code);
      hi = this.lowerBound(lo, hi, d, code + 1);
      if (lo >= hi) break;
      if (this.keyLength(lo) === d + 1) found.push(lo);
    }
    return found.reverse();
  }

  private keyOf(word: string): number {
    if (!word) return -1;
    const keys = this.keysAt(word, 0, word.length);
    return keys.length && this.keyLength(keys[0]!) === word.length ? keys[0]! : -1;
  }

  /** The simplified headword of entry `id`: the key whose run of entries contains it. */
  private simplifiedOf(id: number): string {
    let lo = 0;
    let hi = this.keyCount - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.simpStart[mid + 1]! <= id) lo = mid + 1;
      else hi = mid;
    }
    return String.fromCharCode(...this.keys.subarray(this.keyStart[lo]!, this.keyStart[lo + 1]!));
  }

  /** Entry number `id` (0 ≤ id < entryCount), decoded. */
  entry(id: number): DictionaryEntry {
    if (!(id >= 0 && id < this.entryCount)) throw new RangeError(`dictionary: no entry ${id}`);
    const line = this.decoder.decode(this.entries.subarray(this.entryStart[id]!, this.entryStart[id + 1]! - 1));
    const [traditional, pinyinNumbered = '', senses, classifiers, variants] = line.split(FIELD_SEPARATOR);
    const simplified = this.simplifiedOf(id);
    return {
      simplified,
      traditional: traditional || simplified,
      pinyin: numberedToMarks(pinyinNumbered),
      pinyinNumbered,
      senses: senses ? senses.split(SENSE_SEPARATOR) : [],
      classifiers: refs(classifiers),
      variantOf: refs(variants),
    };
  }

  private entriesOfKey(k: number): DictionaryEntry[] {
    const out: DictionaryEntry[] = [];
    for (let id = this.simpStart[k]!; id < this.simpStart[k + 1]!; id++) out.push(this.entry(id));
    for (let p = this.tradStart[k]!; p < this.tradStart[k + 1]!; p++) out.push(this.entry(this.tradPostings[p]!));
    return out;
  }

  /**
   * Every entry whose simplified or traditional form is `word`: those written so in simplified Chinese
   * first (CC-CEDICT's order), then those written so only in traditional (乾 finds 乾 qián and 干 gān).
   */
  lookup(word: string): DictionaryEntry[] {
    const k = this.keyOf(word);
    return k < 0 ? [] : this.entriesOfKey(k);
  }

  has(word: string): boolean {
    return this.keyOf(word) >= 0;
  }

  /** The headwords `text` has at `index` (as written there), longest first: 长三角 → 长三角, 长三, 长. */
  longestMatches(text: string, index: number, maxLength = MAX_WORD): string[] {
    return this.keysAt(text, index, maxLength).map((k) => text.slice(index, index + this.keyLength(k)));
  }

  /** What a hover card shows: each headword at `index`, longest first, with its entries. */
  wordsAt(text: string, index: number, maxLength = MAX_WORD): WordMatch[] {
    return this.keysAt(text, index, maxLength).map((k) => ({
      word: text.slice(index, index + this.keyLength(k)),
      entries: this.entriesOfKey(k),
    }));
  }

  /** The entries a variant reference points at (same traditional and simplified form, and reading if given). */
  resolve(ref: DictionaryRef): DictionaryEntry[] {
    const byReading = (e: DictionaryEntry) =>
      e.traditional === ref.traditional && (ref.pinyinNumbered === null || e.pinyinNumbered.toLowerCase() === ref.pinyinNumbered.toLowerCase());
    return this.lookup(ref.simplified).filter(byReading);
  }
}

/** Opens a dictionary file's bytes (e.g. `await (await fetch(browser.runtime.getURL('/dictionary.bin'))).arrayBuffer()`). */
export function openDictionary(bytes: ArrayBuffer | Uint8Array): Dictionary {
  return new Dictionary(bytes);
}
