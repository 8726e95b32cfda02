/**
 * Finds the article in a page with @mozilla/readability, tuned for Chinese news and government
 * pages. The page is first copied into an inert document from DOMParser with form fields that could
 * shadow DOM properties neutralised (inert.ts), so a hostile page can neither run anything nor send
 * Readability into a loop; the caller's document is never modified.
 *
 * Readability's result is kept unless it is clearly wrong (it lost most of the article text the
 * densest block holds, or it is mostly page chrome); the fallback is the block with the most prose
 * and the least chrome (blocks.ts), never a page-wide wrapper; then the selection or the page's text.
 * Relative links and lazy images are resolved against the page's own URL (a parameter).
 */
import { Readability } from '@mozilla/readability';
import { resolveLazyImages, resolveLinks } from './images';
import { findByline, findPublishedDate, findSourceName, pickTitle } from './metadata';
import { bestBlock, blockStats, removeChrome } from './blocks';
import { inertCopy } from './inert';
import { detectMojibake } from './encoding';
import { hanCount } from '../han';

export interface ExtractedArticle {
  url: string;
  title: string;
  byline: string;
  siteName: string;
  /** The paper or site the article says it comes from (来源：…), when the page names one. */
  sourceName?: string;
  /** Epoch ms, when the page states a publication date. */
  publishedAt?: number;
  leadImage?: string;
  /** Article HTML, not yet sanitized: callers sanitize before storing. */
  html: string;
  text: string;
  /** How the content was found: the article, or a fallback when none was found. */
  source: 'article' | 'dense-block' | 'selection' | 'body';
  /** Set when the text looks garbled (a wrong charset): a short reason, to warn instead of saving silently. */
  garbled?: string;
  /** Set (to its element count) when the page was too large to look for the article in: its text was kept. */
  tooLarge?: number;
}

/**
 * Above this many elements the article is not looked for (Readability and the block search take
 * seconds per 100,000 elements, on the thread of the screen that saves): the page's text is kept and
 * the screen says why. Real news and government pages have a few thousand elements.
 */
export const MAX_ELEMENTS = 50_000;

/**
 * Extracts the article from `doc` (a live page, a DOMParser document or an HTML string), read as the
 * page at `url`. `doc` is not modified. Above `maxElements` elements only the text is kept.
 */
export function extractArticle(doc: Document | string, url: string, selection = '', maxElements = MAX_ELEMENTS): ExtractedArticle {
  const work = inertCopy(doc);
  resolveLazyImages(work, url);
  resolveLinks(work, url);
  const siteName = work.querySelector('meta[property="og:site_name"]')?.getAttribute('content')?.trim() || hostname(url);
  const { title, headline } = pickTitle(work, siteName);
  const publishedAt = findPublishedDate(work, headline);
  const sourceName = findSourceName(work, headline);
  const leadImageAttr = work.querySelector('meta[property="og:image"]')?.getAttribute('content');
  const base = { url, siteName, publishedAt, sourceName, leadImage: absolute(leadImageAttr, url), title: title || hostname(url) };

  stripInert(work);
  const elements = work.getElementsByTagName('*').length;
  if (elements > maxElements) return { ...textFallback(work, base, selection), tooLarge: elements };
  // Readability works on its own copy (it rewrites the tree); the block search on `work`.
  const parsed = new Readability(work.cloneNode(true) as Document, { charThreshold: 100, keepClasses: true, maxElemsToParse: maxElements }).parse();
  const block = work.body ? bestBlock(work.body) : undefined;

  const readable = parsed?.content ? cleaned(work, parsed.content, title) : undefined;
  const dense = block ? cleaned(work, block.element.outerHTML, title) : undefined;
  const choice = choose(readable, dense);

  if (choice) {
    const text = choice.text;
    const byline = findByline(work, headline, text, choice === readable ? [parsed?.byline] : []);
    return { ...base, byline, html: choice.html, text, source: choice === readable ? 'article' : 'dense-block', ...garbledField(text) };
  }
  return textFallback(work, base, selection);
}

