/**
 * Wraps matched text in <yidu-mark> elements and undoes it exactly. Only text nodes are split and
 * wrapped: no page element is removed or re-created, so the page's own listeners keep working.
 *
 * Live pages rewrite their text nodes in place (a clock setting `node.data` every 100 ms, a React or
 * Vue re-render setting `nodeValue`). The design that keeps such scripts working: the page's own
 * Text node is never removed or moved. It stays first, where the page put it, holding the text
 * before its first piece; the pieces (marks and the text between them) are new nodes inserted right
 * after it and recorded as a Split. When the page writes to its node, everything Yidu derived from
 * that node is stale, so `restoreSplit(split, true)` drops the pieces and leaves the node holding
 * exactly what the page wrote; the annotator then marks that text again (annotator.ts). A script
 * that reads `node.data` while the text is marked sees only the text before the first mark: that is
 * the one cost of keeping the node in place (the alternative, moving the page's node into a mark or
 * out of the document, breaks `parent.removeChild(node)` and writes that land off-screen).
 */
import type { MatchSpan } from '../matcher/matcher';
import type { TextRun } from './blocks';
import { MARK_TAG, TERM_ATTR, OCCURRENCE_ATTR, KIND_ATTR, GLOSS_TAG } from '../dom-names';
import { inlineGlossText } from './gloss-text';

/** One text node split by one layer (the marks, or the pinyin's ruby over them). */
export interface Split {
  /** The node that was split (a page's node, or a piece of an inner layer); it never moves. */
  node: Text;
  /** What the split left in `node`: the text before its first piece. */
  kept: string;
  /** What was inserted right after `node`, in order: wrappers, the text between them, glosses. */
  pieces: ChildNode[];
  /** Every text node of the run the split was matched in (several when a term crosses inline tags). */
  run: Text[];
  ledger: MarkLedger;
  done: boolean;
}

export interface MarkLedger {
  /** Splits in the order they were made; undone in reverse. */
  splits: Split[];
  /** Wrappers placed (marks, or rubies for the pinyin layer). */
  wrapped: number;
  nextOccurrence: number;
}

/**
 * A record kept on each node itself, under a symbol, where a WeakMap would be the usual choice. With
 * tens of thousands of nodes in WeakMaps, V8's full collections marked the entries as ephemerons one
 * by one (traced on the bench's 200,000-element page: 48 ms of a 161 ms pause inside one switch-off
 * slice); a property is traced like any other field. In a content script the property is on this
 * script's own wrapper of the node (its isolated world): the page can neither see nor forge it.
 */
class NodeSlot<N extends Node, V> {
  private readonly key: symbol;
  constructor(name: string) {
    this.key = Symbol(name);
  }
  get(node: N): V | undefined {
    return (node as unknown as Record<symbol, V | undefined>)[this.key];
  }
  has(node: N): boolean {
    return this.get(node) !== undefined;
  }
  set(node: N, value: V): void {
    (node as unknown as Record<symbol, V | undefined>)[this.key] = value;
  }
  /** Cleared, not deleted: deleting a property would turn the node's wrapper into a slow dictionary. */
  delete(node: N): void {
    if (this.has(node)) (node as unknown as Record<symbol, V | undefined>)[this.key] = undefined;
  }
}

/** Every layer's live splits of a text node, oldest first. */
const splitsOf = new NodeSlot<Text, Split[]>('yidu splits');
/** A piece (and each text node inside a wrapper) → the split that made it. */
const pieceOf = new NodeSlot<Node, Split>('yidu piece of');

export function newLedger(): MarkLedger {
  return { splits: [], wrapped: 0, nextOccurrence: 1 };
}

/** The live splits of `node` (any layer), oldest first; empty when Yidu has not split it. */
export function liveSplits(node: Text): readonly Split[] {
  return splitsOf.get(node) ?? [];
}

/** The split a node Yidu inserted belongs to (a piece, or the text inside a wrapper). */
export function splitOfPiece(node: Node): Split | undefined {
  return pieceOf.get(node);
}

