/**
 * The pattern pack (./pattern-pack.ts) cached in storage.local, where content scripts read it at page
 * start together with the glossary version, in one storage read. The background keeps it current
 * (entrypoints/background/pattern-cache.ts); a page that finds it stale asks the background instead.
 */
import { browser, storage } from '#imports';
import { glossaryVersionItem } from './version';
import { isCurrentPack, type PatternPack } from './pattern-pack';

export const patternPackItem = storage.defineItem<PatternPack | null>('local:patternPack', { fallback: null });

// Replaced at build time (wxt.config.ts): differs between any two builds, so a reloaded or updated
// extension never trusts a pack an older build wrote, even when the manifest version is unchanged.
declare const __YIDU_BUILD__: string | undefined;

/** This build of the extension: its manifest version and build stamp. */
export function extensionBuild(): string {
  const stamp = typeof __YIDU_BUILD__ === 'string' ? __YIDU_BUILD__ : 'dev';
  return `${browser.runtime.getManifest().version}+${stamp}`;
}

/** The stored pack when it is current for the stored glossary version and this build; and that version. */
export async function readCurrentPack(build = extensionBuild()): Promise<{ pack?: PatternPack; glossaryVersion: number }> {
  const [version, cached] = await storage.getItems([glossaryVersionItem, patternPackItem]);
  const glossaryVersion = typeof version?.value === 'number' ? version.value : 0;
  const pack = cached?.value as PatternPack | null | undefined;
  return isCurrentPack(pack, glossaryVersion, build) ? { pack, glossaryVersion } : { glossaryVersion };
}
