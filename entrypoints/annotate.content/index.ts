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
  runAt: 'document_idle',
  main(ctx) {
    performance.mark?.('yidu:start'); // when the script began, for `npm run bench` (first marks)
    // Injected again on request (toolbar, shortcut, menu) where it already runs: just switch it on.
    if (running.__yiduAnnotation) return void running.__yiduAnnotation.enable();
    // Off the declared sites it only runs when injected on request, which overrides "never" (known by
    // the declared early script's absence: lib/page-start.ts).
    const injectedOnRequest = !ranEarlyScript();
    running.__yiduAnnotation = startPageAnnotation(document, ctx.signal, injectedOnRequest);
  },
});

/* Test URLs (manual checks):
   https://www.yiwu.gov.cn/
   http://www.zgyww.cn/
   https://www.gov.cn/zhengce/
*/
