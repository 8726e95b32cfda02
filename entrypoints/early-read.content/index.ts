import { defineContentScript } from '#imports';
import { AUTO_MATCHES } from '@/lib/sites';
import { beginEarlyRead } from '@/lib/page-start';

/**
 * Starts the annotating script's storage read while the page is still loading (lib/page-start.ts),
 * on the same pages and frames; nothing else.
 */
export default defineContentScript({
  matches: [...AUTO_MATCHES],
  allFrames: true,
  matchAboutBlank: true,
  runAt: 'document_start',
  main: beginEarlyRead,
});
