import { isBlock } from './blocks';
import { MARK_TAG, OCCURRENCE_ATTR, TERM_ATTR } from '../dom-names';
import { parentElementOf } from '../safe-dom';
import { isAddedText } from './mark-context';

/**
 * What a flush must put in the DOM: every occurrence of one entry, or (nearOnly) what is on or near the
 * screen. Drawn occurrences of an entry stay drawn: drawn sources list them (occurrenceListOf).
 */
export interface FlushScope {
  id?: string;
  nearOnly?: boolean;
}

/**
 * Annotators that defer wrapping far-off text (or draw it: ./drawn-marks.ts) register here, so that
 * anything that counts or visits occurrences first gets them in the DOM.
 */
const flushers = new Set<(scope: FlushScope) => void>();

export function registerDeferredFlush(flush: (scope: FlushScope) => void): () => void {
  flushers.add(flush);
  return () => flushers.delete(flush);
}

/** Wraps deferred (or drawn) runs now: keyboard navigation between terms needs the next one in the DOM. */
export function flushDeferredMarks(scope: FlushScope = {}): void {
  flushers.forEach((flush) => flush(scope));
}

/**
 * An occurrence drawn over a huge page's text, not an element yet: where it starts, and how to make it
 * one. On the 200,000-element page, wrapping every occurrence of a term for a card's "k of N" cost the
 * page a 130–200 ms frame for 50 of them; a card now wraps only the occurrence it goes to.
 */
export interface DrawnOccurrence {
  node: Text;
  offset: number;
  make(): Element | undefined;
}

/** One occurrence of a term: its mark's first piece, or a drawn one. */
export type Occurrence = Element | DrawnOccurrence;

const drawnSources = new Set<(id: string) => DrawnOccurrence[]>();

export function registerDrawnOccurrences(source: (id: string) => DrawnOccurrence[]): () => void {
  drawnSources.add(source);
  return () => drawnSources.delete(source);
}

/** The element of an occurrence, made from a drawn one when needed (undefined: the page changed its text since). */
export function occurrenceElement(occurrence: Occurrence): Element | undefined {
  return 'make' in occurrence ? occurrence.make() : occurrence;
}

/**
 * Every occurrence of entry `id` under `root`, in document order, drawn ones left drawn (each is made
 * an element by occurrenceElement when visited).
 */
export function occurrenceListOf(root: ParentNode, id: string): Occurrence[] {
  flushDeferredMarks({ id });
  const marks = markedOccurrences(root, id);
  const drawn = [...drawnSources].flatMap((source) => source(id)).filter((d) => root.contains(d.node));
  if (!drawn.length) return marks;
  drawn.sort((a, b) => (a.node === b.node ? a.offset - b.offset : a.node.compareDocumentPosition(b.node) & 4 /* FOLLOWING */ ? -1 : 1));
  // Both lists are in document order: merged.
  const all: Occurrence[] = [];
  let i = 0;
  for (const mark of marks) {
    while (i < drawn.length && mark.compareDocumentPosition(drawn[i]!.node) & 2 /* PRECEDING */) all.push(drawn[i++]!);
    all.push(mark);
  }
  return all.concat(drawn.slice(i));
}

function markedOccurrences(root: ParentNode, id: string): Element[] {
  const seen = new Set<string>();
  const firsts: Element[] = [];
  for (const mark of root.querySelectorAll(`${MARK_TAG}[${TERM_ATTR}="${CSS.escape(id)}"]`)) {
    const n = mark.getAttribute(OCCURRENCE_ATTR)!;
    if (seen.has(n)) continue;
    seen.add(n);
    firsts.push(mark);
  }
  return firsts;
}

/** The first piece of the first occurrence of `id`, scrolled into view; false when there is none. */
export function revealFirst(root: ParentNode, id: string): boolean {
  const list = occurrenceListOf(root, id);
  const first = list[0] && occurrenceElement(list[0]);
  if (!first) return false;
  first.scrollIntoView({ block: 'center' });
  (first as HTMLElement).focus?.({ preventScroll: true });
  return true;
}

const SENTENCE_END = /[。！？!?；;\n]/;

/** The sentence around a mark: its block's text from the previous sentence end to the next. */
export function sentenceAround(mark: Element): string {
  let block: Element | null = parentElementOf(mark);
  while (block && !isBlock(block)) block = parentElementOf(block);
  block ??= mark.ownerDocument.body;
  // The block's text as written: pinyin's <rt> and inline English (Yidu's) are not part of it.
  let text = '';
  let markAt = -1;
  const walker = mark.ownerDocument.createTreeWalker(block, 4 /* NodeFilter.SHOW_TEXT */);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (isAddedText(node)) continue;
    // The first text node that does not precede the mark starts it.
    if (markAt < 0 && !(mark.compareDocumentPosition(node) & 2)) markAt = text.length;
    text += (node as Text).data;
  }
  const before = text.slice(0, markAt < 0 ? text.length : markAt);
  let start = before.length;
  while (start > 0 && !SENTENCE_END.test(text[start - 1]!)) start--;
  let end = before.length;
  while (end < text.length && !SENTENCE_END.test(text[end]!)) end++;
  if (end < text.length) end++; // keep the closing punctuation
  return text.slice(start, end).replace(/\s+/g, ' ').trim().slice(0, 300);
}
