/**
 * The Aho-Corasick DFA the matcher steps through, derived from a flat trie (./trie.ts) with typed
 * arrays only, so that a content script given a stored trie has it ready in a few milliseconds.
 *
 * The alphabet is compact (only characters that occur in some pattern get a symbol; every other
 * character sends the automaton back to the root). The root and the states one character deep keep
 * full rows; deeper states keep only their own edges, in an open-addressing hash, so one step is a
 * table read and a short scan.
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
  /** Open-addressing table of the trie's own edges from states two or more characters deep: key state*symbols+symbol. */
  hashKeys: Int32Array;
  hashTargets: Int32Array;
  hashMask: number;
  symbolCount: number;
  /** Full rows of the DFA for the root and the states one character deep: row offset or -1. */
  shallowRow: Int32Array;
  shallowNext: Int32Array;
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
  const { shallowRow, shallowNext, hashKeys, hashTargets, hashMask, symbolCount, fail } = a;
  for (;;) {
    const row = shallowRow[state]!;
    if (row >= 0) return shallowNext[row + symbol]!;
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
  const childStart = new Int32Array(stateCount + 1);
  for (let s = 1; s < stateCount; s++) childStart[parent[s]! + 1]!++;
  for (let s = 0; s < stateCount; s++) childStart[s + 1]! += childStart[s]!;
  const children = new Int32Array(Math.max(0, stateCount - 1));
  const fillAt = childStart.slice(0, stateCount);
  for (let s = 1; s < stateCount; s++) children[fillAt[parent[s]!]!++] = s;
  const childrenOf = (s: number) => children.subarray(childStart[s]!, childStart[s + 1]!);

  // Full rows for the root (row 0) and its children. A child's failure state is the root, so its row
  // is the root's moves with its own edges on top.
  const rootChildren = childrenOf(0);
  const shallowRow = new Int32Array(stateCount).fill(-1);
  const shallowNext = new Int32Array((rootChildren.length + 1) * symbolCount);
  for (const child of rootChildren) shallowNext[symbol[child]!] = child;
  const rootNext = shallowNext.subarray(0, symbolCount);
  shallowRow[0] = 0;
  let row = symbolCount;
  for (const child of rootChildren) {
    shallowRow[child] = row;
    shallowNext.set(rootNext, row);
    for (const grandchild of childrenOf(child)) shallowNext[row + symbol[grandchild]!] = grandchild;
    row += symbolCount;
  }

  // Own edges of states two or more characters deep (edges whose source has no full row).
  let edgeTotal = 0;
  for (let s = 1; s < stateCount; s++) if (shallowRow[parent[s]!]! < 0) edgeTotal++;
  let tableSize = 16;
  while (tableSize < edgeTotal * 2) tableSize <<= 1;
  const hashMask = tableSize - 1;
  const hashKeys = new Int32Array(tableSize).fill(-1);
  const hashTargets = new Int32Array(tableSize);
  for (let s = 1; s < stateCount; s++) {
    const from = parent[s]!;
    if (shallowRow[from]! >= 0) continue;
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
  const automaton: Automaton = { symbolOf, fail, hashKeys, hashTargets, hashMask, symbolCount, shallowRow, shallowNext, terminal, outputLink, firstOutput: outputLink, patternLength: trie.patternLength, patternId: [] };
  const queue = new Int32Array(stateCount);
  let tail = 0;
  for (const child of rootChildren) queue[tail++] = child;
  for (let head = 0; head < tail; head++) {
    const s = queue[head]!;
    for (const child of childrenOf(s)) {
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