/** Has Yidu split this text node, or made it? (The annotator's walker treats both as a boundary.) */
export function isYiduText(node: Text): boolean {
  return pieceOf.has(node) || (splitsOf.get(node)?.length ?? 0) > 0;
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
  // The first piece of each span takes focus: focusable, not a tab stop (Alt+Shift+J moves between
  // terms). Cloned with the rest of the template, and taken off the rare later pieces of a span that
  // crosses nodes: two attribute writes a mark fewer on the first screen.
  const template = doc.createElement(MARK_TAG);
  template.setAttribute(TERM_ATTR, '');
  template.setAttribute(OCCURRENCE_ATTR, '');
  template.setAttribute('tabindex', '-1');
  template.setAttribute('role', 'button');
  // Occurrence numbers may have been reserved when the run was matched (its wrapping deferred).
  const firstOccurrence = reservedOccurrence ?? ledger.nextOccurrence;
  if (reservedOccurrence === undefined) ledger.nextOccurrence += spans.length;
  let lastSpan = -1;
  const { firsts, lasts } = wrapPieces(run, spans, ledger, (span, j, text) => {
    const mark = template.cloneNode(false) as Element;
    mark.setAttribute(TERM_ATTR, span.id);
    mark.setAttribute(OCCURRENCE_ATTR, String(firstOccurrence + j));
    if (span.kind) mark.setAttribute(KIND_ATTR, span.kind);
    if (j === lastSpan) {
      mark.removeAttribute('tabindex');
      mark.removeAttribute('role');
    }
    lastSpan = j;
    mark.appendChild(text);
    return mark;
  });
  const wrapped: WrappedSpan[] = [];
  spans.forEach((span, j) => {
    const first = firsts[j];
    if (first) wrapped.push({ span, first, last: lasts[j]! });
  });
  return wrapped;
}

/**
 * The wrapping itself, for any kind of wrapper (marks here, pinyin's <ruby> in ./pinyin-ruby.ts):
 * `make` gets each piece's new text node and its offsets in run.text, and returns the element that
 * holds it. Each split node goes into the ledger with its pieces, so unwrapAll undoes it exactly.
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
    let split: Split | undefined;
    let fragment: DocumentFragment | undefined;
    let cursor = 0; // how much of `data` is placed already
    for (let j = k; j < spans.length && spans[j]!.start < nodeEnd; j++) {
      const span = spans[j]!;
      const localStart = Math.max(span.start - nodeStart, 0);
      const localEnd = Math.min(span.end, nodeEnd) - nodeStart;
      // A piece of a span that crosses nodes may be a bare line break between the other pieces.
      const wholeSpan = localStart === span.start - nodeStart && localEnd === span.end - nodeStart;
      if (!wholeSpan && data.slice(localStart, localEnd).trim() === '') continue;
      if (!split || !fragment) {
        fragment = doc.createDocumentFragment();
        split = { node, kept: data.slice(0, localStart), pieces: [], run: run.nodes, ledger, done: false };
      } else if (localStart > cursor) fragment.appendChild(created(doc, data.slice(cursor, localStart), split));
      const wrapper = make(span, j, created(doc, data.slice(localStart, localEnd), split), nodeStart + localStart, nodeStart + localEnd);
      pieceOf.set(wrapper, split);
      fragment.appendChild(wrapper);
      ledger.wrapped++;
      firsts[j] ??= wrapper;
      lasts[j] = wrapper;
      cursor = localEnd;
    }
    if (!split || !fragment) continue;
    if (cursor < data.length) fragment.appendChild(created(doc, data.slice(cursor), split));
    split.pieces = [...fragment.childNodes];
    // The original node stays in place holding the text before the first piece (possibly empty).
    node.parentNode!.insertBefore(fragment, node.nextSibling);
    node.data = split.kept;
    ledger.splits.push(split);
    const earlier = splitsOf.get(node);
    if (earlier) earlier.push(split);
    else splitsOf.set(node, [split]);
  }
  return { firsts, lasts };
}

function created(doc: Document, text: string, split: Split): Text {
  const node = doc.createTextNode(text);
  pieceOf.set(node, split);
  return node;
}

/**
 * Puts the English rendering in small text right after an occurrence: 八八战略 (Double-Eight Strategy).
 * A rendering's own bracketed aside is left out, never nested in these brackets (./gloss-text.ts).
 */
