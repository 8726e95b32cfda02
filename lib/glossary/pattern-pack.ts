/**
 * What content scripts match with, in the form they store and read: the matcher's trie and its
 * character → symbol table packed into strings (lib/matcher/packed.ts), the guards and each entry's
 * English, stamped with the glossary version and the extension build it was made from. The background
 * writes it to storage.local (lib/glossary/pattern-cache.ts); a page reads it there, without waking
 * the background and without building the matcher's trie again.
 */
import type { Glossary } from './glossary';
import { toPatternSources } from './glossary';
import { compileGuards, guardRulesOf, type GuardRules, type GuardTable } from './guards';
import { Matcher } from '../matcher/matcher';
import { buildTrie } from '../matcher/trie';
import { packInts, packTrie, unpackInts, unpackTrie, type PackedInts, type PackedTrie } from '../matcher/packed';
import { symbolEntriesOf, symbolTableFrom, symbolTableOf } from '../matcher/trie-table';

/** Bumped whenever the pack's layout or the trie's meaning changes: older packs are then ignored. */
export const PATTERN_PACK_FORMAT = 5;

export interface PatternPack {
  format: number;
  /** The glossary version (lib/glossary/version.ts) the pack was made from. */
  glossaryVersion: number;
  /** The extension build that made it: an update (new code, new built-in entries) ignores older packs. */
  build: string;
  /**
   * Made from the built-in entries alone (the user has none of their own): the same patterns as the
   * build's own pack (lib/glossary/builtin-patterns.ts), whatever the glossary version says.
   */
  builtinOnly: boolean;
  trie: PackedTrie;
  /**
   * The matcher's character → symbol table, as its entries (lib/matcher/trie-table.ts): made where the
   * traditional→simplified fold pairs are, so a page needs neither the pairs nor the fold table.
   */
  symbols: PackedInts;
  /** English of each entry, in the order of trie.ids ('' where there is none). */
  english: string[];
  /** Context conditions of short forms that also mean something else (lib/glossary/guards.ts). */
  guards: GuardRules;
}

/** Made in a context that has the fold pairs registered (lib/matcher/fold-data.ts): the background. */
export function makePatternPack(glossary: Glossary, stamp: { glossaryVersion: number; build: string; builtinOnly?: boolean }): PatternPack {
  const entries = [...glossary.entries()];
  const trie = buildTrie(toPatternSources(entries));
  return {
    format: PATTERN_PACK_FORMAT,
    glossaryVersion: stamp.glossaryVersion,
    build: stamp.build,
    builtinOnly: stamp.builtinOnly ?? false,
    trie: packTrie(trie),
    symbols: packInts(symbolEntriesOf(symbolTableOf(trie.alphabet))),
    english: trie.ids.map((id) => glossary.get(id)?.english ?? ''),
    guards: guardRulesOf(entries),
  };
}

/** Whether a stored pack is the one to use for this glossary version and this build. */
export function isCurrentPack(pack: PatternPack | null | undefined, glossaryVersion: number, build: string): pack is PatternPack {
  return !!pack && pack.format === PATTERN_PACK_FORMAT && pack.glossaryVersion === glossaryVersion && pack.build === build;
}

export interface UnpackedPatterns {
  matcher: Matcher;
  guards: GuardTable;
  /** Entry id → English rendering, for the inline bilingual mode, the marks' descriptions and the lookup card (a Map: an object of 2,700 keys took 6 ms to fill). */
  english: ReadonlyMap<string, string>;
}

/**
 * The matcher, guards and English of a pack, with the time spent working. In two parts with `pause()`
 * between them, for a loading page (the first reads the trie's and the table's data, the second makes
 * the matcher's tables, the guards and the English by id): each part is a few milliseconds on the
 * bench machine, 10–40 under load.
 */
export async function unpackPatterns(pack: PatternPack, pause: () => Promise<void> = async () => undefined): Promise<UnpackedPatterns & { workMs: number; partMs: number[] }> {
  const partMs: number[] = [];
  const timed = <T>(part: () => T): T => {
    const start = performance.now();
    const result = part();
    partMs.push(performance.now() - start);
    return result;
  };
  const [trie, entries] = timed(() => [unpackTrie(pack.trie), unpackInts(pack.symbols)] as const);
  await pause();
  const matcher = timed(() => {
    if (entries.length !== 2) throw new RangeError('a pack\'s symbol table has two arrays');
    return Matcher.fromTrie(trie, symbolTableFrom(entries[0]!, entries[1]!));
  });
  const rest = timed(() => ({ guards: compileGuards(pack.guards), english: englishOf(trie.ids, pack.english) }));
  return { matcher, ...rest, workMs: partMs.reduce((a, b) => a + b, 0), partMs };
}

function englishOf(ids: readonly string[], english: readonly string[]): Map<string, string> {
  const byId = new Map<string, string>();
  for (let i = 0; i < ids.length; i++) if (english[i]) byId.set(ids[i]!, english[i]!);
  return byId;
}
