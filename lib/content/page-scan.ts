import { onMessage, sendMessage, type PageTermSummary } from '../messages';
import { Matcher } from '../matcher/matcher';
import { countTerms, hanRatio } from '../page-terms';

/**
 * Reads the page's text, finds glossary terms, and tells the background (for the badge) and the
 * popup (on request). Read-only: marking terms in the page is the annotator's job.
 */
export function startPageScan(doc: Document, signal: AbortSignal): void {
  let summary: Promise<PageTermSummary> | undefined;
  const scan = (): Promise<PageTermSummary> =>
    (summary ??= (async () => {
      const text = doc.body?.innerText ?? '';
      const { sources } = await sendMessage('getPatterns', undefined);
      const matcher = new Matcher(sources);
      const result: PageTermSummary = {
        url: doc.location.href,
        title: doc.title,
        hanRatio: hanRatio(text),
        counts: countTerms(matcher.find(text)),
      };
      if (!signal.aborted) await sendMessage('reportPageTerms', result);
      return result;
    })());

  const stop = onMessage('getPageTerms', () => scan());
  signal.addEventListener('abort', stop);
  void scan().catch((err: unknown) => console.warn('Yidu: could not scan this page', err));
}
