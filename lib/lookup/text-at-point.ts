/**
 * The page text under the pointer, and the sentence it stands in, for the word lookup. Reads the DOM
 * and never changes it. The sentence is the text node's block (as the annotator's runs are: blocks
 * bound it, inline tags do not), cut at sentence punctuation, with a map back to text nodes so the
 * looked-up word can be highlighted in place.
 */
import { isBlock, isSkipped } from '../annotate/blocks';
import { isHanCode } from '../han';
import { MARK_TAG } from '../dom-names';
import { closestOf, firstChildOf, localNameOf, nextSiblingOf, parentElementOf } from '../safe-dom';

/** A sentence read from the page: its text, where the pointer is in it, and how to find its words again. */
export interface PageSentence {
  text: string;
  /** The pointed-at character (UTF-16 offset in `text`). */
  offset: number;
  /** A DOM range over [start, end) of `text`. */
  range(start: number, end: number): Range;
}

/** Where a sentence stops; the separator stands for a nested block, which a sentence never crosses. */
const SENTENCE_END = /[。！？!?；;\u0000]/;
const SEPARATOR = '\u0000';
/** At most this much text either side of the pointer (a page whose "sentence" has no punctuation). */
const REACH = 120;

type CaretDocument = Document & {
  caretPositionFromPoint?(x: number, y: number): { offsetNode: Node; offset: number } | null;
  caretRangeFromPoint?(x: number, y: number): Range | null;
};

/** The caret position nearest (x, y): caretPositionFromPoint where there is one, else WebKit's caretRangeFromPoint. */
export function caretAt(doc: Document, x: number, y: number): { node: Node; offset: number } | undefined {
  const d = doc as CaretDocument;
  if (d.caretPositionFromPoint) {
    const p = d.caretPositionFromPoint(x, y);
    return p ? { node: p.offsetNode, offset: p.offset } : undefined;
  }
  const r = d.caretRangeFromPoint?.(x, y);
  return r ? { node: r.startContainer, offset: r.startOffset } : undefined;
}

function covers(node: Text, i: number, x: number, y: number): boolean {
  if (i < 0 || i >= node.data.length) return false;
  const range = node.ownerDocument.createRange();
  range.setStart(node, i);
  range.setEnd(node, i + 1);
  for (const r of range.getClientRects()) if (x >= r.left && x <= r.right && y >= r.top && y <= r.bottom) return true;
  return false;
}

/**
 * The character under (x, y): the caret API answers the nearest caret position, which may be beside
 * the text, so the character on either side of it must really contain the point.
 */
export function charAt(doc: Document, x: number, y: number): { node: Text; index: number } | undefined {
  const caret = caretAt(doc, x, y);
  if (!caret || caret.node.nodeType !== 3) return undefined;
  const node = caret.node as Text;
  const index = [caret.offset, caret.offset - 1].find((i) => covers(node, i, x, y));
  return index === undefined ? undefined : { node, index };
}

/** The Han character under (x, y), in text the lookup reads (not a mark's, not skipped). */
export function hanCharAt(doc: Document, x: number, y: number): { node: Text; index: number } | undefined {
  const char = charAt(doc, x, y);
  if (!char || !isHanCode(char.node.data.charCodeAt(char.index))) return undefined;
  const { node, index } = char;
  const parent = node.parentElement;
  // Text in a glossary mark has its own card; inputs, code, Yidu's own elements are never read.
  // Through the prototypes (lib/safe-dom.ts): the text may sit in a form whose fields shadow closest, parentElement….
  if (!parent || closestOf(parent, MARK_TAG)) return undefined;
  for (let el: Element | null = parent; el; el = parentElementOf(el)) if (isSkipped(el)) return undefined;
  return { node, index };
}

/** The text nodes of `block` in order (glossary marks' text included), nested blocks as separators. */
function blockText(block: Element): { nodes: Text[]; starts: number[]; text: string } {
  const nodes: Text[] = [];
  const starts: number[] = [];
  let text = '';
  const walk = (parent: Node) => {
    for (let child = firstChildOf(parent); child; child = nextSiblingOf(child)) {
      if (child.nodeType === 3) {
        nodes.push(child as Text);
        starts.push(text.length);
        text += (child as Text).data;
      } else if (child.nodeType === 1) {
        const el = child as Element;
        if (localNameOf(el) !== MARK_TAG && isSkipped(el)) continue;
        if (isBlock(el)) text += SEPARATOR;
        else walk(el);
      }
    }
  };
  walk(block);
  return { nodes, starts, text };
}

/** The sentence around character `index` of `node`, read from its block. */
export function sentenceAt(node: Text, index: number): PageSentence {
  let block = node.parentElement;
  while (block && !isBlock(block)) block = parentElementOf(block);
  const { nodes, starts, text } = block ? blockText(block) : { nodes: [node], starts: [0], text: node.data };
  const at = starts[nodes.indexOf(node)]! + index;
  let from = at;
  while (from > 0 && at - from < REACH && !SENTENCE_END.test(text[from - 1]!)) from--;
  let to = at + 1;
  while (to < text.length && to - at < REACH && !SENTENCE_END.test(text[to]!)) to++;
  if (to < text.length && text[to] !== SEPARATOR && to - at < REACH) to++; // keep the closing punctuation
  const position = (offset: number): [Text, number] => {
    let i = starts.length - 1;
    while (i > 0 && starts[i]! > offset) i--;
    return [nodes[i]!, Math.min(offset - starts[i]!, nodes[i]!.data.length)];
  };
  return {
    text: text.slice(from, to),
    offset: at - from,
    range(start, end) {
      const range = node.ownerDocument.createRange();
      range.setStart(...position(from + start));
      // The end belongs to the node holding the word's last character, not the next node's start.
      const [endNode, endOffset] = position(from + end - 1);
      range.setEnd(endNode, endOffset + 1);
      return range;
    },
  };
}
