/** Lazy-loading attributes Chinese news sites use for the real image address. */
const LAZY_ATTRS = ['data-src', 'data-original', 'data-lazy-src', 'data-lazysrc', 'data-url', 'data-echo', 'data-actualsrc', 'data-original-src', 'original', 'file'];

/** The widest candidate of a srcset ("a.jpg 480w, b.jpg 960w" → b.jpg). */
export function largestFromSrcset(srcset: string): string | undefined {
  let best: string | undefined;
  let bestSize = -1;
  for (const part of srcset.split(',')) {
    const [candidate, descriptor = '1x'] = part.trim().split(/\s+/);
    if (!candidate) continue;
    const size = parseFloat(descriptor) * (descriptor.endsWith('x') ? 1000 : 1);
    if (size > bestSize) {
      best = candidate;
      bestSize = size;
    }
  }
  return best;
}

/**
 * Puts the real address of every image in `src`, absolute: lazy attributes and srcset first, so
 * the article keeps images that had not scrolled into view when it was saved.
 */
export function resolveLazyImages(doc: Document, baseUrl: string): void {
  for (const img of doc.querySelectorAll('img')) {
    const lazy = LAZY_ATTRS.map((a) => img.getAttribute(a)).find((v) => v && !v.startsWith('data:'));
    const srcset = img.getAttribute('data-srcset') || img.getAttribute('srcset');
    const fromSet = srcset ? largestFromSrcset(srcset) : undefined;
    const src = lazy || fromSet || img.getAttribute('src') || '';
    if (!src) continue;
    try {
      img.setAttribute('src', new URL(src, baseUrl).href);
    } catch {
      img.removeAttribute('src');
    }
    img.removeAttribute('srcset');
    img.removeAttribute('data-srcset');
    img.removeAttribute('loading');
  }
}

/**
 * Makes every link absolute against the page's own address (not the document's, which for a copy
 * made in the extension is the extension page): relative links keep their targets when saved.
 * In-page anchors (#…) are left alone; unparsable addresses are dropped.
 */
export function resolveLinks(doc: Document, baseUrl: string): void {
  for (const a of doc.querySelectorAll('a[href], area[href]')) {
    const href = a.getAttribute('href')!.trim();
    if (!href || href.startsWith('#') || /^(?:javascript|data|vbscript):/i.test(href)) continue;
    try {
      a.setAttribute('href', new URL(href, baseUrl).href);
    } catch {
      a.removeAttribute('href');
    }
  }
}
