/**
 * A flat trie (./trie.ts) as one string, for extension storage: storage.local keeps JSON, where typed
 * arrays do not survive and an array of 70,000 numbers costs far more to read than one string.
 *
 * The arrays' integers are stored as base64 of their bytes: 16-bit when every value fits (the built-in
 * glossary's trie does), else 32-bit. A page decodes them with `Uint8Array.fromBase64` (Chromium 140,
 * Firefox 133), natively, and copies each array out with the typed-array constructor: no per-integer
 * JavaScript runs while the page waits for its first marks. The earlier format (one character per
 * integer, read in a loop) cost 15 ms of that wait on this machine, in code V8 had not optimised yet.
 * Written here because no installed package encodes typed arrays into a storage-safe string.
 */
import type { Trie } from './trie';
import { base64ToBytes as fromBase64, bytesToBase64 as toBase64 } from '../base64';

/** The integer arrays as stored: their bytes in base64, the width of each integer, each array's length. */
export interface PackedInts {
  base64: string;
  width: 2 | 4;
  lengths: number[];
}

/** Packs non-negative integer arrays (the pack is written and read on the same machine, so byte order is the platform's). */
export function packInts(arrays: readonly ArrayLike<number>[]): PackedInts {
  let max = 0;
  for (const array of arrays)
    for (let i = 0; i < array.length; i++) {
      const value = array[i]!;
      if (!Number.isInteger(value) || value < 0 || value > 0x7fff_ffff) throw new RangeError(`cannot pack ${value}`);
      if (value > max) max = value;
    }
  const width = max <= 0xffff ? 2 : 4;
  const lengths = arrays.map((array) => array.length);
  const all = width === 2 ? new Uint16Array(lengths.reduce((a, b) => a + b, 0)) : new Int32Array(lengths.reduce((a, b) => a + b, 0));
  let at = 0;
  for (const array of arrays) {
    all.set(array, at);
    at += array.length;
  }
  return { base64: toBase64(new Uint8Array(all.buffer)), width, lengths };
}

/** The arrays packInts wrote; throws when the data does not hold exactly what `lengths` says. */
export function unpackInts({ base64, width, lengths }: PackedInts): Int32Array[] {
  const bytes = fromBase64(base64);
  const count = lengths.reduce((a, b) => a + b, 0);
  if (bytes.length !== count * width) throw new RangeError(`packed integers: ${bytes.length} bytes for ${count} integers of ${width}`);
  // fromBase64 (and the fallback) return a fresh buffer: offset 0, so any width is aligned.
  const all = width === 2 ? new Uint16Array(bytes.buffer, bytes.byteOffset, count) : new Int32Array(bytes.buffer, bytes.byteOffset, count);
  const arrays: Int32Array[] = [];
  let at = 0;
  for (const length of lengths) {
    arrays.push(new Int32Array(all.subarray(at, at + length)));
    at += length;
  }
  return arrays;
}

/** A trie as stored: its integer arrays, and its entry ids. */
export interface PackedTrie {
  ints: PackedInts;
  ids: string[];
}

export function packTrie(trie: Trie): PackedTrie {
  return { ints: packInts([trie.alphabet, trie.firstChild, trie.symbol, trie.patternState, trie.patternLength, trie.patternEntry]), ids: trie.ids };
}

export function unpackTrie({ ints, ids }: PackedTrie): Trie {
  if (ints.lengths.length !== 6) throw new RangeError('a packed trie has six arrays');
  const [alphabet, firstChild, symbol, patternState, patternLength, patternEntry] = unpackInts(ints) as [Int32Array, Int32Array, Int32Array, Int32Array, Int32Array, Int32Array];
  return { alphabet, firstChild, symbol, patternState, patternLength, patternEntry, ids };
}
