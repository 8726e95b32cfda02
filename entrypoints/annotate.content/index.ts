import { defineContentScript } from '#imports';
import { AUTO_MATCHES } from '@/lib/sites';
import { beginEarlyRead, injectedOnRequest } from '@/lib/page-start';
import { startPageAnnotation } from './page-annotation';
import { unpackUnlessOff } from './page-patterns';
import '@/assets/styles/marks.css';

type Running = ReturnType<typeof startPageAnnotation>;
const running = globalThis as { __yiduAnnotation?: Running };

export default defineContentScript({
  matches: [...AUTO_MATCHES],
  allFrames: true,
  matchAboutBlank: true,
  // Evaluated at document_start, where it begins its storage read and unpacks the matcher while the
  // page loads (lib/page-start.ts), and marking from DOMContentLoaded: the first screen is marked in a
  // task right after that event's, before the page's first full layout, whenever the stored patterns
  // have arrived by then. At document_idle the browser starts a script on `load`, or 200 ms after
  // DOMContentLoaded on a page still loading images: on a page streamed in parts with an image pending,
  // the first screen came 238–253 ms after DOMContentLoaded, and 14–27 ms now (8 loads each; 254 and
  // 38 ms medians in bench/first-marks.bench.ts).
  runAt: 'document_start',
  main(ctx) {
    // Off the declared sites it only runs when injected on request, which overrides "never".
    const forced = injectedOnRequest();
    if (document.readyState !== 'loading') return begin(ctx.signal, forced, false);
    if (!forced) beginEarlyRead(unpackUnlessOff);
    document.addEventListener('DOMContentLoaded', () => afterPageListeners(() => begin(ctx.signal, forced, true)), { once: true });
  },
});

/**
 * Runs `run` in a task of its own ahead of the page's others, after the page's own DOMContentLoaded
 * listeners (jQuery's ready among them): scripts that read or rewrite the article there see it as
 * sent, not with Yidu's marks in it. The first screen is still marked before the page's first frame
 * (tests/e2e/early-read.test.ts).
 */
function afterPageListeners(run: () => void): void {
  const scheduler = (globalThis as { scheduler?: { postTask?: (task: () => void, options: { priority: string }) => Promise<void> } }).scheduler;
  if (scheduler?.postTask) void scheduler.postTask(run, { priority: 'user-blocking' });
  else setTimeout(run, 0);
}

/** `atDomContentLoaded`: just after that event, not in the task that evaluated this script. */
function begin(signal: AbortSignal, forced: boolean, atDomContentLoaded: boolean): void {
  if (signal.aborted) return;
  performance.mark?.('yidu:start'); // when annotating began, for `npm run bench` (first marks)
  // Injected again on request (toolbar, shortcut, menu) where it already runs: just switch it on.
  if (running.__yiduAnnotation) return void running.__yiduAnnotation.enable();
  running.__yiduAnnotation = startPageAnnotation(document, signal, { forced, atDomContentLoaded });
}

/* Test URLs (manual checks):
   https://www.yiwu.gov.cn/
   http://www.zgyww.cn/
   https://www.gov.cn/zhengce/
*/
