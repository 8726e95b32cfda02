/**
 * A flat trie (./trie.ts) as one string, for extension storage: storage.local keeps JSON, where typed
 * arrays do not survive and an array of 60,000 numbers costs far more to read than one string.
 *
 * Each integer is written in base 32,768: leading digits as characters U+8020..U+C01F, the last one as
 * U+0020..U+801F. Offsetting by U+0020 keeps control characters (escaped in JSON) out, and everything
 * stays below the surrogates (U+D800), which do not survive the round trip through UTF-8 storage.
 * Written here because no installed package encodes integer arrays into a storage-safe string.
 */
import type { Trie } from './trie';

const BASE = 0x20;
const LAST = 0x8000;
const LEADING = 0x4000;

function writeInt(out: string[], value: number): void {
  if (!Number.isInteger(value) || value < 0) throw new RangeError(`cannot pack ${value}`);
  const digits: number[] = [BASE + (value % LAST)];
  for (let v = Math.floor(value / LAST); v > 0; v = Math.floor(v / LEADING)) digits.push(BASE + LAST + (v % LEADING));
  for (let i = digits.length - 1; i >= 0; i--) out.push(String.fromCharCode(digits[i]!));
}

/** The integer arrays, each preceded by its length. */
export function packInts(arrays: readonly ArrayLike<number>[]): string {
  const out: string[] = [];
  for (const array of arrays) {
    writeInt(out, array.length);
    for (let i = 0; i < array.length; i++) writeInt(out, array[i]!);
  }
  return out.join('');
}

/** The arrays packInts wrote, `count` of them; throws if the text is cut short or has more. */
export function unpackInts(text: string, count: number): Int32Array[] {
  // One loop with the digit reading inlined: this runs once per page, before V8 has optimised anything.
  let at = 0;
  const end = text.length;
  const arrays: Int32Array[] = [];
  let array: Int32Array | undefined;
  let filled = 0;
  let value = 0;
  while (at < end) {
    const c = text.charCodeAt(at++) - BASE;
    if (c >= LAST) {
      value = value * LEADING + (c - LAST);
      continue;
    }
    value = value * LAST + c;
    if (array === undefined) {
      array = new Int32Array(value);
      filled = 0;
    } else array[filled++] = value;
    value = 0;
    if (array.length === filled) {
      arrays.push(array);
      array = undefined;
      if (arrays.length === count) break;
    }
  }
  if (array !== undefined || arrays.length < count || value !== 0) throw new RangeError('packed integers cut short');
  if (at !== end) throw new RangeError('packed integers have trailing data');
  return arrays;
}

/** A trie as stored: its integer arrays in one string, and its entry ids. */
export interface PackedTrie {
  ints: string;
  ids: string[];
}

export function packTrie(trie: Trie): PackedTrie {
  return { ints: packInts([trie.alphabet, trie.firstChild, trie.symbol, trie.patternState, trie.patternLength, trie.patternEntry]), ids: trie.ids };
}

export function unpackTrie({ ints, ids }: PackedTrie): Trie {
  const [alphabet, firstChild, symbol, patternState, patternLength, patternEntry] = unpackInts(ints, 6) as [Int32Array, Int32Array, Int32Array, Int32Array, Int32Array, Int32Array];
  return { alphabet, firstChild, symbol, patternState, patternLength, patternEntry, ids };
}
