import { onMessage, sendMessage, type PageTermSummary } from '../messages';
import { Matcher } from '../matcher/matcher';
import { PageAnnotator } from '../annotate/annotator';
import { hanRatio } from '../page-terms';

/**
 * The content script's work on one page: build the matcher from the background's spellings, mark
 * terms in place, keep the toolbar badge in step, and answer the popup.
 */
export function startPageAnnotation(doc: Document, signal: AbortSignal): void {
  let annotator: PageAnnotator | undefined;
  let reportTimer: ReturnType<typeof setTimeout> | undefined;

  const summary = (): PageTermSummary => ({
    url: doc.location.href,
    title: doc.title,
    hanRatio: hanRatio(doc.body?.innerText ?? ''),
    counts: Object.fromEntries(annotator?.counts ?? []),
  });
  const report = () => {
    clearTimeout(reportTimer);
    reportTimer = setTimeout(() => {
      if (!signal.aborted) void sendMessage('reportPageTerms', summary()).catch(() => undefined);
    }, 50);
  };

  const ready = (async () => {
    const { sources } = await sendMessage('getPatterns', undefined);
    annotator = new PageAnnotator(new Matcher(sources), { onUpdate: report });
    if (doc.body) await annotator.attach(doc.body);
  })();
  ready.catch((err: unknown) => console.warn('Yidu: could not annotate this page', err));

  const stopSummary = onMessage('getPageTerms', async () => {
    await ready;
    await annotator?.idle();
    return summary();
  });
  signal.addEventListener('abort', () => {
    stopSummary();
    void annotator?.detach();
  });
}
