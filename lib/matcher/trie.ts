/**
 * The matcher's patterns as a flat trie: a few integer arrays and the entry ids. It is what is
 * stored of the matcher (lib/matcher/packed.ts packs it; content scripts read it from
 * extension storage instead of building it on every page), and nearly all the matcher walks: only the
 * root's full row and the character → symbol table are derived from it (lib/matcher/trie-table.ts).
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
  /**
   * States are numbered breadth first (the root is 0), so each state's children are consecutive:
   * those of s are firstChild[s] .. firstChild[s + 1] - 1, in increasing order of their symbol, and
   * the matcher finds one by a binary search (no table to build in a page). symbol[s] is the symbol
   * on the edge into s (index 0: the root, unused).
   */
  firstChild: Int32Array;
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
  const { firstChild, symbolOfState, renumbered } = breadthFirst(parent, symbol);
  return {
    alphabet,
    firstChild,
    symbol: symbolOfState,
    patternState: Int32Array.from(patternState, (state) => renumbered[state]!),
    patternLength: Int32Array.from(patternLength),
    patternEntry: Int32Array.from(patternEntry),
    ids,
  };
}

/** The trie's states (made in insertion order, each with its parent) renumbered breadth first, children in symbol order. */
function breadthFirst(parent: number[], symbol: number[]): { firstChild: Int32Array; symbolOfState: Int32Array; renumbered: Int32Array } {
  const count = parent.length;
  // Children of each old state, together (counting sort by parent), then each group in symbol order.
  const groupStart = new Int32Array(count + 1);
  for (let s = 1; s < count; s++) groupStart[parent[s]! + 1]!++;
  for (let s = 0; s < count; s++) groupStart[s + 1]! += groupStart[s]!;
  const children = new Int32Array(Math.max(0, count - 1));
  const fill = groupStart.slice(0, count);
  for (let s = 1; s < count; s++) children[fill[parent[s]!]!++] = s;
  for (let s = 0; s < count; s++) children.subarray(groupStart[s]!, groupStart[s + 1]!).sort((a, b) => symbol[a]! - symbol[b]!);

  const order = new Int32Array(count); // new number → old state
  const renumbered = new Int32Array(count); // old state → new number
  const firstChild = new Int32Array(count + 1);
  let tail = 1;
  for (let head = 0; head < count; head++) {
    const old = order[head]!;
    firstChild[head] = tail;
    for (let k = groupStart[old]!; k < groupStart[old + 1]!; k++) {
      renumbered[children[k]!] = tail;
      order[tail++] = children[k]!;
    }
  }
  firstChild[count] = tail;
  const symbolOfState = new Int32Array(count);
  for (let s = 1; s < count; s++) symbolOfState[s] = symbol[order[s]!]!;
  return { firstChild, symbolOfState, renumbered };
}
