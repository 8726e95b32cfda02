/**
 * Finds glossary terms in text: leftmost-longest, non-overlapping.
 *
 * Written here rather than taken from a library: the npm trie and Aho-Corasick packages we looked at
 * allocate an object per match and a string per step, and none can skip whitespace inside a term
 * while still reporting UTF-16 offsets into the original text, which the annotator and the CLI need.
 *
 * Patterns become a flat trie (./trie.ts), which becomes the tables find() walks (./trie-table.ts).
 * A matcher is built from sources (`new Matcher`) or from a stored trie (`Matcher.fromTrie`: content
 * scripts, which read it from extension storage instead of building it on every page).
 */
import { trieTableOf, NOT_IN_ALPHABET, SKIP, type TrieTable } from './trie-table';
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
  private table: TrieTable | undefined;
  private trieMemo: Trie | undefined;

  constructor(sources: Iterable<PatternSource> = []) {
    this.add(sources);
  }

  /**
   * A matcher over a stored trie (lib/matcher/packed.ts), and its stored symbol table when there is
   * one (lib/matcher/trie-table.ts); it has no sources, so add() starts afresh.
   */
  static fromTrie(trie: Trie, symbolOf?: Int32Array): Matcher {
    const matcher = new Matcher();
    matcher.trieMemo = trie;
    matcher.table = trieTableOf(trie, symbolOf);
    return matcher;
  }

  /**
   * What the matcher sees of `text` (or of text.slice(start, end)): its characters' symbols, the
   * transparent ones left out. Two spellings it takes for one pattern (traditional or simplified,
   * full-width or not, with or without quotes) have the same key, found without the fold table.
   */
  formKey(text: string, start = 0, end = text.length): string {
    const { symbolOf } = (this.table ??= trieTableOf(this.trie()));
    let key = '';
    for (let i = start; i < end; i++) {
      const symbol = symbolOf[text.charCodeAt(i)]!;
      if (symbol !== SKIP) key += String.fromCharCode(symbol);
    }
    return key;
  }

  /** The flat trie of the current sources, for storing. */
  trie(): Trie {
    this.trieMemo ??= buildTrie([...this.sources].map(([id, surfaces]) => ({ id, surfaces })));
    return this.trieMemo;
  }

  /** Adds (or replaces, by id) entries; the table is rebuilt lazily on the next search. */
  add(sources: Iterable<PatternSource>): void {
    for (const s of sources) this.sources.set(s.id, s.surfaces);
    this.table = undefined;
    this.trieMemo = undefined;
  }

  remove(id: string): void {
    if (this.sources.delete(id)) this.table = this.trieMemo = undefined;
  }

  get entryCount(): number {
    return this.sources.size;
  }

  /**
   * Leftmost-longest, non-overlapping matches, in text order: from each position not inside the
   * last match, the trie is walked as far as the text follows it, and the longest pattern passed is
   * taken. Most walks end after a character or two, so on policy text this scans as fast as the
   * Aho-Corasick automaton it replaced (27 vs 29 ms per million characters in `npm run bench`) and
   * needs no failure links; at worst a position costs the longest pattern's length (34 characters).
   */
  find(text: string): MatchSpan[] {
    const t = (this.table ??= trieTableOf(this.trie()));
    const { symbolOf, rootNext, firstChild, symbol: stateSymbol, terminal, patternId } = t;
    const spans: MatchSpan[] = [];
    for (let i = 0, n = text.length; i < n; ) {
      // A match starts on a character of the alphabet (never on a transparent one).
      const first = symbolOf[text.charCodeAt(i)]!;
      let state = first > 0 ? rootNext[first]! : 0;
      if (state === 0) {
        i++;
        continue;
      }
      let end = terminal[state]! >= 0 ? i + 1 : -1;
      let pattern = terminal[state]!;
      for (let j = i + 1; j < n; j++) {
        const symbol = symbolOf[text.charCodeAt(j)]!;
        if (symbol === SKIP) continue; // transparent: stepped over inside a term
        if (symbol === NOT_IN_ALPHABET) break;
        // The child on `symbol`: a binary search among the state's children (inlined childOf: the inner loop).
        let lo = firstChild[state]!;
        let hi = firstChild[state + 1]! - 1;
        state = 0;
        while (lo <= hi) {
          const mid = (lo + hi) >>> 1;
          const s = stateSymbol[mid]!;
          if (s === symbol) {
            state = mid;
            break;
          }
          if (s < symbol) lo = mid + 1;
          else hi = mid - 1;
        }
        if (state === 0) break;
        if (terminal[state]! >= 0) {
          end = j + 1;
          pattern = terminal[state]!;
        }
      }
      if (end < 0) {
        i++;
        continue;
      }
      spans.push({ start: i, end, id: patternId[pattern]! });
      i = end;
    }
    return spans;
  }
}
