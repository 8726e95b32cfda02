/**
 * Finds the article in a page with @mozilla/readability, tuned for Chinese news and government
 * pages: lazy images resolved first, site suffixes stripped from titles, and a fallback to the
 * densest text container when Readability drops most of the text (many short paragraphs).
 * Takes a Document that may be modified (a DOMParser copy, never the live page).
 */
import { Readability } from '@mozilla/readability';
import { resolveLazyImages } from './images';
import { cleanTitle, findPublishedDate } from './metadata';
import { hanCount } from '../han';

export interface ExtractedArticle {
  url: string;
  title: string;
  byline: string;
  siteName: string;
  /** Epoch ms, when the page states a publication date. */
  publishedAt?: number;
  leadImage?: string;
  /** Article HTML, not yet sanitized: callers sanitize before storing. */
  html: string;
  text: string;
  /** How the content was found: the article, or a fallback when none was found. */
  source: 'article' | 'dense-block' | 'selection' | 'body';
}


export function extractArticle(doc: Document, url: string, selection = ''): ExtractedArticle {
  resolveLazyImages(doc, url);
  const siteName =
    doc.querySelector('meta[property="og:site_name"]')?.getAttribute('content')?.trim() || new URL(url).hostname;
  const publishedAt = findPublishedDate(doc);
  const leadImage = doc.querySelector('meta[property="og:image"]')?.getAttribute('content') ?? undefined;
  const rawTitle = doc.querySelector('meta[property="og:title"]')?.getAttribute('content') || doc.title;
  const dense = densestBlock(doc);
  const denseHan = dense ? hanCount(dense.textContent ?? '') : 0;
  const bodyText = doc.body?.textContent ?? '';

  const parsed = new Readability(doc.cloneNode(true) as Document, { charThreshold: 200, keepClasses: false }).parse();
  const base = { url, siteName, publishedAt, leadImage: leadImage ? new URL(leadImage, url).href : undefined };
  const title = cleanTitle(parsed?.title || rawTitle || url, siteName);

  const parsedText = parsed?.textContent ?? '';
  const substantial = hanCount(parsedText) >= 80 || parsedText.trim().length >= 400;
  if (parsed?.content && substantial && hanCount(parsedText) >= 0.6 * denseHan) {
    return { ...base, title, byline: parsed.byline?.trim() ?? '', html: parsed.content, text: normalizeText(parsed.textContent ?? ''), source: 'article' };
  }
  if (dense && denseHan >= 100) {
    return { ...base, title, byline: '', html: dense.innerHTML, text: normalizeText(dense.textContent ?? ''), source: 'dense-block' };
  }
  const fallbackText = selection.trim() || bodyText;
  return {
    ...base,
    title: cleanTitle(rawTitle || url, siteName),
    byline: '',
    html: textToHtml(doc, fallbackText),
    text: normalizeText(fallbackText),
    source: selection.trim() ? 'selection' : 'body',
  };
}

/**
 * The element whose own paragraphs hold the most Han text: on Chinese news pages the article body
 * is usually one container of many short <p> (or <div>/<br> lines) that Readability may score low.
 */
function densestBlock(doc: Document): Element | undefined {
  let best: Element | undefined;
  let bestScore = 0;
  for (const el of doc.querySelectorAll('article, section, div, td, main')) {
    let score = 0;
    for (const child of el.children) {
      if (child.tagName === 'P' || child.tagName === 'DIV' || child.tagName === 'TABLE') {
        if (child.tagName === 'DIV' && child.children.length > 3) continue; // a layout box, not a paragraph
        score += hanCount(child.textContent ?? '');
      }
    }
    for (const node of el.childNodes) if (node.nodeType === 3) score += hanCount(node.textContent ?? '');
    if (score > bestScore) {
      best = el;
      bestScore = score;
    }
  }
  return best;
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
