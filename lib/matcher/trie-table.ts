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

export function trieTableOf(trie: Trie): TrieTable {
  const { alphabet, firstChild, symbol, patternState, patternEntry, ids } = trie;
  const stateCount = symbol.length;
  const symbolCount = alphabet.length + 1;

  // Code unit → symbol: the alphabet's own code units, then every code unit the fold table changes
  // takes its folded form's symbol (or SKIP). Unchanged code units outside the alphabet stay 0.
  const fold = foldTable();
  const symbolOfFolded = new Int32Array(0x10000);
  for (let s = 1; s < symbolCount; s++) symbolOfFolded[alphabet[s - 1]!] = s;
  const symbolOf = symbolOfFolded.slice();
  const changed = changedCodes();
  for (let i = 0; i < changed.length; i++) {
    const c = changed[i]!;
    const folded = fold[c]!;
    symbolOf[c] = folded === TRANSPARENT ? SKIP : symbolOfFolded[folded]!;
  }

  const terminal = new Int32Array(stateCount).fill(-1);
  for (let p = 0; p < patternState.length; p++) terminal[patternState[p]!] = p;
  const rootNext = new Int32Array(symbolCount);
  for (let c = firstChild[0]!; c < firstChild[1]!; c++) rootNext[symbol[c]!] = c;

  // A plain loop: Array.from with a mapping function took 5 ms here, before V8 had optimised it.
  const patternId = new Array<string>(patternEntry.length);
  for (let p = 0; p < patternEntry.length; p++) patternId[p] = ids[patternEntry[p]!]!;
  return { symbolOf, rootNext, firstChild, symbol, terminal, patternId };
}
