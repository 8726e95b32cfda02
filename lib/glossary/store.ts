/**
 * The one owner of the glossary in a context (background, popup, reader): built-in entries (one JSON
 * asset, read once) with the user's entries layered on top, and everything derived from them — the
 * content scripts' pattern payload, the matcher, the segmenter's words — memoised per glossary version.
 *
 * The version lives in extension storage, so every context (content scripts included) watches it:
 * a write anywhere bumps it, and every copy is rebuilt on next use. Each snapshot knows the version it
 * was read at, which stamps the content scripts' pattern pack. User entries are written only here
 * (check, write, bump), whether they come from a card, the reader's form or a pack import.
 */
import { Glossary, toPatternSources } from './glossary';
import type { GlossaryEntry } from './types';
import { userEntryProblems } from './user-entry-check';
import { compileGuards, GuardedFinder, guardRulesOf, type GuardTable, type WholeWordJudge } from './guards';
import { phrase, ProblemError } from '../problems';
import { Matcher } from '../matcher/matcher';
import '../matcher/fold-data';
import { makePatternPack, type PatternPack } from './pattern-pack';

export interface UserEntriesSource {
  list(): Promise<GlossaryEntry[]>;
  putMany(entries: readonly GlossaryEntry[]): Promise<void>;
  remove(id: string): Promise<void>;
}

export interface GlossaryStoreDeps {
  loadBuiltin(): Promise<readonly GlossaryEntry[]>;
  userEntries: UserEntriesSource;
  /** Watches the shared version; returns the unwatch function. Omitted in tests that need no other context. */
  watchVersion?(onChange: () => void): () => void;
  bumpVersion?(): Promise<unknown>;
  /** The shared version, read before the user's entries, so a snapshot never claims a newer one than it holds. */
  readVersion?(): Promise<number>;
}

/** What one glossary version gives, built lazily and kept until the version changes. */
export class GlossarySnapshot {
  private matcherMemo: Matcher | undefined;
  private packMemo: PatternPack | undefined;
  private guardsMemo: GuardTable | undefined;

  constructor(
    readonly glossary: Glossary,
    readonly builtin: readonly GlossaryEntry[],
    readonly user: readonly GlossaryEntry[],
    /** The glossary version it was read at (0 where no version is kept). */
    readonly version = 0,
  ) {}

  get matcher(): Matcher {
    this.matcherMemo ??= new Matcher(toPatternSources(this.glossary.entries()));
    return this.matcherMemo;
  }

  get guards(): GuardTable {
    this.guardsMemo ??= compileGuards(guardRulesOf(this.glossary.entries()));
    return this.guardsMemo;
  }

  /**
   * The matcher with context guards applied. `wholeWord` judges forms guarded as whole words; without
   * one (no segmenter in this context) those occurrences are left out rather than risked.
   */
  finder(wholeWord?: WholeWordJudge): GuardedFinder {
    return new GuardedFinder(this.matcher, this.guards, wholeWord);
  }

  /** What content scripts match with (lib/glossary/pattern-pack.ts): spellings, guards and English only. */
  patternPack(build: string): PatternPack {
    if (this.packMemo?.build !== build) {
      this.packMemo = makePatternPack(this.glossary, { glossaryVersion: this.version, build, builtinOnly: this.user.length === 0 });
    }
    return this.packMemo;
  }
}

/**
 * The pack a store with no user entries makes at glossary version 0: the build ships it
 * (lib/glossary/builtin-patterns.ts), made here so it is the same as the background's.
 */
export const builtinPatternPack = (builtin: readonly GlossaryEntry[], build: string): PatternPack =>
  new GlossarySnapshot(new Glossary(builtin, []), builtin, [], 0).patternPack(build);

export class GlossaryStore {
  private builtin: Promise<readonly GlossaryEntry[]> | undefined;
  private snapshot: Promise<GlossarySnapshot> | undefined;
  private readonly listeners = new Set<() => void>();

  constructor(private readonly deps: GlossaryStoreDeps) {
    deps.watchVersion?.(() => this.invalidate());
  }

  /** The current glossary and what derives from it; rebuilt after any context changed the user's entries. */
  current(): Promise<GlossarySnapshot> {
    this.snapshot ??= this.load().catch((err: unknown) => {
      // Not memoised: the next call tries again (the asset or the database may answer then).
      this.snapshot = undefined;
      this.builtin = undefined;
      throw err;
    });
    return this.snapshot;
  }

  /**
   * The current snapshot, read again if it is older than `version` (a page saw a version bump before
   * this context's own watcher did).
   */
  async currentAtLeast(version: number): Promise<GlossarySnapshot> {
    const snapshot = await this.current();
    if (snapshot.version >= version) return snapshot;
    this.invalidate();
    return this.current();
  }

  async glossary(): Promise<Glossary> {
    return (await this.current()).glossary;
  }

  async matcher(): Promise<Matcher> {
    return (await this.current()).matcher;
  }

  /** Called after the glossary changed (here or in another context): views re-read, segmenters re-learn. */
  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * The one way user entries are written (a card's "Add your explanation", the reader's form, a pack
   * import): checked against the built-in glossary and the user's other entries, stored in one
   * transaction (all or nothing), then the version is bumped so every context picks them up.
   */
  async saveUserEntries(entries: readonly GlossaryEntry[]): Promise<void> {
    const { builtin, user } = await this.current();
    const problems = userEntryProblems(entries, { builtin, existing: user }, (index, id) => phrase('whereEntry', index + 1, id ?? ''));
    if (problems.length > 0) throw new ProblemError(problems);
    await this.deps.userEntries.putMany(entries.map((e) => ({ ...e, user: true })));
    await this.changed();
  }

  async removeUserEntry(id: string): Promise<void> {
    await this.deps.userEntries.remove(id);
    await this.changed();
  }

  /** After something else replaced the user's entries (a restore, "clear all data"). */
  async changed(): Promise<void> {
    this.invalidate();
    await this.deps.bumpVersion?.();
  }

  private invalidate(): void {
    this.snapshot = undefined;
    for (const listener of this.listeners) listener();
  }

  private async load(): Promise<GlossarySnapshot> {
    const version = (await this.deps.readVersion?.()) ?? 0;
    this.builtin ??= this.deps.loadBuiltin();
    const builtin = await this.builtin;
    let user: GlossaryEntry[] = [];
    try {
      user = await this.deps.userEntries.list();
    } catch (err) {
      // An unreadable store must not take the built-in glossary down with it.
      console.warn('Yidu: your own entries could not be read; using the built-in glossary', err);
    }
    return new GlossarySnapshot(new Glossary(builtin, user), builtin, user, version);
  }
}
