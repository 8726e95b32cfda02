/**
 * Is a piece of text part of the page's chrome (navigation, banner, footer, sidebars, logo) rather
 * than its article? Inline English goes only into the article's text: a menu item, a logo or a
 * sidebar teaser with "(Double-Eight Strategy)" after it breaks the site's layout and helps nobody
 * read. Judged per text run by the element that holds it and its ancestors:
 * - nav, aside, ARIA roles navigation, complementary, menu, menubar, banner, contentinfo, and ids or
 *   class names that say nav / menu / sidebar / logo / breadcrumb: chrome wherever they are;
 * - header and footer (the tags, and ids or class names that say so): chrome unless inside the
 *   article or main content, where they hold the article's own headline or byline (as in HTML,
 *   where only a page-level header is a banner).
 * <html> and <body> are not read: their classes describe the whole page ("has-sidebar", "nav-open").
 * The names are the page's, not Yidu's, so they live here rather than in ../dom-names.ts.
 */

import { attributeOf, localNameOf, parentElementOf } from '../safe-dom';

const CHROME_TAGS = new Set(['nav', 'aside']);
const SECTION_TAGS = new Set(['header', 'footer']);
const CONTENT_TAGS = new Set(['article', 'main']);
const CHROME_ROLES = new Set(['navigation', 'complementary', 'menu', 'menubar', 'banner', 'contentinfo']);
const CONTENT_ROLES = new Set(['main', 'article']);

// One whole class name or id: an optional place word, the telling word, optional parts after it
// ("main-nav", "siteHeader", "sidebar-left", "nav_list2"). Whole names only, so "has-sidebar",
// "unavailable" or "article-header" do not count.
const PLACE = '(?:top|sub|main|site|page|global|mobile|side|left|right|primary|secondary)[-_]?';
const PART = '(?:[-_]?(?:s|bar|box|wrap|wrapper|list|items?|links?|area|container|inner|outer|top|bottom|left|right|main|\\d+))*';
const NAV_NAME = new RegExp(`^(?:${PLACE})?(?:nav|navbar|navigation|menu|menubar|sidebar|side[-_]?bar|logo|breadcrumbs?|crumbs?)${PART}$`, 'i');
const SECTION_NAME = new RegExp(`^(?:${PLACE})?(?:header|footer|head[-_]?bar|foot[-_]?bar)${PART}$`, 'i');

function names(el: Element): string[] {
  const id = attributeOf(el, 'id');
  const classes = attributeOf(el, 'class');
  const all = classes ? classes.split(/\s+/) : [];
  if (id) all.push(id);
  return all;
}

/** True when `el` (the element holding a text run) lies in the page's navigation, banner, footer or a sidebar. */
export function isPageChrome(el: Element | null): boolean {
  // A header or footer found so far, not (yet) known to lie inside the article.
  let section = false;
  // Through the prototypes (lib/safe-dom.ts): a form's fields can shadow parentElement, localName, getAttribute.
  for (let e = el; e; e = parentElementOf(e)) {
    const tag = localNameOf(e);
    if (tag === 'body' || tag === 'html') break;
    const role = attributeOf(e, 'role');
    if (CHROME_TAGS.has(tag) || (role && CHROME_ROLES.has(role))) return true;
    const own = names(e);
    if (own.some((n) => NAV_NAME.test(n))) return true;
    if (CONTENT_TAGS.has(tag) || (role && CONTENT_ROLES.has(role))) section = false;
    else if (SECTION_TAGS.has(tag) || own.some((n) => SECTION_NAME.test(n))) section = true;
  }
  return section;
}
