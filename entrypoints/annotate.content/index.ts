import { defineContentScript } from '#imports';
import { AUTO_MATCHES } from '@/lib/sites';
import { beginEarlyRead, injectedOnRequest, onHereSoFar } from '@/lib/page-start';
import { isHugePage } from '@/lib/annotate/huge-page';
import { prepareMarkLayer } from '@/lib/annotate/mark-layer';
import { hydratesAfterParsing } from '@/lib/annotate/hydration';
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
  // page loads (lib/page-start.ts), and marking from DOMContentLoaded: the first screen is marked
  // before the page's next frame, whenever the patterns are in by then (see beginOnce). At
  // document_idle the browser starts a script on `load`, or 200 ms after DOMContentLoaded on a page
  // still loading images: on a page streamed in parts with an image pending, the first screen came
  // 238–253 ms after DOMContentLoaded, and 14–27 ms at document_start (8 loads each).
  runAt: 'document_start',
  main(ctx) {
    // Off the declared sites it only runs when injected on request, which overrides "never".
    const forced = injectedOnRequest();
    if (document.readyState !== 'loading') return begin(ctx.signal, forced, false);
    if (!forced) beginEarlyRead(unpackUnlessOff);
    let begun = false;
    const beginOnce = (event: Event) => {
      // A page can dispatch its own DOMContentLoaded early: only the browser's counts.
      if (begun || !event.isTrusted) return;
      begun = true;
      // A huge page's layer for drawn marks goes in now, to be laid out with the page's first full
      // layout (lib/annotate/mark-overlay.ts). Put in by begin(), it came after that layout on a page
      // that painted before it was parsed (the browser ran a frame before begin's task), and cost the
      // whole page's pre-paint once more: a 95–180 ms frame on the bench's 200,000-element page.
      // Asked once: over a page of more than a megabyte of source, the answer reads its text (4–30 ms).
      const huge = onHereSoFar() ? isHugePage(document) : undefined;
      if (huge && !hydratesAfterParsing(document)) prepareMarkLayer(document);
      // Before the page's first contentful paint (a page that arrived at once), in this task: the
      // browser renders that paint ahead of any later task (200–300 ms of layout on the bench's long
      // page), so marks made here are in it. After it (a page that came in parts), in a task of its
      // own just after: it still comes before the next frame, and the page's task stays its length.
      // The paint's entry is reported a little after the paint: a page that painted just before is
      // sometimes still marked in this task (most loads of the bench's streamed page).
      if (performance.getEntriesByName('first-contentful-paint').length === 0) begin(ctx.signal, forced, true, huge);
      else inTaskOfItsOwn(() => begin(ctx.signal, forced, true, huge));
    };
    // On the window, not the document: the event reaches the window after every listener on the
    // document, where pages and their libraries listen for it, so those see the article as sent.
    window.addEventListener('DOMContentLoaded', beginOnce);
    // A listener on the document that stops the event keeps it from the window: then in a task of its
    // own just after. Added now, before any of the page's, so no page listener can stop it.
    document.addEventListener('DOMContentLoaded', (event) => event.isTrusted && setTimeout(() => beginOnce(event), 0));
  },
});

/** Runs `run` in a task of its own, ahead of the page's others where the browser can say so. */
function inTaskOfItsOwn(run: () => void): void {
  const scheduler = (globalThis as { scheduler?: { postTask?: (task: () => void, options: { priority: string }) => Promise<void> } }).scheduler;
  if (scheduler?.postTask) void scheduler.postTask(run, { priority: 'user-blocking' });
  else setTimeout(run, 0);
}

/** `atDomContentLoaded`: just after that event, not in the task that evaluated this script. */
function begin(signal: AbortSignal, forced: boolean, atDomContentLoaded: boolean, huge?: boolean): void {
  if (signal.aborted) return;
  performance.mark?.('yidu:start'); // when annotating began, for `npm run bench` (first marks)
  // Injected again on request (toolbar, shortcut, menu) where it already runs: just switch it on.
  if (running.__yiduAnnotation) return void running.__yiduAnnotation.enable();
  running.__yiduAnnotation = startPageAnnotation(document, signal, { forced, atDomContentLoaded, huge });
}

/* Test URLs (manual checks):
   https://www.yiwu.gov.cn/
   http://www.zgyww.cn/
   https://www.gov.cn/zhengce/
*/
