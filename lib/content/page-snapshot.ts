import { GLOSS_TAG, MARK_TAG } from '../annotate/wrap';

/** The page as its author wrote it: a copy of the live DOM without Yidu's marks, glosses and card. */
export function pageSnapshot(doc: Document): { html: string; url: string; canonical: string | null; selection: string } {
  const copy = doc.documentElement.cloneNode(true) as Element;
  for (const own of copy.querySelectorAll(`${GLOSS_TAG}, yidu-card`)) own.remove();
  for (const mark of copy.querySelectorAll(MARK_TAG)) mark.replaceWith(...mark.childNodes);
  return {
    html: `<!doctype html>${copy.outerHTML}`,
    url: doc.location.href,
    canonical: doc.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? null,
    selection: doc.getSelection()?.toString() ?? '',
  };
}

const MAX_IMAGE_BYTES = 15 * 1024 * 1024;

/**
 * Fetches an image with the page's own origin and cookies (what the page itself could load) and
 * returns it as a data URL, since messages carry JSON only.
 */
export async function fetchImageAsDataUrl(url: string): Promise<{ dataUrl: string } | { error: string }> {
  try {
    const response = await fetch(url, { credentials: 'include' });
    if (!response.ok) return { error: `HTTP ${response.status}` };
    const blob = await response.blob();
    if (!blob.type.startsWith('image/')) return { error: `not an image (${blob.type || 'unknown type'})` };
    if (blob.size > MAX_IMAGE_BYTES) return { error: 'larger than 15 MB' };
    const dataUrl = await new Promise<string>((resolve, reject) => {
      const reader = new FileReader();
      reader.onload = () => resolve(reader.result as string);
      reader.onerror = () => reject(reader.error);
      reader.readAsDataURL(blob);
    });
    return { dataUrl };
  } catch (err) {
    return { error: (err as Error).message || 'network error' };
  }
}
