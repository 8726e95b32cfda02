/**
 * The Aho-Corasick DFA the matcher steps through, derived from a flat trie (./trie.ts) with typed
 * arrays only, so that a content script given a stored trie has it ready in a few milliseconds.
 *
 * The alphabet is compact (only characters that occur in some pattern get a symbol; every other
 * character sends the automaton back to the root). The root keeps a full row; every other state keeps
 * only its own edges, in an open-addressing hash, so one step is a table read or a short scan. (Full
 * rows for the states one character deep too made steps from them one read, but cost 5 MB to fill on
 * every page; the hash costs a page about 10% more matching time and nothing to fill.)
 */
import { TRANSPARENT, foldTable } from './fold';
import type { Trie } from './trie';

export const NOT_IN_ALPHABET = 0;
export const SKIP = -1;

export interface Automaton {
  /** UTF-16 code unit → symbol (≥1), NOT_IN_ALPHABET, or SKIP. */
  symbolOf: Int32Array;
  /** Failure links: the longest proper suffix of a state's string that is also a state. */
  fail: Int32Array;
  /** The root's move on each symbol. */
  rootNext: Int32Array;
  /** Open-addressing table of the trie's own edges from every state but the root: key state*symbols+symbol. */
  hashKeys: Int32Array;
  hashTargets: Int32Array;
  hashMask: number;
  symbolCount: number;
  /** Pattern index ending at the state, or -1. */
  terminal: Int32Array;
  /** Nearest state on the failure chain that is terminal, or 0. */
  outputLink: Int32Array;
  /** The state itself when terminal, else its output link: the first output to report, or 0. */
  firstOutput: Int32Array;
  patternLength: Int32Array;
  /** Pattern index → entry id. */
  patternId: string[];
}

/** The DFA's move from `state` on `symbol` (failure links followed). */
export function step(a: Automaton, state: number, symbol: number): number {
  const { rootNext, hashKeys, hashTargets, hashMask, symbolCount, fail } = a;
  for (;;) {
    if (state === 0) return rootNext[symbol]!;
    const key = state * symbolCount + symbol;
    let slot = Math.imul(key, 0x9e3779b1) & hashMask;
    let k = hashKeys[slot]!;
    while (k !== key && k !== -1) k = hashKeys[(slot = (slot + 1) & hashMask)]!;
    if (k === key) return hashTargets[slot]!;
    state = fail[state]!;
  }
}

export function automatonOf(trie: Trie): Automaton {
  const { alphabet, parent, symbol, patternState } = trie;
  const stateCount = parent.length;
  const symbolCount = alphabet.length + 1;

  // Typed-array lookups here: this loop runs 65,536 times on every page load.
  const fold = foldTable();
  const symbolOfFolded = new Int32Array(0x10000);
  for (let s = 1; s < symbolCount; s++) symbolOfFolded[alphabet[s - 1]!] = s;
  const symbolOf = new Int32Array(0x10000);
  for (let c = 0; c < 0x10000; c++) {
    const folded = fold[c]!;
    symbolOf[c] = folded === TRANSPARENT ? SKIP : symbolOfFolded[folded]!;
  }

  const terminal = new Int32Array(stateCount).fill(-1);
  for (let p = 0; p < patternState.length; p++) terminal[patternState[p]!] = p;

  // Children of each state, contiguous (counting sort by parent): children[childStart[s] .. childStart[s+1]).
  // Index loops over typed arrays throughout: this runs once per page, before V8 has optimised anything.
  const childStart = new Int32Array(stateCount + 1);
  for (let s = 1; s < stateCount; s++) childStart[parent[s]! + 1]!++;
  for (let s = 0; s < stateCount; s++) childStart[s + 1]! += childStart[s]!;
  const children = new Int32Array(Math.max(0, stateCount - 1));
  const fillAt = childStart.slice(0, stateCount);
  for (let s = 1; s < stateCount; s++) children[fillAt[parent[s]!]!++] = s;

  const rootChildCount = childStart[1]!;
  const rootNext = new Int32Array(symbolCount);
  for (let k = 0; k < rootChildCount; k++) rootNext[symbol[children[k]!]!] = children[k]!;

  // Own edges of every state but the root.
  const edgeTotal = stateCount - 1 - rootChildCount;
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

  // Failure links breadth first (a state's link is shallower, so known by then), with the DFA's own
  // move; the root's children keep the root. Then output links in the same order.
  const fail = new Int32Array(stateCount);
  const outputLink = new Int32Array(stateCount);
  const automaton: Automaton = { symbolOf, fail, hashKeys, hashTargets, hashMask, symbolCount, rootNext, terminal, outputLink, firstOutput: outputLink, patternLength: trie.patternLength, patternId: [] };
  const queue = new Int32Array(stateCount);
  let tail = 0;
  for (let k = 0; k < rootChildCount; k++) queue[tail++] = children[k]!;
  for (let head = 0; head < tail; head++) {
    const s = queue[head]!;
    for (let c = childStart[s]!, end = childStart[s + 1]!; c < end; c++) {
      const child = children[c]!;
      fail[child] = step(automaton, fail[s]!, symbol[child]!);
      queue[tail++] = child;
    }
  }
  for (let i = 0; i < tail; i++) {
    const s = queue[i]!;
    outputLink[s] = terminal[fail[s]!]! >= 0 ? fail[s]! : outputLink[fail[s]!]!;
  }
  const firstOutput = new Int32Array(stateCount);
  for (let s = 1; s < stateCount; s++) firstOutput[s] = terminal[s]! >= 0 ? s : outputLink[s]!;
  automaton.firstOutput = firstOutput;
  automaton.patternId = Array.from(trie.patternEntry, (entry) => trie.ids[entry]!);
  return automaton;
}
