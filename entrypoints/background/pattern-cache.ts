import { browser } from '#imports';
import { onMessage } from '@/lib/messages';
import type { GlossaryStore } from '@/lib/glossary/store';
import { glossaryVersionItem } from '@/lib/glossary/version';
import { isCurrentPack, type PatternPack } from '@/lib/glossary/pattern-pack';
import { patternPackItem, writePatternPack } from '@/lib/glossary/pattern-cache';
import { extensionBuild, parseStoredPack } from '@/lib/glossary/stored-pack';

/**
 * Keeps the content scripts' pattern pack in storage.local current: written when the glossary version
 * changes (an entry added, edited or deleted anywhere) and when the extension is installed, updated or
 * reloaded (a new build ignores older packs). A page that still finds none current asks here
 * (`getPatterns`), which writes it too, so a missed write mends itself on the next page.
 */
export function keepPatternCache(glossary: GlossaryStore): void {
  const build = extensionBuild();
  // One write at a time, each checking first: a page's storage.onChanged listeners receive every write.
  let writing: Promise<void> = Promise.resolve();
  const store = (pack: PatternPack): Promise<void> =>
    (writing = writing
      .then(async () => {
        const [version, stored] = await Promise.all([glossaryVersionItem.getValue(), patternPackItem.getValue()]);
        // A newer version is on its way; the write for it follows.
        if (version !== pack.glossaryVersion || isCurrentPack(parseStoredPack(stored), version, build)) return;
        await writePatternPack(pack);
      })
      .catch((err: unknown) => console.warn('Yidu: could not store the pattern pack', err)));
  const refresh = async () => store((await glossary.current()).patternPack(build));

  glossary.onChange(() => void refresh().catch((err: unknown) => console.warn('Yidu: could not build the pattern pack', err)));
  browser.runtime.onInstalled.addListener(() => void refresh().catch((err: unknown) => console.warn('Yidu: could not build the pattern pack', err)));

  onMessage('getPatterns', async ({ data }) => {
    const pack = (await glossary.currentAtLeast(data.glossaryVersion)).patternPack(build);
    void store(pack);
    return pack;
  });
}
