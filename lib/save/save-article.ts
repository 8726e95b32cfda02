/**
 * Saving the article in a tab for offline reading, run in an extension page (popup or library):
 * snapshot from the content script → Readability → DOMPurify → images fetched and stored as Blobs
 * → terms counted → one IndexedDB transaction. An image that fails is recorded as missing.
 */
import { sendMessage } from '../messages';
import { t } from '../i18n';
import { extractArticle } from '../extract/article';
import { sanitizeArticleHtml } from '../extract/sanitize';
import { canonicalUrl } from '../extract/canonical';
import type { Matcher } from '../matcher/matcher';
import { countTerms } from '../page-terms';
import type { createArticlesRepo } from '../db/articles';
import type { ArticleRecord } from '../db/schema';

export interface SaveProgress {
  phase: 'reading' | 'images' | 'storing';
  done: number;
  total: number;
}

export interface SaveResult {
  record: ArticleRecord;
  missing: number;
  /**
   * Settles when the article is in the search index (false if indexing failed: the library retries
   * when it next opens). The save is complete before this: indexing never delays "Saved".
   */
  indexed: Promise<boolean>;
}

export const IMAGE_SCHEME = 'yidu-image:';
const PARALLEL_IMAGES = 4;

export async function saveTabArticle(
  tabId: number,
  deps: {
    articles: ReturnType<typeof createArticlesRepo>;
    matcher: Matcher;
    onProgress?(p: SaveProgress): void;
    /** Adds the stored article to the search index (incremental, at save time). */
    index?(record: ArticleRecord): Promise<void>;
  },
): Promise<SaveResult> {
  deps.onProgress?.({ phase: 'reading', done: 0, total: 1 });
  const snapshot = await sendMessage('getPageSnapshot', undefined, { tabId, frameId: 0 });
  const doc = new DOMParser().parseFromString(snapshot.html, 'text/html');
  const extracted = extractArticle(doc, snapshot.url, snapshot.selection);
  const box = document.createElement('div');
  box.innerHTML = sanitizeArticleHtml(extracted.html); // sanitized before it touches any live DOM node
  const imgs = [...box.querySelectorAll('img')].filter((img) => /^https?:/.test(img.getAttribute('src') ?? ''));

  const blobs: (Blob | null)[] = new Array(imgs.length).fill(null);
  let done = 0;
  deps.onProgress?.({ phase: 'images', done, total: imgs.length });
  let next = 0;
  const worker = async () => {
    while (next < imgs.length) {
      const i = next++;
      blobs[i] = await fetchImage(tabId, imgs[i]!.getAttribute('src')!);
      deps.onProgress?.({ phase: 'images', done: ++done, total: imgs.length });
    }
  };
  await Promise.all(Array.from({ length: Math.min(PARALLEL_IMAGES, imgs.length) }, worker));

  const missingImages: string[] = [];
  imgs.forEach((img, i) => {
    const original = img.getAttribute('src')!;
    img.setAttribute('data-original-src', original);
    if (blobs[i]) img.setAttribute('src', `${IMAGE_SCHEME}${i}`);
    else {
      missingImages.push(original);
      img.removeAttribute('src');
      img.setAttribute('alt', img.getAttribute('alt') || 'image not saved');
    }
  });

  deps.onProgress?.({ phase: 'storing', done: 0, total: 1 });
  const url = canonicalUrl(snapshot.url, snapshot.canonical);
  const text = extracted.text;
  const record = await deps.articles.save(
    {
      url,
      title: extracted.title,
      byline: extracted.byline,
      siteName: extracted.siteName,
      publishedAt: extracted.publishedAt,
      leadImage: extracted.leadImage,
      html: sanitizeArticleHtml(box.innerHTML),
      text,
      length: text.length,
      source: extracted.source,
      terms: countTerms(deps.matcher.find(text)),
      missingImages,
    },
    imgs.map((img, i) => ({ originalUrl: img.getAttribute('data-original-src') ?? '', blob: blobs[i] ?? null })),
  );
  // One transaction per article in the index: if the page closes before it commits, the article is
  // simply not indexed yet, and the library indexes what is missing when it next opens.
  const indexed = (deps.index?.(record) ?? Promise.resolve()).then(
    () => true,
    (err: unknown) => {
      console.warn('Yidu: saved, but not indexed for search yet', err);
      return false;
    },
  );
  return { record, missing: missingImages.length, indexed };
}

/** The extension's own fetch first (works where the site allows it), then the page's. */
async function fetchImage(tabId: number, url: string): Promise<Blob | null> {
  try {
    const response = await fetch(url, { credentials: 'omit' });
    if (response.ok) {
      const blob = await response.blob();
      if (blob.type.startsWith('image/')) return blob;
    }
  } catch {
    // CORS or network: let the page try with its own origin
  }
  try {
    const result = await sendMessage('fetchImage', { url }, { tabId, frameId: 0 });
    if ('dataUrl' in result) return await (await fetch(result.dataUrl)).blob();
  } catch {
    // the tab went away or refused: the image is recorded as missing
  }
  return null;
}

/** A readable message for a failed save; a full quota is the one a reader can act on. */
export function describeSaveError(err: unknown): string {
  const e = err as { name?: string; message?: string };
  if (e?.name === 'QuotaExceededError' || /quota/i.test(e?.message ?? '')) {
    return t('saveErrorQuota');
  }
  if (/Could not establish connection|Receiving end does not exist/i.test(e?.message ?? '')) {
    return t('saveErrorNotRunning');
  }
  return t('saveErrorOther', e?.message ?? String(err));
}
