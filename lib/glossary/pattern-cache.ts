/**
 * The pattern pack (./pattern-pack.ts) cached in storage.local, where content scripts read it at page
 * start together with the glossary version, in one storage read. The background keeps it current
 * (entrypoints/background/pattern-cache.ts); a page that finds it stale asks the background instead.
 */
import { storage } from '#imports';
import { glossaryVersionItem } from './version';
import type { PatternPack } from './pattern-pack';
import { currentPackOf, extensionBuild, type CurrentPack } from './stored-pack';

/**
 * Stored as one JSON string, not as the object: storage hands a content script one value instead of
 * thousands of array elements, and parsing it here takes about 1 ms (on the bench page the read took
 * 80–130 ms either way: most of that is the size, ~430 KB, and the page's own work). A value of another
 * shape (an object an older build stored) is ignored, and replaced.
 */
export const patternPackItem = storage.defineItem<string | null>('local:patternPack', { fallback: null });

export const writePatternPack = (pack: PatternPack): Promise<void> => patternPackItem.setValue(JSON.stringify(pack));

/** The stored pack when it is current for the stored glossary version and this build; and that version. */
export async function readCurrentPack(build = extensionBuild()): Promise<CurrentPack> {
  const [version, cached] = await storage.getItems([glossaryVersionItem, patternPackItem]);
  return currentPackOf(version?.value, cached?.value, build);
}
