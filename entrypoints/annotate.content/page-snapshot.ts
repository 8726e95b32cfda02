import { CARD_TAG, GLOSS_TAG, MARK_TAG, RUBY_ATTR } from '@/lib/dom-names';

/**
 * The page as its author wrote it: a copy of the live DOM without Yidu's marks, glosses and card.
 * The copy goes into a document of its own with no browsing context: a clone made in the page's
 * document would fetch every image again (and log net::ERR_UNKNOWN_URL_SCHEME for a weixin: or
 * other unknown source) each time the article is saved.
 */
export function pageSnapshot(doc: Document): { html: string; url: string; canonical: string | null; selection: string } {
  const copy = doc.implementation.createHTMLDocument('').importNode(doc.documentElement, true);
  for (const own of copy.querySelectorAll(`${GLOSS_TAG}, ${CARD_TAG}, rt[${RUBY_ATTR}]`)) own.remove();
  for (const ruby of copy.querySelectorAll(`ruby[${RUBY_ATTR}]`)) ruby.replaceWith(...ruby.childNodes);
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
 * returns it as a data URL, since messages carry JSON only. Failures are thrown: the message
 * contract carries the reason to the save pipeline.
 */
export async function fetchImageAsDataUrl(url: string): Promise<{ dataUrl: string }> {
  const response = await fetch(url, { credentials: 'include' });
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  if (Number(response.headers.get('content-length')) > MAX_IMAGE_BYTES) throw new Error('larger than 15 MB');
  const blob = await response.blob();
  if (!blob.type.startsWith('image/')) throw new Error(`not an image (${blob.type || 'unknown type'})`);
  if (blob.size > MAX_IMAGE_BYTES) throw new Error('larger than 15 MB');
  const dataUrl = await new Promise<string>((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result as string);
    reader.onerror = () => reject(reader.error ?? new Error('could not read the image'));
    reader.readAsDataURL(blob);
  });
  return { dataUrl };
}
