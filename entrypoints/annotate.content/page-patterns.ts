import { sendMessage } from '@/lib/messages';
import { storage } from '#imports';
import { currentPackOf, patternPackItem, readCurrentPack, type CurrentPack } from '@/lib/glossary/pattern-cache';
import { glossaryVersionItem } from '@/lib/glossary/version';
import { getSettings, settingsFrom, settingsItem, type Settings } from '@/lib/settings';
import { unpackPatterns, type UnpackedPatterns } from '@/lib/glossary/pattern-pack';
import { yieldBriefly } from '@/lib/annotate/slices';

type StoredPack = Promise<CurrentPack>;

/** Reads the stored pattern pack alone (after a glossary change). */
export const readStoredPatterns = (): StoredPack => readCurrentPack().catch(() => ({ glossaryVersion: 0 }));

/**
 * The page's settings and the stored pattern pack, in one storage.local read at script start: as two
 * reads, the second answer came tens of milliseconds after the first.
 */
export function readPageStart(): { settings: Promise<Settings>; patterns: StoredPack } {
  const read = storage.getItems([settingsItem, glossaryVersionItem, patternPackItem]);
  const settings = read.then(([stored]) => settingsFrom(stored?.value)).catch(() => getSettings());
  const patterns = read.then(([, version, pack]) => currentPackOf(version?.value, pack?.value)).catch(() => ({ glossaryVersion: 0 }));
  return { settings, patterns };
}

/**
 * The page's matcher, guards and English: from the pattern pack in storage.local (no message, no
 * trie to build), or, when none is current for the glossary version, from the background (which then
 * stores it for the next page). Timed as `yidu:matcher` for `npm run bench`.
 */
export async function loadPagePatterns(stored: StoredPack = readStoredPatterns()): Promise<UnpackedPatterns & { unpackMs: number }> {
  const started = performance.now();
  const { pack: cached, glossaryVersion } = await stored;
  const pack = cached ?? (await sendMessage('getPatterns', { glossaryVersion }));
  const read = performance.now();
  // The answer's own task parsed the pack: the unpacking starts in a task of its own.
  await yieldBriefly();
  const { workMs: unpackMs, ...unpacked } = await unpackPatterns(pack, yieldBriefly);
  const source = cached ? 'storage' : 'background';
  performance.measure?.('yidu:matcher', { start: started, detail: { source, waitMs: read - started, unpackMs } });
  return { ...unpacked, unpackMs };
}
