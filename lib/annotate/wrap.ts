/**
 * Wraps matched text in <yidu-mark> elements and undoes it exactly. Only text nodes are split and
 * wrapped: no page element is removed or re-created, so the page's own listeners keep working.
 */
import type { MatchSpan } from '../matcher/matcher';
import type { TextRun } from './blocks';
import { MARK_TAG, TERM_ATTR, OCCURRENCE_ATTR, KIND_ATTR, GLOSS_TAG } from '../dom-names';
import { inlineGlossText } from './gloss-text';

export interface MarkLedger {
  /** Text nodes that splitting created; unwrapping merges each back into its left neighbour. */
  created: Text[];
  marks: Element[];
  /** Inline English glosses (and pinyin's <rt>): removed whole when unwrapping. */
  glosses: Element[];
  nextOccurrence: number;
}

export function newLedger(): MarkLedger {
  return { created: [], marks: [], glosses: [], nextOccurrence: 1 };
}

/** A span to mark; `kind` is set for candidate jargon. */
export type MarkSpan = MatchSpan & { kind?: string };

/** Per span: its first and last piece (the first takes keyboard focus; a gloss goes after the last). */
export type WrappedSpan = { span: MarkSpan; first: Element; last: Element };

/**
 * Wraps every span of one run. `spans`: offsets into run.text, sorted, non-overlapping.
 * Each text node that holds pieces keeps its leading text and is followed by one fragment built
 * off-document (marks and the text between them): one live insertion per node, which is much
 * cheaper than splitting the live node once per piece.
 */
export function wrapSpans(run: TextRun, spans: readonly MarkSpan[], ledger: MarkLedger, reservedOccurrence?: number): WrappedSpan[] {
  const doc = run.nodes[0]?.ownerDocument;
  if (!doc || spans.length === 0) return [];
  const template = doc.createElement(MARK_TAG);
  template.setAttribute(TERM_ATTR, '');
  template.setAttribute(OCCURRENCE_ATTR, '');
  // Occurrence numbers may have been reserved when the run was matched (its wrapping deferred).
  const firstOccurrence = reservedOccurrence ?? ledger.nextOccurrence;
  if (reservedOccurrence === undefined) ledger.nextOccurrence += spans.length;
  const { firsts, lasts } = wrapPieces(run, spans, ledger, (span, j, text) => {
    const mark = template.cloneNode(false) as Element;
    mark.setAttribute(TERM_ATTR, span.id);
    mark.setAttribute(OCCURRENCE_ATTR, String(firstOccurrence + j));
    if (span.kind) mark.setAttribute(KIND_ATTR, span.kind);
    mark.append(text);
    return mark;
  });
  const wrapped: WrappedSpan[] = [];
  spans.forEach((span, j) => {
    const first = firsts[j];
    if (!first) return;
    first.setAttribute('tabindex', '-1'); // focusable, not a tab stop: Alt+Shift+J moves between terms
    first.setAttribute('role', 'button');
    wrapped.push({ span, first, last: lasts[j]! });
  });
  return wrapped;
}

/**
 * The wrapping itself, for any kind of wrapper (marks here, pinyin's <ruby> in ./pinyin-ruby.ts):
 * `make` gets each piece's new text node and its offsets in run.text, and returns the element that
 * holds it. Every wrapper and new text node goes into the ledger, so unwrapAll undoes it exactly.
 */
export function wrapPieces<S extends { start: number; end: number }>(
  run: TextRun,
  spans: readonly S[],
  ledger: MarkLedger,
  make: (span: S, index: number, text: Text, from: number, to: number) => Element,
): { firsts: (Element | undefined)[]; lasts: (Element | undefined)[] } {
  const firsts: (Element | undefined)[] = new Array(spans.length);
  const lasts: (Element | undefined)[] = new Array(spans.length);
  const doc = run.nodes[0]?.ownerDocument;
  if (!doc) return { firsts, lasts };
  let k = 0; // first span that may still reach the current node
  for (let i = 0; i < run.nodes.length; i++) {
    const node = run.nodes[i]!;
    const data = node.data;
    const nodeStart = run.starts[i]!;
    const nodeEnd = nodeStart + data.length;
    while (k < spans.length && spans[k]!.end <= nodeStart) k++;
    let fragment: DocumentFragment | undefined;
    let keep = 0; // the original node keeps data[0, keep): the text before its first piece
    let cursor = 0; // how much of `data` is placed already
    for (let j = k; j < spans.length && spans[j]!.start < nodeEnd; j++) {
      const span = spans[j]!;
      const localStart = Math.max(span.start - nodeStart, 0);
      const localEnd = Math.min(span.end, nodeEnd) - nodeStart;
      // A piece of a span that crosses nodes may be a bare line break between the other pieces.
      const wholeSpan = localStart === span.start - nodeStart && localEnd === span.end - nodeStart;
      if (!wholeSpan && data.slice(localStart, localEnd).trim() === '') continue;
      if (!fragment) {
        fragment = doc.createDocumentFragment();
        keep = localStart;
      } else if (localStart > cursor) fragment.append(created(doc, data.slice(cursor, localStart), ledger));
      const wrapper = make(span, j, created(doc, data.slice(localStart, localEnd), ledger), nodeStart + localStart, nodeStart + localEnd);
      fragment.append(wrapper);
      ledger.marks.push(wrapper);
      firsts[j] ??= wrapper;
      lasts[j] = wrapper;
      cursor = localEnd;
    }
    if (!fragment) continue;
    if (cursor < data.length) fragment.append(created(doc, data.slice(cursor), ledger));
    // The original node stays in place holding the text before the first piece (possibly empty).
    node.parentNode!.insertBefore(fragment, node.nextSibling);
    node.data = data.slice(0, keep);
  }
  return { firsts, lasts };
}

function created(doc: Document, text: string, ledger: MarkLedger): Text {
  const node = doc.createTextNode(text);
  ledger.created.push(node);
  return node;
}

/**
 * Puts the English rendering in small text right after an occurrence: 八八战略 (Double-Eight Strategy).
 * A rendering's own bracketed aside is left out, never nested in these brackets (./gloss-text.ts).
 */
export function addGloss(after: Element, english: string, ledger: MarkLedger): void {
  const gloss = after.ownerDocument.createElement(GLOSS_TAG);
  gloss.textContent = ` (${inlineGlossText(english)})`;
  after.after(gloss);
  ledger.glosses.push(gloss);
}

/** Removes every mark in the ledger and merges split text back, restoring the DOM as it was. */
export function unwrapAll(ledger: MarkLedger): void {
  for (const gloss of ledger.glosses) gloss.remove();
  for (const mark of ledger.marks) {
    const parent = mark.parentNode;
    if (!parent) continue;
    while (mark.firstChild) parent.insertBefore(mark.firstChild, mark);
    parent.removeChild(mark);
  }
  for (const node of ledger.created) {
    const previous = node.previousSibling;
    if (previous && previous.nodeType === 3 && node.parentNode) {
      (previous as Text).appendData(node.data);
      node.parentNode.removeChild(node);
    }
  }
  ledger.marks = [];
  ledger.glosses = [];
  ledger.created = [];
  ledger.nextOccurrence = 1;
}
