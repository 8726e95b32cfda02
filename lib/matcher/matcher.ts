/**
 * Finds glossary terms in text: leftmost-longest, non-overlapping, in time linear in the text.
 *
 * Written here rather than taken from a library: the npm Aho-Corasick packages we looked at allocate
 * an object per match and a string per step, and none can skip whitespace inside a term while still
 * reporting UTF-16 offsets into the original text, which the annotator and the CLI both need.
 *
 * The automaton is an Aho-Corasick DFA over a compact alphabet (only characters that occur in some
 * pattern get a symbol; every other character sends it back to the root). Transitions are stored
 * as the root's full row plus, for every other state, only the transitions that differ from the
 * root's, so one step is a table read and a short scan.
 */
import { TRANSPARENT, foldTable } from './fold';

export interface MatchSpan {
  /** UTF-16 offset of the first character of the match. */
  start: number;
  /** UTF-16 offset just past the last character (text.slice(start, end) is the surface). */
  end: number;
  /** The id of the entry whose surface matched. */
  id: string;
}

/** What the matcher needs of an entry: its id and every spelling to look for. */
export interface PatternSource {
  id: string;
  surfaces: readonly string[];
}

const NOT_IN_ALPHABET = 0;
const SKIP = -1;

interface Automaton {
  /** UTF-16 code unit → symbol (≥1), NOT_IN_ALPHABET, or SKIP. */
  symbolOf: Int32Array;
  rootNext: Int32Array;
  /** Failure links: the longest proper suffix of a state's string that is also a state. */
  fail: Int32Array;
  /** Open-addressing table of the trie's own edges from states two or more characters deep: key state*symbols+symbol. */
  hashKeys: Int32Array;
  hashTargets: Int32Array;
  hashMask: number;
  symbolCount: number;
  /** Full rows of the DFA for states one character deep (most non-root steps start there): row index or -1. */
  shallowRow: Int32Array;
  shallowNext: Int32Array;
  /** Pattern index ending at the state, or -1. */
  terminal: Int32Array;
  /** Nearest state on the failure chain that is terminal, or 0. */
  outputLink: Int32Array;
  /** The state itself when terminal, else its output link: the first output to report, or 0. */
  firstOutput: Int32Array;
  patternLength: Int32Array;
  patternId: string[];
}

export class Matcher {
  private readonly sources = new Map<string, readonly string[]>();
  private automaton: Automaton | undefined;

  constructor(sources: Iterable<PatternSource> = []) {
    this.add(sources);
  }

  /** Adds (or replaces, by id) entries; the automaton is rebuilt lazily on the next search. */
  add(sources: Iterable<PatternSource>): void {
    for (const s of sources) this.sources.set(s.id, s.surfaces);
    this.automaton = undefined;
  }

  remove(id: string): void {
    if (this.sources.delete(id)) this.automaton = undefined;
  }

  get entryCount(): number {
    return this.sources.size;
  }

  /** Leftmost-longest, non-overlapping matches, in text order. */
  find(text: string): MatchSpan[] {
    const a = (this.automaton ??= buildAutomaton(this.sources));
    const { symbolOf, hashKeys, hashTargets, hashMask, symbolCount, shallowRow, shallowNext, fail, terminal, outputLink, firstOutput, patternLength } = a;
    // Every match, as flat triples (start, end, pattern), in order of end.
    let found = new Int32Array(64);
    let foundCount = 0;
    let state = 0;

    for (let i = 0, n = text.length; i < n; i++) {
      const symbol = symbolOf[text.charCodeAt(i)]!;
      if (symbol <= 0) {
        if (symbol === NOT_IN_ALPHABET) state = 0;
        continue; // SKIP: transparent, the state carries over
      }
      // Follow failure links until a state has a move on `symbol`. The root and the states one
      // character deep have full rows; deeper states keep only their own edges, in the hash.
      for (;;) {
        const row = shallowRow[state]!;
        if (row >= 0) {
          state = shallowNext[row + symbol]!;
          break;
        }
        const key = state * symbolCount + symbol;
        let slot = Math.imul(key, 0x9e3779b1) & hashMask;
        let k = hashKeys[slot]!;
        while (k !== key && k !== -1) k = hashKeys[(slot = (slot + 1) & hashMask)]!;
        if (k === key) {
          state = hashTargets[slot]!;
          break;
        }
        state = fail[state]!;
      }
      if (firstOutput[state] === 0) continue; // the root has no output either
      let out = firstOutput[state]!;
      while (out !== 0) {
        const p = terminal[out]!;
        if (foundCount * 3 + 3 > found.length) {
          const grown = new Int32Array(found.length * 2);
          grown.set(found);
          found = grown;
        }
        // Walk back over the pattern's symbols to its first character, stepping over transparent ones.
        let start = i;
        for (let left = patternLength[p]! - 1; left > 0; ) if (symbolOf[text.charCodeAt(--start)] !== SKIP) left--;
        found[foundCount * 3] = start;
        found[foundCount * 3 + 1] = i + 1;
        found[foundCount * 3 + 2] = p;
        foundCount++;
        out = outputLink[out]!;
      }
    }
    return selectLeftmostLongest(found, foundCount, a.patternId);
  }
}

