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
export const PATTERN_PACK_FORMAT = 3;

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

/**
 * The matcher, guards and English of a pack; registers its fold pairs for this context. In three
 * parts with `pause()` between them, for a loading page: in one piece the unpacking took 40–48 ms of
 * a task that also received the storage answer, 57–65 ms in all (over the 50 ms long-task line on the
 * bench's long pages); each part is 10–20 ms. Also returns the time spent working.
 */
export async function unpackPatterns(pack: PatternPack, pause: () => Promise<void> = async () => undefined): Promise<UnpackedPatterns & { workMs: number; partMs: number[] }> {
  const partMs: number[] = [];
  const timed = <T>(part: () => T): T => {
    const start = performance.now();
    const result = part();
    partMs.push(performance.now() - start);
    return result;
  };
  const trie = timed(() => {
    registerTraditionalPairs(pack.foldPairs);
    return unpackTrie(pack.trie);
  });
  await pause();
  const matcher = timed(() => Matcher.fromTrie(trie));
  await pause();
  const rest = timed(() => ({ guards: compileGuards(pack.guards), english: englishOf(trie.ids, pack.english) }));
  return { matcher, ...rest, workMs: partMs.reduce((a, b) => a + b, 0), partMs };
}

function englishOf(ids: readonly string[], english: readonly string[]): Map<string, string> {
  const byId = new Map<string, string>();
  for (let i = 0; i < ids.length; i++) if (english[i]) byId.set(ids[i]!, english[i]!);
  return byId;
}
