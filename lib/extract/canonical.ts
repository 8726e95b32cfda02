const TRACKING = /^(utm_\w+|spm|from|share_token|share_from|isappinstalled|scene|clicktime|enterid|wxshare_count|_t|ts)$/i;

/**
 * The address an article is kept under: the page's canonical link when it stays on the same site,
 * without the fragment and without tracking parameters, so one article is saved once.
 */
export function canonicalUrl(pageUrl: string, canonicalHref?: string | null): string {
  let url = new URL(pageUrl);
  if (canonicalHref) {
    try {
      const candidate = new URL(canonicalHref, pageUrl);
      if (candidate.hostname === url.hostname && /^https?:$/.test(candidate.protocol)) url = candidate;
    } catch {
      // an unusable canonical link: keep the page's own address
    }
  }
  url.hash = '';
  for (const key of [...url.searchParams.keys()]) if (TRACKING.test(key)) url.searchParams.delete(key);
  return url.href;
}
