/**
 * The pattern pack (./pattern-pack.ts) as storage.local holds it, without the storage wrapper: read by
 * the content script at document_start (lib/page-start.ts), before its storage items are set up.
 * The storage item and its writes are ./pattern-cache.ts's.
 */
import { browser } from '#imports';
import { isCurrentPack, unpackPatterns, type PatternPack, type UnpackedPatterns } from './pattern-pack';

/** The pack in a stored value (one JSON string), or undefined when the value is no pack. */
export function parseStoredPack(value: unknown): PatternPack | undefined {
  if (typeof value !== 'string') return undefined;
  try {
    return JSON.parse(value) as PatternPack;
  } catch {
    return undefined;
  }
}

// Replaced at build time (wxt.config.ts): differs between any two builds, so a reloaded or updated
// extension never trusts a pack an older build wrote, even when the manifest version is unchanged.
declare const __YIDU_BUILD__: string | undefined;

/** This build of the extension: its manifest version and build stamp. */
export function extensionBuild(): string {
  const stamp = typeof __YIDU_BUILD__ === 'string' ? __YIDU_BUILD__ : 'dev';
  return `${browser.runtime.getManifest().version}+${stamp}`;
}

export interface CurrentPack {
  pack?: PatternPack;
  glossaryVersion: number;
  /** The pack already unpacked, at document_start (unpackedPackOf), with the time that took. */
  unpacked?: UnpackedPatterns & { workMs: number; partMs: number[] };
}

/** The pack when current, from the stored values of the glossary version and the pack (read together with others). */
export function currentPackOf(storedVersion: unknown, storedPack: unknown, build = extensionBuild()): CurrentPack {
  const glossaryVersion = typeof storedVersion === 'number' ? storedVersion : 0;
  const pack = parseStoredPack(storedPack);
  return isCurrentPack(pack, glossaryVersion, build) ? { pack, glossaryVersion } : { glossaryVersion };
}

/**
 * The current pack of the stored values, unpacked: at document_start, while the page is still
 * loading, so that the content script finds its matcher ready at DOMContentLoaded.
 * A pack that fails to unpack is left out (the annotating script then asks the background).
 */
export async function unpackedPackOf(storedVersion: unknown, storedPack: unknown, pause: () => Promise<void>): Promise<CurrentPack> {
  const read = performance.now();
  const { pack, glossaryVersion } = currentPackOf(storedVersion, storedPack);
  if (!pack) return { glossaryVersion };
  try {
    await pause();
    const unpacked = await unpackPatterns(pack, pause);
    performance.measure?.('yidu:early-unpack', { start: read, detail: { partMs: unpacked.partMs } });
    return { glossaryVersion, unpacked };
  } catch (err) {
    console.warn('Yidu: could not read the stored patterns', err);
    return { glossaryVersion };
  }
}
