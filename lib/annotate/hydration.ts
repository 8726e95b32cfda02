/**
 * Pages rendered on the server whose scripts then take over ("hydrate") the same DOM: React (Next.js,
 * Gatsby), Vue (Nuxt, Vue 2's server rendering), Astro islands, Angular and SvelteKit. Hydration checks
 * the DOM against what the scripts render, and much of it runs in tasks after DOMContentLoaded (React
 * 18 in 5 ms slices): marks put into the text before it ends make it fail and render the page again
 * (React), or replace the nodes (Vue). Such a page is known by what these frameworks leave in the
 * server's HTML: their root elements, data scripts and script paths.
 */
const HYDRATION_MARKERS = [
  '#__next',
  'script#__NEXT_DATA__',
  'script[src*="/_next/static/"]',
  '#___gatsby',
  '[data-reactroot]',
  '#__nuxt',
  'script#__NUXT_DATA__',
  'script[src*="/_nuxt/"]',
  '[data-server-rendered]',
  'astro-island',
  '[ng-server-context]',
  '[data-sveltekit-hydrate]',
].join(',');

/** Whether the page's own scripts may still be hydrating its DOM after DOMContentLoaded. */
export function hydratesAfterParsing(doc: Document): boolean {
  return doc.querySelector(HYDRATION_MARKERS) !== null;
}
