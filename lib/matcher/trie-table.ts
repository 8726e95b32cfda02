/**
 * The tables the matcher steps through, made from a flat trie (./trie.ts) with typed arrays only, so
 * that a content script given a stored trie has them in a few milliseconds.
 *
 * The alphabet is compact (only characters that occur in some pattern get a symbol; every other
 * character ends a match). The root keeps a full row; every other state keeps only its own edges,
 * in an open-addressing hash, so one step is a table read or a short scan.
 *
 * There are no failure links: the matcher walks the trie afresh from each position (./matcher.ts).
 * Aho-Corasick's links cost a content script most of its start (a breadth-first pass over 27,000
 * states, about 50 ms in a loading page on the bench machine) and bought nothing on this text.
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
  /** Open-addressing table of the trie's edges from every state but the root: key state*symbols+symbol. */
  hashKeys: Int32Array;
  hashTargets: Int32Array;
  hashMask: number;
  symbolCount: number;
  /** Pattern index ending at the state, or -1. */
  terminal: Int32Array;
  /** Pattern index → entry id. */
  patternId: string[];
}

/** The state reached from `state` (not the root) on `symbol`, or 0 when the trie has no such edge. */
export function childOf(t: TrieTable, state: number, symbol: number): number {
  const key = state * t.symbolCount + symbol;
  const { hashKeys, hashMask } = t;
  let slot = Math.imul(key, 0x9e3779b1) & hashMask;
  let k = hashKeys[slot]!;
  while (k !== key && k !== -1) k = hashKeys[(slot = (slot + 1) & hashMask)]!;
  return k === key ? t.hashTargets[slot]! : 0;
}

export function trieTableOf(trie: Trie): TrieTable {
  const { alphabet, parent, symbol, patternState, patternEntry, ids } = trie;
  const stateCount = parent.length;
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
  let edgeTotal = 0;
  for (let s = 1; s < stateCount; s++) {
    if (parent[s] === 0) rootNext[symbol[s]!] = s;
    else edgeTotal++;
  }
  let tableSize = 16;
  while (tableSize < edgeTotal * 2) tableSize <<= 1;
  const hashMask = tableSize - 1;
  const hashKeys = new Int32Array(tableSize).fill(-1);
  const hashTargets = new Int32Array(tableSize);
  for (let s = 1; s < stateCount; s++) {
    const from = parent[s]!;
    if (from === 0) continue;
    const key = from * symbolCount + symbol[s]!;
    let slot = Math.imul(key, 0x9e3779b1) & hashMask;
    while (hashKeys[slot] !== -1) slot = (slot + 1) & hashMask;
    hashKeys[slot] = key;
    hashTargets[slot] = s;
  }

  // A plain loop: Array.from with a mapping function took 5 ms here, before V8 had optimised it.
  const patternId = new Array<string>(patternEntry.length);
  for (let p = 0; p < patternEntry.length; p++) patternId[p] = ids[patternEntry[p]!]!;
  return { symbolOf, rootNext, hashKeys, hashTargets, hashMask, symbolCount, terminal, patternId };
}
