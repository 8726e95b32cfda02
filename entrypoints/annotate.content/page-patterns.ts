import { sendMessage } from '@/lib/messages';
import { readCurrentPack } from '@/lib/glossary/pattern-cache';
import { currentPackOf, unpackedPackOf, type CurrentPack } from '@/lib/glossary/stored-pack';
import { getSettings, settingsFrom, type Settings } from '@/lib/settings';
import { neverHere, readPageStartValues, takePageStart, type PageStartValues } from '@/lib/page-start';
import { unpackPatterns, type UnpackedPatterns } from '@/lib/glossary/pattern-pack';
import { yieldBriefly } from '@/lib/annotate/slices';

type StoredPack = Promise<CurrentPack>;

const noPause = (): Promise<void> => Promise.resolve();

/** Reads the stored pattern pack alone (after a glossary change). */
export const readStoredPatterns = (): StoredPack => readCurrentPack().catch(() => ({ glossaryVersion: 0 }));

/**
 * The page's settings and the stored pattern pack, in one storage.local read (as two reads, the second
 * answer came tens of milliseconds after the first), begun at document_start when this script was
 * evaluated then (lib/page-start.ts), which then also unpacked the pack.
 */
export function readPageStart(): { settings: Promise<Settings>; patterns: StoredPack; values: Promise<PageStartValues>; fromBuiltin: boolean } {
  const { values: read, patterns: early, fromBuiltin } = takePageStart();
  const settings = read.then((stored) => settingsFrom(stored.settings as Partial<Settings> | undefined)).catch(() => getSettings());
  const patterns = (early ?? read.then((stored) => currentPackOf(stored.glossaryVersion, stored.patternPack))).catch(() => ({ glossaryVersion: 0 }));
  return { settings, patterns, values: read.catch(() => ({})), fromBuiltin };
}

/**
 * Whether the patterns the page started from still hold for the glossary version read `now` (after
 * the watchers were set up). The build's own pack holds for any version whose stored pack was made
 * from the built-in entries alone (the user added entries, then removed them all).
 */
export async function startPatternsHold(early: PageStartValues, now: PageStartValues, fromBuiltin: boolean): Promise<boolean> {
  const version = (value: unknown) => (typeof value === 'number' ? value : 0);
  if (version(now.glossaryVersion) === version(early.glossaryVersion)) return true;
  if (!fromBuiltin) return false;
  const stored = await readPageStartValues(['glossaryVersion', 'patternPack']);
  return currentPackOf(stored.glossaryVersion, stored.patternPack).pack?.builtinOnly === true;
}

/**
 * The page's matcher, guards and English: unpacked at document_start (unpackUnlessOff), or from
 * the pattern pack in storage.local (no message, no trie to build), or, when none is current for the
 * glossary version, from the background (which then stores it for the next page). Timed as
 * `yidu:matcher` for `npm run bench`; `unpackMs` is the unpacking done here.
 */
export async function loadPagePatterns(stored: StoredPack = readStoredPatterns(), fromBuiltin = false): Promise<UnpackedPatterns & { unpackMs: number }> {
  const started = performance.now();
  const { pack: cached, glossaryVersion, unpacked: early } = await stored;
  if (early) {
    const { workMs, partMs, ...unpacked } = early;
    const detail = { source: fromBuiltin ? 'builtin' : 'document_start', waitMs: performance.now() - started, unpackMs: 0, earlyUnpackMs: workMs, partMs };
    timeMatcher(started, detail);
    return { ...unpacked, unpackMs: 0 };
  }
  const pack = cached ?? (await sendMessage('getPatterns', { glossaryVersion }));
  const read = performance.now();
  // The answer's own task parsed the pack: the unpacking starts in a task of its own.
  await yieldBriefly();
  const { workMs: unpackMs, partMs, ...unpacked } = await unpackPatterns(pack, yieldBriefly);
  const source = cached ? 'storage' : 'background';
  timeMatcher(started, { source, waitMs: read - started, unpackMs, partMs });
  return { ...unpacked, unpackMs };
}

function timeMatcher(start: number, detail: { source: string } & Record<string, unknown>): void {
  performance.measure?.('yidu:matcher', { start, detail });
  // The source once more, in a mark's name: in Firefox a page may not read a content script's measure detail.
  performance.mark?.(`yidu:matcher:${detail.source}`);
}

/**
 * At document_start: the stored pack, unpacked in a few short tasks that go ahead of the page's own
 * (behind a timer, each part waited out the page's layouts, and marking then waited for them). Not on
 * a site set to "never": the pack is unpacked there only if the user asks for marks. `now`: with no pauses
 * (marking waits for it in this task).
 */
export function unpackUnlessOff(values: PageStartValues, now = false): Promise<CurrentPack> {
  if (neverHere(values)) return Promise.resolve(currentPackOf(values.glossaryVersion, values.patternPack));
  return unpackedPackOf(values.glossaryVersion, values.patternPack, now ? noPause : yieldBriefly);
}
