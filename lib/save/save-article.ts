/**
 * The one save pipeline: the article in a tab, stored for offline reading. Run in an extension page
 * (the popup's Save button, or the library for the context menu and shortcut), loaded with import()
 * only when a save starts, since Readability and DOMPurify are its heaviest parts.
 *
 * snapshot from the content script → Readability on an inert copy → DOMPurify (once, before storing)
 * → images fetched and stored as Blobs → terms counted → one IndexedDB transaction.
 * Errors are thrown as they are; the screen that started the save words them.
 *
 * Where extraction runs, and why there: in the extension page that saves, on its thread. A worker has
 * no DOM (no DOMParser, which Readability and the sanitizer need); an offscreen document (Chrome only)
 * runs in the extension's own renderer, on the same thread as the popup; the page's content script
 * would put a hostile page's DOM next to its scripts. So the work is bounded instead: the page is
 * serialized in the page (a copy, nothing re-run), parsed here into an inert document, and a page with
 * more than MAX_ELEMENTS elements is not searched for its article at all: its text is kept and the
 * screen says so (notice), so a huge or pathological page never freezes the popup.
 */
import { sendMessage } from '../messages';
import { articleText, extractArticle, type ExtractedArticle } from '../extract/article';
import { decodePageBytes } from '../extract/encoding';
import { problem, ProblemError, type Problem } from '../problems';
import { sanitizeArticleHtml } from '../extract/sanitize';
import { canonicalUrl } from '../extract/canonical';
import { countTerms } from '../annotate/term-counts';
import { library } from '../db/connection';
import { glossaryStore } from '../glossary/context-store';
import type { ArticleRecord } from '../db/schema';
import { IMAGE_SCHEME } from '../dom-names';
import { MAX_DOWNLOAD_BYTES, readCapped, tooLarge } from './capped-fetch';
import { dataUrlToBlob } from '../data-url';

export interface SaveProgress {
  phase: 'reading' | 'images' | 'storing';
  done: number;
  total: number;
}

export interface MissingImage {
  url: string;
  /** Why it could not be saved (HTTP status, not an image, too large, network), as the browser said. */
  reason: string;
}

export interface SaveResult {
  record: ArticleRecord;
  missing: MissingImage[];
  /** Why the article was not looked for (a page too large), for the screen to say. */
  notice?: Problem;
}

/**
 * Image downloads at once. Each image of the page's own origin is a message round trip through the
 * page (55–85 ms on the bench machine, whatever the image's size): with 4 at a time the 20 images of
 * `npm run bench`'s article took 260–340 ms, with 10 about 200, with 16 130–250. The browser still
 * keeps to its own connections per host; each download is capped (MAX_IMAGE_BYTES).
 */
const PARALLEL_IMAGES = 16;
export const MAX_IMAGE_BYTES = MAX_DOWNLOAD_BYTES;

/**
 * Loads what a save needs before it starts (the glossary and its matcher, the first time 50–100 ms),
 * for a screen that offers Save to call while the reader is still looking at it.
 */
export async function warmSavePipeline(): Promise<void> {
  (await glossaryStore().current()).finder();
}

