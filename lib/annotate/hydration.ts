/**
 * Pages rendered on the server whose scripts then take over ("hydrate") the same DOM: React (Next.js,
 * Gatsby), Vue (Nuxt, Vue 2's server rendering), Astro islands, Angular and SvelteKit. Hydration checks
 * the DOM against what the scripts render, and much of it runs in tasks after DOMContentLoaded (React
 * 18 in 5 ms slices): marks put into the text before it ends make it fail and render the page again
 * (React), or replace the nodes (Vue). Such a page is known by what these frameworks leave in the
 * server's HTML: their root elements, data scripts and script paths.
 *
 * Looked up where each marker can be, not with one selector over the page: this runs at every page's
 * start, and a selector list of them all took 47 ms on a 200,000-element page (0.5–0.9 ms on an article).
 */
import { attributeOf, firstChildOf, nextSiblingOf } from '../safe-dom';

const MARKER_IDS = ['__next', '__NEXT_DATA__', '___gatsby', '__nuxt', '__NUXT_DATA__'];
const SCRIPT_PATHS = ['/_next/static/', '/_nuxt/'];
/** On the app's root element: a child of the body, or of the container there (React's data-reactroot). */
const ROOT_ATTRIBUTES = ['data-reactroot', 'data-server-rendered', 'ng-server-context', 'data-sveltekit-hydrate'];
/** Elements looked at for them at each of those two levels: app roots come first in the body. */
const ROOTS_LOOKED_AT = 10;

/** Whether the page's own scripts may still be hydrating its DOM after DOMContentLoaded. */
export function hydratesAfterParsing(doc: Document): boolean {
  // Through the prototypes: a page's `<img name="getElementById">` or form fields shadow these (lib/safe-dom.ts).
  const D = globalThis.Document.prototype;
  if (MARKER_IDS.some((id) => D.getElementById.call(doc, id))) return true;
  for (const script of D.getElementsByTagName.call(doc, 'script')) {
    const src = attributeOf(script, 'src');
    if (src && SCRIPT_PATHS.some((path) => src.includes(path))) return true;
  }
  if (D.getElementsByTagName.call(doc, 'astro-island')[0]) return true;
  const hasRootAttribute = (el: Element) => ROOT_ATTRIBUTES.some((name) => attributeOf(el, name) !== null);
  return firstChildren(doc.body).some((top) => hasRootAttribute(top) || firstChildren(top).some(hasRootAttribute));
}

/** The first ROOTS_LOOKED_AT element children (a body may have hundreds of thousands). */
function firstChildren(parent: Element | null): Element[] {
  const found: Element[] = [];
  for (let node = parent && firstChildOf(parent); node && found.length < ROOTS_LOOKED_AT; node = nextSiblingOf(node)) if (node instanceof Element) found.push(node);
  return found;
}
