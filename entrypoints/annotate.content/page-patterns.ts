import { sendMessage } from '@/lib/messages';
import { readCurrentPack } from '@/lib/glossary/pattern-cache';
import { unpackPatterns, type UnpackedPatterns } from '@/lib/glossary/pattern-pack';

type StoredPack = ReturnType<typeof readCurrentPack>;

/** Starts reading the stored pattern pack (one storage.local read), before the page's settings are known. */
export const readStoredPatterns = (): StoredPack => readCurrentPack().catch(() => ({ glossaryVersion: 0 }));

/**
 * The page's matcher, guards and English: from the pattern pack in storage.local (no message, no
 * trie to build), or, when none is current for the glossary version, from the background (which then
 * stores it for the next page). Timed as `yidu:matcher` for `npm run bench`.
 */
export async function loadPagePatterns(stored: StoredPack = readStoredPatterns()): Promise<UnpackedPatterns> {
  const started = performance.now();
  const { pack: cached, glossaryVersion } = await stored;
  const pack = cached ?? (await sendMessage('getPatterns', { glossaryVersion }));
  const read = performance.now();
  const unpacked = unpackPatterns(pack);
  const source = cached ? 'storage' : 'background';
  performance.measure?.('yidu:matcher', { start: started, detail: { source, waitMs: read - started, unpackMs: performance.now() - read } });
  return unpacked;
}
