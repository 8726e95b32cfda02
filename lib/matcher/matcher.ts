/**
 * Finds glossary terms in text: leftmost-longest, non-overlapping, in time linear in the text.
 *
 * Written here rather than taken from a library: the npm Aho-Corasick packages we looked at allocate
 * an object per match and a string per step, and none can skip whitespace inside a term while still
 * reporting UTF-16 offsets into the original text, which the annotator and the CLI both need.
 *
 * Patterns become a flat trie (./trie.ts), which becomes the automaton (./automaton.ts). A matcher
 * is built from sources (`new Matcher`) or from a stored trie (`Matcher.fromTrie`: content scripts,
 * which read it from extension storage instead of building it on every page).
 */
import { automatonOf, NOT_IN_ALPHABET, SKIP, type Automaton } from './automaton';
import { buildTrie, type PatternSource, type Trie } from './trie';

export type { PatternSource, Trie };

export interface MatchSpan {
  /** UTF-16 offset of the first character of the match. */
  start: number;
  /** UTF-16 offset just past the last character (text.slice(start, end) is the surface). */
  end: number;
  /** The id of the entry whose surface matched. */
  id: string;
}

export class Matcher {
  private readonly sources = new Map<string, readonly string[]>();
  private automaton: Automaton | undefined;
  private trieMemo: Trie | undefined;

  constructor(sources: Iterable<PatternSource> = []) {
    this.add(sources);
  }

  /** A matcher over a stored trie (lib/matcher/packed.ts); it has no sources, so add() starts afresh. */
  static fromTrie(trie: Trie): Matcher {
    const matcher = new Matcher();
    matcher.trieMemo = trie;
    matcher.automaton = automatonOf(trie);
    return matcher;
  }

  /** The flat trie of the current sources, for storing. */
  trie(): Trie {
    this.trieMemo ??= buildTrie([...this.sources].map(([id, surfaces]) => ({ id, surfaces })));
    return this.trieMemo;
  }

  /** Adds (or replaces, by id) entries; the automaton is rebuilt lazily on the next search. */
  add(sources: Iterable<PatternSource>): void {
    for (const s of sources) this.sources.set(s.id, s.surfaces);
    this.automaton = undefined;
    this.trieMemo = undefined;
  }

  remove(id: string): void {
    if (this.sources.delete(id)) this.automaton = this.trieMemo = undefined;
  }

  get entryCount(): number {
    return this.sources.size;
  }

  /** Leftmost-longest, non-overlapping matches, in text order. */
  find(text: string): MatchSpan[] {
    const a = (this.automaton ??= automatonOf(this.trie()));
    const { symbolOf, hashKeys, hashTargets, hashMask, symbolCount, rootNext, fail, terminal, outputLink, firstOutput, patternLength } = a;
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
      // Follow failure links until a state has a move on `symbol`: the root has a full row, every
      // other state only its own edges, in the hash (./automaton.ts).
      for (;;) {
        if (state === 0) {
          state = rootNext[symbol]!;
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
