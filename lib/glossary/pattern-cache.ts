/**
 * The pattern pack (./pattern-pack.ts) cached in storage.local, where content scripts read it at page
 * start together with the glossary version, in one storage read. The background keeps it current
 * (entrypoints/background/pattern-cache.ts); a page that finds it stale asks the background instead.
 */
import { browser, storage } from '#imports';
import { glossaryVersionItem } from './version';
import { isCurrentPack, type PatternPack } from './pattern-pack';

/**
 * Stored as one JSON string, not as the object: storage hands a content script one value instead of
 * thousands of array elements, and parsing it here takes about 1 ms (on the bench page the read took
 * 80–130 ms either way: most of that is the size, ~430 KB, and the page's own work). A value of another
 * shape (an object an older build stored) is ignored, and replaced.
 */
export const patternPackItem = storage.defineItem<string | null>('local:patternPack', { fallback: null });

/** The pack in a stored value, or undefined when the value is no pack. */
export function parseStoredPack(value: unknown): PatternPack | undefined {
  if (typeof value !== 'string') return undefined;
  try {
    return JSON.parse(value) as PatternPack;
  } catch {
    return undefined;
  }
}

export const writePatternPack = (pack: PatternPack): Promise<void> => patternPackItem.setValue(JSON.stringify(pack));

// Replaced at build time (wxt.config.ts): differs between any two builds, so a reloaded or updated
// extension never trusts a pack an older build wrote, even when the manifest version is unchanged.
declare const __YIDU_BUILD__: string | undefined;

/** This build of the extension: its manifest version and build stamp. */
export function extensionBuild(): string {
  const stamp = typeof __YIDU_BUILD__ === 'string' ? __YIDU_BUILD__ : 'dev';
  return `${browser.runtime.getManifest().version}+${stamp}`;
}

/** The stored pack when it is current for the stored glossary version and this build; and that version. */
export async function readCurrentPack(build = extensionBuild()): Promise<CurrentPack> {
  const [version, cached] = await storage.getItems([glossaryVersionItem, patternPackItem]);
  return currentPackOf(version?.value, cached?.value, build);
}

export interface CurrentPack {
  pack?: PatternPack;
  glossaryVersion: number;
}

/** The pack when current, from the stored values of glossaryVersionItem and patternPackItem (read together with others). */
export function currentPackOf(storedVersion: unknown, storedPack: unknown, build = extensionBuild()): CurrentPack {
  const glossaryVersion = typeof storedVersion === 'number' ? storedVersion : 0;
  const pack = parseStoredPack(storedPack);
  return isCurrentPack(pack, glossaryVersion, build) ? { pack, glossaryVersion } : { glossaryVersion };
}
