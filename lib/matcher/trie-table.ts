/**
 * The tables the matcher steps through, made from a flat trie (./trie.ts) with typed arrays only, so
 * that a content script given a stored trie has them in a few milliseconds.
 *
 * The alphabet is compact (only characters that occur in some pattern get a symbol; every other
 * character ends a match). The root gets a full row; from every other state a step is a binary
 * search among its children, which the stored trie keeps together and in order, so nothing else is
 * built per page.
 *
 * There are no failure links: the matcher walks the trie afresh from each position (./matcher.ts).
 * An Aho-Corasick automaton's links and edge hash cost a content script most of its start (about
 * 50 ms in a loading page on the bench machine) and bought nothing on this text.
 */
import { TRANSPARENT, changedCodes, foldTable } from './fold';
import type { Trie } from './trie';

export const NOT_IN_ALPHABET = 0;
export const SKIP = -1;

export interface TrieTable {
  /** UTF-16 code unit → symbol (≥1), NOT_IN_ALPHABET, or SKIP. */
  symbolOf: Int32Array;
  /** The root's move on each symbol (0: none). */
  rootNext: Int32Array;
  /** The trie's own: each state's children are consecutive and in symbol order (./trie.ts). */
  firstChild: Int32Array;
  symbol: Int32Array;
  /** Pattern index ending at the state, or -1. */
  terminal: Int32Array;
  /** Pattern index → entry id. */
  patternId: string[];
}

/** The child of `state` on `symbol` (a binary search among its children), or 0 when there is none. */
export function childOf(t: TrieTable, state: number, symbol: number): number {
  let lo = t.firstChild[state]!;
  let hi = t.firstChild[state + 1]! - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const s = t.symbol[mid]!;
    if (s === symbol) return mid;
    if (s < symbol) lo = mid + 1;
    else hi = mid - 1;
  }
  return 0;
}

/**
 * The table from UTF-16 code unit to symbol: the alphabet's own code units, then every code unit the
 * fold table changes takes its folded form's symbol (or SKIP). Unchanged code units outside the
 * alphabet stay 0.
 */
export function symbolTableOf(alphabet: Int32Array): Int32Array {
  const fold = foldTable();
  const symbolOfFolded = new Int32Array(0x10000);
  for (let s = 1; s <= alphabet.length; s++) symbolOfFolded[alphabet[s - 1]!] = s;
  const symbolOf = symbolOfFolded.slice();
  const changed = changedCodes();
  for (let i = 0; i < changed.length; i++) {
    const c = changed[i]!;
    const folded = fold[c]!;
    symbolOf[c] = folded === TRANSPARENT ? SKIP : symbolOfFolded[folded]!;
  }
  return symbolOf;
}

/**
 * A symbol table's entries other than NOT_IN_ALPHABET, as two arrays of non-negative integers (the
 * symbol plus one, so SKIP is 0): stored beside the trie (lib/glossary/pattern-pack.ts), they give a
 * content script its table without the fold table, which took a page 5–10 ms to build and is needed
 * for nothing else there.
 */
export function symbolEntriesOf(symbolOf: Int32Array): [codes: number[], symbolsPlusOne: number[]] {
  const codes: number[] = [];
  const symbols: number[] = [];
  for (let c = 0; c < symbolOf.length; c++)
    if (symbolOf[c] !== NOT_IN_ALPHABET) {
      codes.push(c);
      symbols.push(symbolOf[c]! + 1);
    }
  return [codes, symbols];
}

/** The symbol table from its stored entries (symbolEntriesOf). */
export function symbolTableFrom(codes: ArrayLike<number>, symbolsPlusOne: ArrayLike<number>): Int32Array {
  if (codes.length !== symbolsPlusOne.length) throw new RangeError('symbol entries: codes and symbols differ in length');
  const symbolOf = new Int32Array(0x10000);
  for (let i = 0; i < codes.length; i++) symbolOf[codes[i]!] = symbolsPlusOne[i]! - 1;
  return symbolOf;
}

/** The tables of `trie`; `symbolOf` when the caller has it already (from storage), else made with the fold table. */
export function trieTableOf(trie: Trie, symbolOf: Int32Array = symbolTableOf(trie.alphabet)): TrieTable {
  const { alphabet, firstChild, symbol, patternState, patternEntry, ids } = trie;
  const stateCount = symbol.length;
  const symbolCount = alphabet.length + 1;

  const terminal = new Int32Array(stateCount).fill(-1);
  for (let p = 0; p < patternState.length; p++) terminal[patternState[p]!] = p;
  const rootNext = new Int32Array(symbolCount);
  for (let c = firstChild[0]!; c < firstChild[1]!; c++) rootNext[symbol[c]!] = c;

  // A plain loop: Array.from with a mapping function took 5 ms here, before V8 had optimised it.
  const patternId = new Array<string>(patternEntry.length);
  for (let p = 0; p < patternEntry.length; p++) patternId[p] = ids[patternEntry[p]!]!;
  return { symbolOf, rootNext, firstChild, symbol, terminal, patternId };
}
