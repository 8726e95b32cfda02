/**
 * Which pages are huge: so large that any change to their DOM costs a long frame, so that their marks
 * are drawn over the text (./drawn-marks.ts) rather than wrapped in elements.
 */

/**
 * Pages where a single change to the DOM costs a long frame. Measured (bench/long-pages.bench.ts, one
 * word wrapped half-way down, no Yidu): 200,000 elements 66–158 ms, 2,000,000 characters in 20,000
 * paragraphs 33–97 ms; 12,568 elements and 200,000 characters 1–24 ms.
 */
export const HUGE_PAGE_ELEMENTS = 50_000;
export const HUGE_PAGE_CHARS = 1_000_000;

/**
 * Is `doc` so large that its marks are drawn rather than wrapped? Asked at every page start, ahead of
 * the first screen: reading the page's text for it (`body.textContent`) took 4–30 ms on the bench's
 * 200,000-character page, so it is read only where it could be long enough. A document parsed from
 * fewer bytes than HUGE_PAGE_CHARS cannot hold that many characters (every character is at least a
 * byte of its source); text its scripts wrote beyond that is not counted, as text added after the
 * start is not.
 */
export function isHugePage(doc: Document): boolean {
  if (doc.getElementsByTagName('*').length > HUGE_PAGE_ELEMENTS) return true;
  const body = doc.body;
  if (!body) return false;
  const source = (doc.defaultView?.performance?.getEntriesByType?.('navigation')[0] as PerformanceNavigationTiming | undefined)?.decodedBodySize;
  if (source && source <= HUGE_PAGE_CHARS) return false;
  // Not the text of scripts and styles: a news page often carries its data as a megabyte of JSON in a
  // <script>, and its article is no longer for that.
  let chars = 0;
  for (const el of body.querySelectorAll('script, style, template, noscript')) chars -= el.textContent?.length ?? 0;
  const texts = doc.createTreeWalker(body, 4 /* NodeFilter.SHOW_TEXT */);
  for (let node = texts.nextNode(); node; node = texts.nextNode()) if ((chars += (node as Text).length) > HUGE_PAGE_CHARS) return true;
  return false;
}
