/**
 * The matcher's patterns as a flat trie: a few integer arrays and the entry ids. It is what is
 * stored of the matcher (lib/matcher/packed.ts packs it; content scripts read it from
 * extension storage instead of building it on every page): the hash of edges and the root's full row
 * are derived from it in one linear pass (lib/matcher/trie-table.ts).
 */
import { TRANSPARENT, foldTable } from './fold';

/** What the matcher needs of an entry: its id and every spelling to look for. */
export interface PatternSource {
  id: string;
  surfaces: readonly string[];
}

export interface Trie {
  /** Folded code unit of each symbol: symbol s (≥1) is alphabet[s - 1]. */
  alphabet: Int32Array;
  /** Every state but the root has one parent edge: parent[s] and the symbol on it (index 0: the root, unused). */
  parent: Int32Array;
  symbol: Int32Array;
  /** Per pattern: the state it ends in, its length in symbols, and its entry (an index into `ids`). */
  patternState: Int32Array;
  patternLength: Int32Array;
  patternEntry: Int32Array;
  /** Every source's id, in order (also those whose spellings all went to earlier entries). */
  ids: string[];
}

export function buildTrie(sources: Iterable<PatternSource>): Trie {
  const fold = foldTable();
  const symbolByCode = new Map<number, number>();
  // One map for every edge, keyed state × 65,536 + folded code: far cheaper than a map per state.
  const edges = new Map<number, number>();
  const parent: number[] = [0];
  const symbol: number[] = [0];
  const claimed = new Set<number>();
  const patternState: number[] = [];
  const patternLength: number[] = [];
  const patternEntry: number[] = [];
  const ids: string[] = [];

  for (const { id, surfaces } of sources) {
    // Every entry gets its index, matched or not, so data kept beside `ids` (English) covers them all.
    const entry = ids.push(id) - 1;
    for (const surface of surfaces) {
      let state = 0;
      let length = 0;
      for (let i = 0; i < surface.length; i++) {
        const folded = fold[surface.charCodeAt(i)]!;
        if (folded === TRANSPARENT) continue;
        const key = state * 0x10000 + folded;
        let next = edges.get(key);
        if (next === undefined) {
          let s = symbolByCode.get(folded);
          if (s === undefined) symbolByCode.set(folded, (s = symbolByCode.size + 1));
          edges.set(key, (next = parent.length));
          parent.push(state);
          symbol.push(s);
        }
        state = next;
        length++;
      }
      // The first entry to claim a spelling keeps it (shared short forms resolve to one entry).
      if (length === 0 || claimed.has(state)) continue;
      claimed.add(state);
      patternState.push(state);
      patternLength.push(length);
      patternEntry.push(entry);
    }
  }
  const alphabet = new Int32Array(symbolByCode.size);
  for (const [code, s] of symbolByCode) alphabet[s - 1] = code;
  return {
    alphabet,
    parent: Int32Array.from(parent),
    symbol: Int32Array.from(symbol),
    patternState: Int32Array.from(patternState),
    patternLength: Int32Array.from(patternLength),
    patternEntry: Int32Array.from(patternEntry),
    ids,
  };
}