export async function saveTabArticle(tabId: number, onProgress?: (p: SaveProgress) => void): Promise<SaveResult> {
  onProgress?.({ phase: 'reading', done: 0, total: 1 });
  const [snapshot, glossary] = await Promise.all([sendMessage('getPageSnapshot', undefined, { tabId, frameId: 0 }), glossaryStore().current()]);
  // No segmenter here: forms guarded as whole words are left out of the counts rather than risked.
  const finder = glossary.finder();
  // extractArticle reads an inert copy (DOMParser, form fields that could shadow DOM properties
  // neutralised): nothing in the page's markup loads, runs or can hang the extraction.
  let extracted = extractArticle(snapshot.html, snapshot.url, snapshot.selection);
  if (extracted.garbled) extracted = await redecoded(snapshot.url, snapshot.selection, extracted.garbled);
  const article = new DOMParser().parseFromString(sanitizeArticleHtml(extracted.html), 'text/html').body;
  const imgs = [...article.querySelectorAll('img')].filter((img) => /^https?:/.test(img.getAttribute('src') ?? ''));

  const blobs: (Blob | null)[] = new Array(imgs.length).fill(null);
  const reasons: string[] = new Array(imgs.length).fill('');
  let done = 0;
  onProgress?.({ phase: 'images', done, total: imgs.length });
  let next = 0;
  const worker = async () => {
    while (next < imgs.length) {
      const i = next++;
      try {
        blobs[i] = await fetchImage(tabId, imgs[i]!.getAttribute('src')!, snapshot.url);
      } catch (err) {
        reasons[i] = (err as Error).message || String(err);
      }
      onProgress?.({ phase: 'images', done: ++done, total: imgs.length });
    }
  };
  await Promise.all(Array.from({ length: Math.min(PARALLEL_IMAGES, imgs.length) }, worker));

  const missing: MissingImage[] = [];
  imgs.forEach((img, i) => {
    const original = img.getAttribute('src')!;
    img.setAttribute('data-original-src', original);
    if (blobs[i]) img.setAttribute('src', `${IMAGE_SCHEME}${i}`);
    else {
      missing.push({ url: original, reason: reasons[i]! });
      img.removeAttribute('src');
    }
  });

  onProgress?.({ phase: 'storing', done: 0, total: 1 });
  // The text the reader shows: read from the sanitized HTML, so search and term counts never hold
  // text the stored article does not show (the sanitizer drops what hostile markup hid in odd places).
  const text = articleText(article);
  const record = await library().articles.save(
    {
      url: canonicalUrl(snapshot.url, snapshot.canonical),
      title: extracted.title,
      byline: extracted.byline,
      siteName: extracted.siteName,
      publishedAt: extracted.publishedAt,
      leadImage: extracted.leadImage,
      // Sanitized above; since then only our own src/data-original-src attributes were set.
      html: article.innerHTML,
      text,
      length: text.length,
      source: extracted.source,
      terms: countTerms(finder.find(text)),
      missingImages: missing.map((m) => m.url),
    },
    imgs.map((img, i) => ({ originalUrl: img.getAttribute('data-original-src') ?? '', blob: blobs[i] ?? null })),
  );
  return { record, missing, ...(extracted.tooLarge ? { notice: problem('saveTooLargeToRead', extracted.tooLarge) } : {}) };
}

/**
 * The page's text came out garbled (a wrong or missing charset): fetch its bytes again and decode them
 * as UTF-8 or GB18030 (lib/extract/encoding.ts). When nothing reads as real text, refuse to save garbage.
 */
async function redecoded(url: string, selection: string, reason: string): Promise<ExtractedArticle> {
  let bytes: Uint8Array | undefined;
  try {
    const response = await fetch(url, { credentials: 'omit' });
    if (response.ok) bytes = new Uint8Array(await (await readCapped(response)).arrayBuffer());
  } catch {
    // unreachable (offline, CORS): nothing to decode again
  }
  if (bytes) {
    const decoded = decodePageBytes(bytes);
    if (decoded.ok) {
      const again = extractArticle(decoded.text, url, selection);
      if (!again.garbled) return again;
    }
  }
  throw new ProblemError([problem('saveErrorGarbled', reason)]);
}

/**
 * An image of the page's own origin is fetched by the page (its cookies and referrer, as it loaded
 * it; a missing one is then the page's own 404, not an error in an extension page), falling back to
 * the extension's fetch only when the page could not reach it. Other origins: the extension's fetch
 * first (host permissions spare it the page's CORS errors), then the page's. Throws the last reason.
 */
async function fetchImage(tabId: number, url: string, pageUrl: string): Promise<Blob> {
  const viaPage = async () => {
    const { dataUrl } = await sendMessage('fetchImage', { url }, { tabId, frameId: 0 });
    // Decoded here rather than fetched: fetch(dataUrl) is one more trip through the browser an image.
    const blob = dataUrlToBlob(dataUrl);
    if (!blob) throw new Error('not an image (unreadable data)');
    if (blob.size > MAX_IMAGE_BYTES) throw tooLarge(MAX_IMAGE_BYTES);
    return blob;
  };
  const viaExtension = async () => {
    const response = await fetch(url, { credentials: 'omit' });
    if (!response.ok) throw new HttpRefusal(response.status);
    const blob = await readCapped(response, MAX_IMAGE_BYTES);
    if (!blob.type.startsWith('image/')) throw new Error(`not an image (${blob.type || 'unknown type'})`);
    return blob;
  };
  const sameOrigin = URL.canParse(pageUrl) && URL.canParse(url) && new URL(url).origin === new URL(pageUrl).origin;
  const [first, second] = sameOrigin ? [viaPage, viaExtension] : [viaExtension, viaPage];
  try {
    return await first();
  } catch (err) {
    // The page's server answered (404, 403…): asking again from the extension would only log it twice.
    const answered = err instanceof HttpRefusal || /^HTTP \d+/.test((err as Error).message);
    if (sameOrigin && answered) throw err;
    try {
      return await second();
    } catch (again) {
      throw new Error((again as Error).message || (err as Error).message);
    }
  }
}

class HttpRefusal extends Error {
  constructor(readonly status: number) {
    super(`HTTP ${status}`);
  }
}
