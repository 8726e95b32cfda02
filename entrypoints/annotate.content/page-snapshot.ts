import { CARD_TAG, GLOSS_TAG, MARK_TAG, OVERLAY_TAG, RUBY_ATTR } from '@/lib/dom-names';
import { readCappedBytes } from '@/lib/save/capped-fetch';
import { bytesToDataUrl } from '@/lib/data-url';

/**
 * The page as its author wrote it, as the page read it: a copy of the live DOM without Yidu's marks,
 * glosses and card, serialized here (in the page, where the DOM is what the page's parser built).
 *
 * The copy is made in a document with no browsing context, never with cloneNode in the page: a clone
 * in the page's own document would load its images again and run their error handlers in the page
 * (`<img src=x onerror=…>` fired once more by every save). In the inert document nothing loads or runs.
 *
 * <noscript> elements are dropped: the page parsed them with scripting on, so their content is raw text
 * the page never shows, and the save pipeline re-parses the snapshot with scripting off, where that
 * text becomes markup (`<noscript><!-- </noscript>` would open a comment swallowing the rest).
 *
 * Elements whose text the serializer writes unescaped are not left for the re-parse to misread (a
 * `<style>` the page read as HTML may be re-read inside MathML, where its `<!--` opens a comment that
 * swallows the rest): <style>, <noembed> and <noframes> (never shown) are dropped, and <xmp>, <plaintext>
 * and an <iframe> holding text (what follows an unclosed one) become a <pre> of that text, as shown.
 *
 * Event handler attributes, <template>s and scripts other than JSON-LD (metadata reads it) are dropped
 * too: extraction never reads them, and no handler then reaches an extension page, even inert.
 *
 * The page's own lookups go through the prototypes: `<img name="querySelector">` shadows the document's.
 */
export function pageSnapshot(doc: Document): { html: string; url: string; canonical: string | null; selection: string } {
  const D = Document.prototype;
  const root = Object.getOwnPropertyDescriptor(D, 'documentElement')!.get!.call(doc) as Element;
  const inert = document.implementation.createHTMLDocument('');
  const copy = inert.importNode(root, true);
  for (const own of copy.querySelectorAll(`${GLOSS_TAG}, ${CARD_TAG}, ${OVERLAY_TAG}, rt[${RUBY_ATTR}], noscript, template, script:not([type="application/ld+json"])`)) own.remove();
  dropEventHandlers(copy);
  for (const el of copy.querySelectorAll('style, noembed, noframes')) el.remove();
  for (const el of copy.querySelectorAll('xmp, plaintext, iframe')) {
    if (el.localName === 'iframe' && !el.textContent?.trim()) continue;
    const pre = inert.createElement('pre');
    pre.textContent = el.textContent;
    el.replaceWith(pre);
  }
  for (const ruby of copy.querySelectorAll(`ruby[${RUBY_ATTR}]`)) ruby.replaceWith(...ruby.childNodes);
  for (const mark of copy.querySelectorAll(MARK_TAG)) mark.replaceWith(...mark.childNodes);
  return {
    html: `<!doctype html>${copy.outerHTML}`,
    url: doc.location.href,
    canonical: D.querySelector.call(doc, 'link[rel="canonical"]')?.getAttribute('href') ?? null,
    selection: D.getSelection.call(doc)?.toString() ?? '',
  };
}

/**
 * Removes every on… attribute under `root` (element by element: no selector matches attribute names by
 * prefix), with the prototype's methods, since a form's fields may shadow them.
 */
function dropEventHandlers(root: Element): void {
  const { getAttributeNames, removeAttribute } = Element.prototype;
  for (const el of [root, ...root.querySelectorAll('*')]) {
    for (const name of getAttributeNames.call(el)) if (/^on/i.test(name)) removeAttribute.call(el, name);
  }
}


/**
 * Fetches an image with the page's own origin and cookies (what the page itself could load) and
 * returns it as a data URL, since messages carry JSON only. Failures are thrown: the message
 * contract carries the reason to the save pipeline.
 */
export async function fetchImageAsDataUrl(url: string): Promise<{ dataUrl: string }> {
  const response = await fetch(url, { credentials: 'include' });
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  const { bytes, type } = await readCappedBytes(response);
  if (!type.startsWith('image/')) throw new Error(`not an image (${type || 'unknown type'})`);
  // The type's own parameters (`; charset=…`) are left out: a data URL of an image has none.
  return { dataUrl: bytesToDataUrl(bytes, type.split(';')[0]!.trim()) };
}
