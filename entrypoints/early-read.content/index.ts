import { defineContentScript } from '#imports';
import { AUTO_MATCHES } from '@/lib/sites';
import { beginEarlyRead, readPageStartValues, type PageStartValues } from '@/lib/page-start';
import { currentPackOf, unpackedPackOf, type CurrentPack } from '@/lib/glossary/stored-pack';
import { builtinPack, UNCHANGED_GLOSSARY_VERSION } from '@/lib/glossary/builtin-pack';
import type { PatternPack } from '@/lib/glossary/pattern-pack';
import { yieldBriefly } from '@/lib/annotate/slices';

/**
 * Starts the annotating script's storage read while the page is still loading (lib/page-start.ts),
 * on the same pages and frames, and unpacks the matcher, so the annotating script starts marking as
 * soon as it runs; nothing else.
 */
export default defineContentScript({
  matches: [...AUTO_MATCHES],
  allFrames: true,
  matchAboutBlank: true,
  runAt: 'document_start',
  main: () => beginEarlyRead((read) => patternsAtStart(read, builtinPack())),
});

/**
 * The page's patterns, unpacked in a few short tasks that go ahead of the page's own (behind a timer,
 * each part waited out the page's layouts, and the annotating script then waited for them).
 * The built-in pack (lib/glossary/builtin-pack.ts) is unpacked at once, before the read answers: it is
 * the one to use unless the read says the glossary changed. Then the stored pack is read, and unpacked
 * except on a site set to "never" (the annotating script unpacks it only if the user asks for marks
 * there). The settings are read raw: the settings module would bring the storage wrapper into this script.
 */
export function patternsAtStart(read: Promise<PageStartValues>, builtin: PatternPack | undefined): Promise<CurrentPack> {
  const unpackedBuiltin = builtin ? unpackedPackOf({ pack: builtin, glossaryVersion: UNCHANGED_GLOSSARY_VERSION }, yieldBriefly, 'built-in') : undefined;
  return read.then(async (values) => {
    const glossaryVersion = typeof values.glossaryVersion === 'number' ? values.glossaryVersion : UNCHANGED_GLOSSARY_VERSION;
    if (glossaryVersion === UNCHANGED_GLOSSARY_VERSION && unpackedBuiltin) {
      const current = await unpackedBuiltin;
      if (current.unpacked) return current;
    }
    const { patternPack } = await readPageStartValues(['patternPack']);
    const current = currentPackOf(glossaryVersion, patternPack);
    const siteModes = (values.settings as { siteModes?: Record<string, string> } | undefined)?.siteModes;
    return siteModes?.[location.hostname] === 'never' ? current : unpackedPackOf(current, yieldBriefly, 'storage');
  });
}
