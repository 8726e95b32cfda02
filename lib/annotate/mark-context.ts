/**
 * What a card reads around its mark (issue 9): the occurrence's text as written on the page, and the
 * text that follows it, where a formula's items may be listed. Yidu's own text (pinyin's <rt>, inline
 * English) is never part of either.
 */
import { isBlock } from './blocks';
import { GLOSS_TAG, MARK_TAG, OCCURRENCE_ATTR, RUBY_ATTR, TERM_ATTR } from '../dom-names';
import { closestOf, parentElementOf } from '../safe-dom';

/** Yidu's own text in the page, never the page's: pinyin's <rt> and inline English. */
export const isAddedText = (node: Node): boolean => !!closestOf(node.parentElement, `rt[${RUBY_ATTR}], ${GLOSS_TAG}`);

function textOf(root: Node): string {
  let text = '';
  const walker = root.ownerDocument!.createTreeWalker(root, 4 /* NodeFilter.SHOW_TEXT */);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) if (!isAddedText(node)) text += (node as Text).data;
  return text;
}

/** The pieces of the occurrence `mark` belongs to, in document order. */
function piecesOf(mark: Element): Element[] {
  const selector = `${MARK_TAG}[${TERM_ATTR}="${CSS.escape(mark.getAttribute(TERM_ATTR) ?? '')}"][${OCCURRENCE_ATTR}="${CSS.escape(mark.getAttribute(OCCURRENCE_ATTR) ?? '')}"]`;
  const pieces = [...mark.ownerDocument.querySelectorAll(selector)];
  return pieces.length ? pieces : [mark];
}

/** The occurrence as written here (人大 for the entry 全国人民代表大会), its pieces joined. */
export function surfaceOf(mark: Element): string {
  return piecesOf(mark).map(textOf).join('').replace(/\s+/g, '');
}

function blockOf(node: Node): Element {
  let block = parentElementOf(node);
  while (block && !isBlock(block)) block = parentElementOf(block);
  return block ?? node.ownerDocument!.body;
}

/** The text after the occurrence: the rest of its block, then the next block's (a list may start a new paragraph). */
export function textAfter(mark: Element, limit = 400): string {
  const last = piecesOf(mark).at(-1)!;
  const block = blockOf(last);
  let text = '';
  const walker = mark.ownerDocument.createTreeWalker(block, 4 /* NodeFilter.SHOW_TEXT */);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    // Text nodes after the mark (4: FOLLOWING) and not inside it (16: CONTAINED_BY).
    const position = last.compareDocumentPosition(node);
    if (position & 4 && !(position & 16) && !isAddedText(node)) text += (node as Text).data;
  }
  let next = block.nextElementSibling;
  while (next && !next.textContent?.trim()) next = next.nextElementSibling;
  if (next) text += `\n${textOf(next)}`;
  return text.replace(/[ \t\r]+/g, '').slice(0, limit);
}
