/**
 * What content scripts match with, in the form they store and read: the matcher's trie packed into a
 * string (lib/matcher/packed.ts), the guards, the traditional→simplified fold pairs and each entry's
 * English, stamped with the glossary version and the extension build it was made from. The background
 * writes it to storage.local (lib/glossary/pattern-cache.ts); a page reads it there, without waking
 * the background and without building the matcher's trie again.
 */
import type { Glossary } from './glossary';
import { toPatternSources } from './glossary';
import { compileGuards, guardRulesOf, type GuardRules, type GuardTable } from './guards';
import { Matcher } from '../matcher/matcher';
import { buildTrie } from '../matcher/trie';
import { packTrie, unpackTrie, type PackedTrie } from '../matcher/packed';
import { registerTraditionalPairs } from '../matcher/fold';

/** Bumped whenever the pack's layout or the trie's meaning changes: older packs are then ignored. */
export const PATTERN_PACK_FORMAT = 2;

export interface PatternPack {
  format: number;
  /** The glossary version (lib/glossary/version.ts) the pack was made from. */
  glossaryVersion: number;
  /** The extension build that made it: an update (new code, new built-in entries) ignores older packs. */
  build: string;
  trie: PackedTrie;
  /** English of each entry, in the order of trie.ids ('' where there is none). */
  english: string[];
  /** Context conditions of short forms that also mean something else (lib/glossary/guards.ts). */
  guards: GuardRules;
  /** Traditional→simplified character pairs the matcher folds (not bundled into content scripts). */
  foldPairs: string;
}

export function makePatternPack(glossary: Glossary, stamp: { glossaryVersion: number; build: string; foldPairs: string }): PatternPack {
  const entries = [...glossary.entries()];
  const trie = buildTrie(toPatternSources(entries));
  return {
    format: PATTERN_PACK_FORMAT,
    glossaryVersion: stamp.glossaryVersion,
    build: stamp.build,
    trie: packTrie(trie),
    english: trie.ids.map((id) => glossary.get(id)?.english ?? ''),
    guards: guardRulesOf(entries),
    foldPairs: stamp.foldPairs,
  };
}

/** Whether a stored pack is the one to use for this glossary version and this build. */
export function isCurrentPack(pack: PatternPack | null | undefined, glossaryVersion: number, build: string): pack is PatternPack {
  return !!pack && pack.format === PATTERN_PACK_FORMAT && pack.glossaryVersion === glossaryVersion && pack.build === build;
}

export interface UnpackedPatterns {
  matcher: Matcher;
  guards: GuardTable;
  /** Entry id → English rendering, for the inline bilingual mode and the lookup card (a Map: an object of 2,700 keys took 6 ms to fill). */
  english: ReadonlyMap<string, string>;
}

/** The matcher, guards and English of a pack; registers its fold pairs for this context. */
export function unpackPatterns(pack: PatternPack): UnpackedPatterns {
  registerTraditionalPairs(pack.foldPairs);
  const trie = unpackTrie(pack.trie);
  const english = new Map<string, string>();
  const { ids } = trie;
  for (let i = 0; i < ids.length; i++) if (pack.english[i]) english.set(ids[i]!, pack.english[i]!);
  return { matcher: Matcher.fromTrie(trie), guards: compileGuards(pack.guards), english };
}
