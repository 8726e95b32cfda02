import { defineContentScript } from '#imports';
import { AUTO_MATCHES } from '@/lib/sites';
import { ranEarlyScript } from '@/lib/page-start';
import { startPageAnnotation } from './page-annotation';
import '@/assets/styles/marks.css';

type Running = ReturnType<typeof startPageAnnotation>;
const running = globalThis as { __yiduAnnotation?: Running };

export default defineContentScript({
  matches: [...AUTO_MATCHES],
  allFrames: true,
  matchAboutBlank: true,
  // Evaluated at document_start, marking from DOMContentLoaded: the first screen is marked in that
  // event's task, before the page's first full layout, whenever the stored patterns have arrived by
  // then (the early script reads them). At document_idle the browser starts the script on `load`, or
  // 200 ms after DOMContentLoaded on a page still loading images: on a page streamed in parts with an
  // image pending, the first screen came 240–470 ms after DOMContentLoaded, and 18–27 ms now
  // (bench/first-marks.bench.ts).
  runAt: 'document_start',
  main(ctx) {
    if (document.readyState !== 'loading') return begin(ctx.signal, false);
    document.addEventListener('DOMContentLoaded', () => begin(ctx.signal, true), { once: true });
  },
});

/** `atDomContentLoaded`: in that event's task, not in the one that evaluated this script. */
function begin(signal: AbortSignal, atDomContentLoaded: boolean): void {
  if (signal.aborted) return;
  performance.mark?.('yidu:start'); // when annotating began, for `npm run bench` (first marks)
  // Injected again on request (toolbar, shortcut, menu) where it already runs: just switch it on.
  if (running.__yiduAnnotation) return void running.__yiduAnnotation.enable();
  // Off the declared sites it only runs when injected on request, which overrides "never" (known by
  // the declared early script's absence: lib/page-start.ts).
  const injectedOnRequest = !ranEarlyScript();
  running.__yiduAnnotation = startPageAnnotation(document, signal, { forced: injectedOnRequest, atDomContentLoaded });
}

/* Test URLs (manual checks):
   https://www.yiwu.gov.cn/
   http://www.zgyww.cn/
   https://www.gov.cn/zhengce/
*/
