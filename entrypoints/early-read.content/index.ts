import { defineContentScript } from '#imports';
import { AUTO_MATCHES } from '@/lib/sites';
import { beginEarlyRead, type PageStartValues } from '@/lib/page-start';
import { currentPackOf, unpackedPackOf, type CurrentPack } from '@/lib/glossary/stored-pack';
import { yieldBriefly } from '@/lib/annotate/slices';

/**
 * Starts the annotating script's storage read while the page is still loading (lib/page-start.ts),
 * on the same pages and frames, and unpacks the matcher it reads, so the annotating script starts
 * marking as soon as it runs; nothing else.
 */
export default defineContentScript({
  matches: [...AUTO_MATCHES],
  allFrames: true,
  matchAboutBlank: true,
  runAt: 'document_start',
  main: () => beginEarlyRead(unpackUnlessOff),
});

/**
 * The stored pack, unpacked in a few short tasks that go ahead of the page's own: behind a timer, each
 * part waited out the page's layouts, and the annotating script then waited for them. Not on a site
 * set to "never" (the annotating script unpacks the pack only if the user asks for marks there). The
 * settings are read raw: the settings module would bring the storage wrapper into this script.
 */
export function unpackUnlessOff(values: PageStartValues): Promise<CurrentPack> {
  const siteModes = (values.settings as { siteModes?: Record<string, string> } | undefined)?.siteModes;
  if (siteModes?.[location.hostname] === 'never') return Promise.resolve(currentPackOf(values.glossaryVersion, values.patternPack));
  return unpackedPackOf(values.glossaryVersion, values.patternPack, yieldBriefly);
}
