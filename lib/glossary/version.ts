/**
 * The glossary's version, in extension storage so every context watches it — content scripts
 * included, which cannot open the extension's IndexedDB. Bumped by every change to the user's entries
 * (and by restores and clears, which replace them); a context that sees it change rebuilds its copy.
 */
import { storage } from '#imports';

export const glossaryVersionItem = storage.defineItem<number>('local:glossaryVersion', { fallback: 0 });

/** A new version that differs from every earlier one, even when two contexts bump in the same millisecond. */
export async function bumpGlossaryVersion(): Promise<number> {
  const next = Math.max(Date.now(), (await glossaryVersionItem.getValue()) + 1);
  await glossaryVersionItem.setValue(next);
  return next;
}