export function addGloss(after: Element, english: string): void {
  const gloss = after.ownerDocument.createElement(GLOSS_TAG);
  gloss.textContent = ` (${inlineGlossText(english)})`;
  after.after(gloss);
  const split = pieceOf.get(after);
  if (split) {
    split.pieces.push(gloss);
    pieceOf.set(gloss, split);
  }
}

/** An inner reading or gloss (pinyin's <rt>, inline English): Yidu's own text, never the page's. */
function isOwnText(el: Element): boolean {
  return el.localName === GLOSS_TAG || el.localName === 'rt';
}

/** The page's text inside a piece. */
function textOf(node: Node): string {
  if (node.nodeType === 3) return (node as Text).data;
  if (node.nodeType !== 1 || isOwnText(node as Element)) return '';
  let text = '';
  for (let child = node.firstChild; child; child = child.nextSibling) text += textOf(child);
  return text;
}

/** Undoes every later layer's splits of the text nodes in and under `node`. */
function restoreInner(node: Node): void {
  if (node.nodeType === 3) {
    const splits = splitsOf.get(node as Text);
    if (splits) for (const split of [...splits].reverse()) restoreSplit(split);
    return;
  }
  for (const child of [...node.childNodes]) restoreInner(child);
}

/**
 * Undoes one split. By default the node gets its pieces' text back (byte for byte what it held); with
 * `pageWins`, or when the page has written to the node since (its text is no longer what Yidu left),
 * the pieces are dropped and the node keeps what the page wrote. `removed` sees each removed piece.
 */
export function restoreSplit(split: Split, pageWins = false, removed?: (piece: ChildNode) => void): void {
  if (split.done) return;
  split.done = true;
  const { node } = split;
  const all = splitsOf.get(node) ?? [];
  // Layers made after this one go first: pinyin over the node's kept text, or over the pieces.
  for (const later of all.slice(all.indexOf(split) + 1).reverse()) restoreSplit(later, pageWins, removed);
  for (const piece of split.pieces) restoreInner(piece);
  const wins = pageWins || node.data !== split.kept;
  let text = '';
  for (const piece of split.pieces) {
    if (!wins) text += textOf(piece);
    removed?.(piece);
    piece.parentNode?.removeChild(piece);
  }
  if (text) node.data += text;
  const left = all.filter((s) => s !== split);
  if (left.length) splitsOf.set(node, left);
  else splitsOf.delete(node);
}

/**
 * Undoes the splits that made these wrappers (with every layer over them) ahead of the ledger's
 * order: switching off restores what is on screen first (screen-order.ts wrappersOnScreen). Their
 * splits stay in the ledger, marked done, and unwrapSome passes over them.
 */
export function unwrapWrappers(wrappers: Iterable<Element>): void {
  for (const wrapper of wrappers) {
    const split = pieceOf.get(wrapper);
    if (split) restoreSplit(split);
  }
}

/** Removes every mark in the ledger and merges split text back, restoring the DOM as it was. */
export function unwrapAll(ledger: MarkLedger): void {
  while (unwrapSome(ledger, Infinity));
}

/**
 * Undoes the ledger's splits, newest first, until `deadline` (a performance.now() time): the sliced
 * form of unwrapAll for switching off a long page. Returns whether splits remain.
 */
export function unwrapSome(ledger: MarkLedger, deadline: number): boolean {
  let n = 0;
  while (ledger.splits.length) {
    // Checking the clock every 64 splits keeps its cost out of the loop.
    if ((++n & 63) === 0 && performance.now() >= deadline) return true;
    restoreSplit(ledger.splits.pop()!);
  }
  ledger.wrapped = 0;
  ledger.nextOccurrence = 1;
  return false;
}