/** No article found (or not looked for): the selection, else the page's text, as paragraphs. */
function textFallback(work: Document, base: Omit<ExtractedArticle, 'byline' | 'html' | 'text' | 'source'>, selection: string): ExtractedArticle {
  const fallbackText = selection.trim() || textOf(work.body);
  return {
    ...base,
    byline: '',
    html: textToHtml(work, fallbackText),
    text: normalizeText(fallbackText),
    source: selection.trim() ? 'selection' : 'body',
    ...garbledField(fallbackText),
  };
}

/**
 * Removes what no extraction step reads (after the metadata is read): scripts, styles, comments,
 * frames, and what the page never shows (<noembed>, <noframes>). Keeps what hostile or broken markup
 * made the parser put in odd places, as the page shows it:
 * - paragraphs the parser nested inside SVG or MathML (through <foreignObject>, <mtext>, <desc>…) are
 *   moved out and the drawing or formula dropped (the sanitizer would drop them with it);
 * - <xmp> and <plaintext> show their content as text: it becomes a <pre> of that text;
 * - an anchor holding whole paragraphs (an unclosed <a>, into which the parser nests what follows) is
 *   unwrapped, so its prose is not taken for a list of links; so is a control (<button>, <label>) that
 *   holds paragraphs, which Readability would drop with it.
 */
function stripInert(work: Document): void {
  hoistFromForeign(work);
  for (const el of work.querySelectorAll('xmp, plaintext')) {
    const pre = work.createElement('pre');
    pre.textContent = el.textContent;
    el.replaceWith(pre);
  }
  for (const a of work.querySelectorAll('a')) if (a.querySelectorAll('p').length >= 3) a.replaceWith(...a.childNodes);
  // A control left open (<button>, <label>, <select>) holds what follows it, and Readability drops
  // controls whole: one holding paragraphs is unwrapped so its prose stays.
  for (const el of work.querySelectorAll('button, label, select, option')) if (el.querySelector('p, div, h1, h2, h3, h4, li, table')) el.replaceWith(...el.childNodes);
  for (const el of work.querySelectorAll('script, style, link, template, iframe, frame, frameset, object, embed, canvas, audio, video, noembed, noframes')) el.remove();
  const walker = work.createTreeWalker(work, 128 /* NodeFilter.SHOW_COMMENT */);
  const comments: Node[] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) comments.push(node);
  for (const c of comments) c.parentNode?.removeChild(c);
}

const HTML_NS = 'http://www.w3.org/1999/xhtml';

/** Replaces each outermost <svg> and <math> with the HTML elements the parser put inside it. */
function hoistFromForeign(work: Document): void {
  for (const root of [...work.querySelectorAll('svg, math')]) {
    if (!root.isConnected || root.namespaceURI === HTML_NS) continue;
    const kept: Element[] = [];
    const stack = [...root.children].reverse();
    while (stack.length) {
      const el = stack.pop()!;
      if (el.namespaceURI === HTML_NS) kept.push(el);
      else stack.push(...[...el.children].reverse());
    }
    root.replaceWith(...kept);
  }
}

/** The text of article HTML as it is stored (a line per block): read from the sanitized HTML the reader shows. */
export function articleText(root: Element): string {
  return normalizeText(textOf(root));
}

interface Candidate {
  html: string;
  text: string;
  good: number;
  bad: number;
  chars: number;
}

/** Article HTML with chrome removed (share bars, related lists, 责任编辑 lines), and its text and stats. */
function cleaned(work: Document, html: string, title: string): Candidate {
  const box = work.createElement('div');
  box.innerHTML = html;
  removeChrome(box);
  removeLeadingTitle(box, title);
  for (const el of box.querySelectorAll('[class], [id]')) {
    el.removeAttribute('class');
    el.removeAttribute('id');
  }
  const stats = blockStats(box);
  return { html: box.innerHTML, text: normalizeText(textOf(box)), ...stats };
}