function selectLeftmostLongest(found: Int32Array, count: number, patternId: string[]): MatchSpan[] {
  // Order by start, longest first. Matches arrive sorted by end and are short, so each is only a few
  // places from where it belongs: insertion sort is linear here, and far faster than a comparator sort.
  const order = new Int32Array(count);
  for (let k = 0; k < count; k++) {
    const start = found[k * 3]!;
    const end = found[k * 3 + 1]!;
    let j = k;
    while (j > 0) {
      const prev = order[j - 1]! * 3;
      const prevStart = found[prev]!;
      if (prevStart < start || (prevStart === start && found[prev + 1]! >= end)) break;
      order[j] = order[j - 1]!;
      j--;
    }
    order[j] = k;
  }
  const spans: MatchSpan[] = [];
  let covered = 0;
  for (let k = 0; k < count; k++) {
    const m = order[k]! * 3;
    const start = found[m]!;
    if (start < covered) continue;
    const end = found[m + 1]!;
    spans.push({ start, end, id: patternId[found[m + 2]!]! });
    covered = end;
  }
  return spans;
}

function buildAutomaton(sources: ReadonlyMap<string, readonly string[]>): Automaton {
  const fold = foldTable();
  const symbolByCode = new Map<number, number>();
  const children: Map<number, number>[] = [new Map()];
  const terminalList: number[] = [-1];
  const patternId: string[] = [];
  const patternLength: number[] = [];

  for (const [id, surfaces] of sources) {
    for (const surface of surfaces) {
      let state = 0;
      let length = 0;
      for (let i = 0; i < surface.length; i++) {
        const folded = fold[surface.charCodeAt(i)]!;
        if (folded === TRANSPARENT) continue;
        let symbol = symbolByCode.get(folded);
        if (symbol === undefined) symbolByCode.set(folded, (symbol = symbolByCode.size + 1));
        let next = children[state]!.get(symbol);
        if (next === undefined) {
          next = children.length;
          children.push(new Map());
          terminalList.push(-1);
          children[state]!.set(symbol, next);
        }
        state = next;
        length++;
      }
      // The first entry to claim a spelling keeps it (shared short forms resolve to one entry).
      if (length === 0 || terminalList[state]! >= 0) continue;
      terminalList[state] = patternId.length;
      patternId.push(id);
      patternLength.push(length);
    }
  }

  const stateCount = children.length;
  const symbolCount = symbolByCode.size + 1;
  // Typed-array lookups here: this loop runs 65,536 times on every page load.
  const symbolOfFolded = new Int32Array(0x10000);
  for (const [code, symbol] of symbolByCode) symbolOfFolded[code] = symbol;
  const symbolOf = new Int32Array(0x10000);
  for (let c = 0; c < 0x10000; c++) {
    const folded = fold[c]!;
    symbolOf[c] = folded === TRANSPARENT ? SKIP : symbolOfFolded[folded]!;
  }

  const rootNext = new Int32Array(symbolCount);
  const fail = new Int32Array(stateCount);
  const outputLink = new Int32Array(stateCount);
  const terminal = Int32Array.from(terminalList);
  for (const [symbol, child] of children[0]!) rootNext[symbol] = child;
  // The automaton's move from f on `symbol`, by failure links (used while building).
  const move = (f: number, symbol: number): number => {
    for (;;) {
      const next = children[f]!.get(symbol);
      if (next !== undefined) return next;
      if (f === 0) return 0;
      f = fail[f]!;
    }
  };
  const queue: number[] = [...children[0]!.values()];
  for (let head = 0; head < queue.length; head++) {
    const s = queue[head]!;
    for (const [symbol, child] of children[s]!) {
      fail[child] = move(fail[s]!, symbol);
      queue.push(child);
    }
  }
  for (const s of queue) outputLink[s] = terminal[fail[s]!]! >= 0 ? fail[s]! : outputLink[fail[s]!]!;

  // Own edges of states two or more characters deep, in an open-addressing hash.
  const rootChildren = new Set(children[0]!.values());
  let edgeTotal = 0;
  for (let s = 1; s < stateCount; s++) if (!rootChildren.has(s)) edgeTotal += children[s]!.size;
  let tableSize = 16;
  while (tableSize < edgeTotal * 2) tableSize <<= 1;
  const hashMask = tableSize - 1;
  const hashKeys = new Int32Array(tableSize).fill(-1);
  const hashTargets = new Int32Array(tableSize);
  for (let s = 1; s < stateCount; s++) {
    if (rootChildren.has(s)) continue;
    for (const [symbol, target] of children[s]!) {
      const key = s * symbolCount + symbol;
      let slot = Math.imul(key, 0x9e3779b1) & hashMask;
      while (hashKeys[slot] !== -1) slot = (slot + 1) & hashMask;
      hashKeys[slot] = key;
      hashTargets[slot] = target;
    }
  }
  // Full rows for the root (row 0) and its children: one read for the commonest steps. A child's
  // failure state is the root, so its row is the root's moves with its own edges on top.
  const shallowRow = new Int32Array(stateCount).fill(-1);
  const shallowNext = new Int32Array((rootChildren.size + 1) * symbolCount);
  shallowNext.set(rootNext, 0);
  shallowRow[0] = 0;
  let row = symbolCount;
  for (const child of rootChildren) {
    shallowRow[child] = row;
    shallowNext.set(rootNext, row);
    for (const [symbol, target] of children[child]!) shallowNext[row + symbol] = target;
    row += symbolCount;
  }
  const firstOutput = new Int32Array(stateCount);
  for (let s = 1; s < stateCount; s++) firstOutput[s] = terminal[s]! >= 0 ? s : outputLink[s]!;

  return {
    symbolOf,
    rootNext,
    hashKeys,
    hashTargets,
    hashMask,
    symbolCount,
    shallowRow,
    shallowNext,
    fail,
    terminal,
    outputLink,
    firstOutput,
    patternLength: Int32Array.from(patternLength),
    patternId,
  };
}
