/**
 * The glossary store of this extension context (background, popup or reader): one per context, the
 * built-in entries fetched once from the packaged asset, the user's entries from IndexedDB.
 * Content scripts have no access to the extension's IndexedDB: they ask the background instead.
 */
import { browser } from '#imports';
import { libraryDb } from '../db/connection';
import { createUserEntriesRepo } from '../db/user-entries';
import { GlossaryStore } from './store';
import { bumpGlossaryVersion, glossaryVersionItem } from './version';
import type { GlossaryEntry } from './types';

/** The built-in glossary as the build packs it (wxt.config.ts): one JSON file at the extension's root. */
export const BUILTIN_ASSET = '/glossary.json';

export async function loadBuiltinAsset(): Promise<GlossaryEntry[]> {
  // The asset is added by a build hook, so WXT's typed list of public paths does not know it.
  const url = (browser.runtime.getURL as (path: string) => string)(BUILTIN_ASSET);
  const response = await fetch(url);
  if (!response.ok) throw new Error(`glossary asset: HTTP ${response.status}`);
  return (await response.json()) as GlossaryEntry[];
}

let store: GlossaryStore | undefined;

export function glossaryStore(): GlossaryStore {
  store ??= new GlossaryStore({
    loadBuiltin: loadBuiltinAsset,
    userEntries: createUserEntriesRepo(libraryDb()),
    watchVersion: (onChange) => glossaryVersionItem.watch(onChange),
    bumpVersion: bumpGlossaryVersion,
    readVersion: () => glossaryVersionItem.getValue(),
  });
  return store;
}