/**
 * Readability's result unless it is clearly wrong: it kept less than half the prose of the best
 * block, or it is mostly chrome where the block is not. Neither when neither holds enough text.
 */
function choose(readable: Candidate | undefined, dense: Candidate | undefined): Candidate | undefined {
  const enough = (c: Candidate | undefined): c is Candidate => !!c && (hanCount(c.text) >= 40 || c.text.length >= 200 || c.good >= 40);
  if (!enough(readable)) return enough(dense) ? dense : undefined;
  if (!enough(dense)) return readable;
  if (readable.good < 0.5 * dense.good) return dense;
  const chromeShare = (c: Candidate) => c.bad / Math.max(1, c.chars);
  if (chromeShare(readable) > 0.3 && chromeShare(dense) < 0.15 && dense.good >= 0.8 * readable.good) return dense;
  // Readability kept a much larger wrapper around the same prose: the block is the article.
  if (readable.chars > 1.6 * dense.chars && dense.good >= 0.9 * readable.good && readable.chars - readable.good > 150) return dense;
  return readable;
}

const squash = (s: string) => s.replace(/\s+/g, '');

/** Drops the headline when the article starts with it (the reader shows the title already). */
function removeLeadingTitle(box: Element, title: string): void {
  if (!title) return;
  const walker = box.ownerDocument.createTreeWalker(box, 4 /* NodeFilter.SHOW_TEXT */);
  let node: Node | null;
  while ((node = walker.nextNode()) && !squash(node.nodeValue ?? ''));
  let el = node?.parentElement;
  while (el && el !== box && !BLOCK_TAGS.test(el.tagName)) el = el.parentElement;
  if (el && el !== box && squash(el.textContent ?? '') === squash(title) && !el.querySelector('img')) el.remove();
}

function garbledField(text: string): { garbled?: string } {
  const report = detectMojibake(text);
  return report.garbled ? { garbled: report.reason } : {};
}

function hostname(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return '';
  }
}

function absolute(value: string | null | undefined, base: string): string | undefined {
  if (!value) return undefined;
  try {
    return new URL(value, base).href;
  } catch {
    return undefined;
  }
}

const BLOCK_TAGS = /^(P|DIV|BR|LI|H[1-6]|TR|TABLE|SECTION|ARTICLE|BLOCKQUOTE|UL|OL|DL|DT|DD|FIGURE|FIGCAPTION|PRE|CENTER|HEADER|FOOTER|MAIN)$/;
const NO_TEXT = /^(SCRIPT|STYLE|NOSCRIPT|TEMPLATE|IFRAME|OBJECT|EMBED|SELECT|TEXTAREA|BUTTON)$/;

/** An element's visible text with a line break at every block boundary (no recursion). */
function textOf(root: Element | null | undefined): string {
  if (!root) return '';
  let out = '';
  const stack: [Node, boolean][] = [[root, false]];
  while (stack.length) {
    const [node, leaving] = stack.pop()!;
    if (node.nodeType === 3) {
      out += node.nodeValue ?? '';
      continue;
    }
    if (node.nodeType !== 1) continue;
    const el = node as Element;
    const block = BLOCK_TAGS.test(el.tagName);
    if (leaving) {
      if (block) out += '\n';
      continue;
    }
    if (NO_TEXT.test(el.tagName)) continue;
    if (block) out += '\n';
    stack.push([el, true]);
    for (let i = el.childNodes.length - 1; i >= 0; i--) stack.push([el.childNodes[i]!, false]);
  }
  return out;
}

function normalizeText(text: string): string {
  return text.replace(/[ \t\u00a0\u3000]+/g, ' ').replace(/\s*\n\s*/g, '\n').trim();
}

/** Plain text as paragraphs, built with DOM nodes (never by concatenating HTML). */
function textToHtml(doc: Document, text: string): string {
  const box = doc.createElement('div');
  for (const line of text.split(/\n+/)) {
    if (!line.trim()) continue;
    const p = doc.createElement('p');
    p.textContent = line.trim();
    box.append(p);
  }
  return box.innerHTML;
}
