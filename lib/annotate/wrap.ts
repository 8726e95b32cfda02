/**
 * Wraps matched text in <yidu-mark> elements and undoes it exactly. Only text nodes are split and
 * wrapped: no page element is removed or re-created, so the page's own listeners keep working.
 */
import type { MatchSpan } from '../matcher/matcher';
import type { TextRun } from './blocks';

export const MARK_TAG = 'yidu-mark';
export const TERM_ATTR = 'data-yidu-term';
export const OCCURRENCE_ATTR = 'data-yidu-occurrence';
/** Set on marks of candidate jargon (not in the glossary), alongside the candidate text. */
export const KIND_ATTR = 'data-yidu-kind';

export const GLOSS_TAG = 'yidu-gloss';

export interface MarkLedger {
  /** Text nodes that splitting created; unwrapping merges each back into its left neighbour. */
  created: Text[];
  marks: Element[];
  /** Inline English glosses: removed whole when unwrapping. */
  glosses: Element[];
  nextOccurrence: number;
}

export function newLedger(): MarkLedger {
  return { created: [], marks: [], glosses: [], nextOccurrence: 1 };
}

/** Per span: its first and last piece (the first takes keyboard focus; a gloss goes after the last). */
export type WrappedSpan = { span: MatchSpan; first: Element; last: Element };

/** Wraps every span of one run; `spans` are offsets into run.text, in order, non-overlapping. */
export function wrapSpans(run: TextRun, spans: readonly MatchSpan[], ledger: MarkLedger, kind?: string): WrappedSpan[] {
  const doc = run.nodes[0]?.ownerDocument;
  const wrapped: WrappedSpan[] = [];
  if (!doc || spans.length === 0) return wrapped;
  // Occurrence numbers follow reading order although wrapping goes right to left (so that splitting
  // a node never moves an offset still to be used: a split node keeps its left part).
  const firstOccurrence = ledger.nextOccurrence;
  ledger.nextOccurrence += spans.length;
  for (let k = spans.length - 1; k >= 0; k--) {
    const span = spans[k]!;
    const occurrence = String(firstOccurrence + k);
    let first: Element | undefined;
    let last: Element | undefined;
    for (let i = run.nodes.length - 1; i >= 0; i--) {
      const node = run.nodes[i]!;
      const nodeStart = run.starts[i]!;
      const nodeEnd = nodeStart + node.data.length;
      if (nodeEnd <= span.start || nodeStart >= span.end) continue;
      const localStart = Math.max(span.start - nodeStart, 0);
      const localEnd = Math.min(span.end, nodeEnd) - nodeStart;
      if (node.data.slice(localStart, localEnd).trim() === '') continue; // a bare line break between pieces
      if (localEnd < node.data.length) ledger.created.push(node.splitText(localEnd));
      let piece = node;
      if (localStart > 0) {
        piece = node.splitText(localStart);
        ledger.created.push(piece);
      }
      const mark = doc.createElement(MARK_TAG);
      mark.setAttribute(TERM_ATTR, span.id);
      mark.setAttribute(OCCURRENCE_ATTR, occurrence);
      if (kind) mark.setAttribute(KIND_ATTR, kind);
      piece.parentNode!.insertBefore(mark, piece);
      mark.appendChild(piece);
      ledger.marks.push(mark);
      last ??= mark;
      first = mark;
    }
    if (first && last) {
      first.setAttribute('tabindex', '0');
      first.setAttribute('role', 'button');
      wrapped.push({ span, first, last });
    }
  }
  return wrapped.reverse();
}

/** Puts the English rendering in small text right after an occurrence: 八八战略 (Double-Eight Strategy). */
export function addGloss(after: Element, english: string, ledger: MarkLedger): void {
  const gloss = after.ownerDocument.createElement(GLOSS_TAG);
  gloss.textContent = ` (${english})`;
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
