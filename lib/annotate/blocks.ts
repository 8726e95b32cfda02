/**
 * Splits a DOM subtree into "runs": the text nodes of one block, in document order, so a term split
 * across inline elements (<a>八八</a>战略) is still found while a match never crosses a block boundary.
 */
import { hasHan } from '../han';

/** Elements whose text is never read or changed. */
const SKIPPED_TAGS = new Set([
  'SCRIPT', 'STYLE', 'NOSCRIPT', 'TEXTAREA', 'INPUT', 'SELECT', 'OPTION', 'CODE', 'PRE', 'KBD', 'SAMP',
  'SVG', 'MATH', 'TEMPLATE', 'IFRAME', 'OBJECT', 'EMBED', 'CANVAS', 'VIDEO', 'AUDIO', 'HEAD', 'TITLE',
  'BUTTON', 'YIDU-MARK', 'YIDU-GLOSS', 'YIDU-CARD',
  // Ruby annotations (a page's own, or Yidu's pinyin) are readings, not the text.
  'RT', 'RP',
]);

/** Elements that end one run of text and start another. `br` is not one: lines of a block join. */
const BLOCK_TAGS = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'BODY', 'CAPTION', 'CENTER', 'DD', 'DETAILS', 'DIALOG', 'DIR',
  'DIV', 'DL', 'DT', 'FIELDSET', 'FIGCAPTION', 'FIGURE', 'FOOTER', 'FORM', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6',
  'HEADER', 'HGROUP', 'HR', 'HTML', 'LEGEND', 'LI', 'MAIN', 'MENU', 'NAV', 'OL', 'P', 'SECTION', 'SUMMARY',
  'TABLE', 'TBODY', 'TD', 'TFOOT', 'TH', 'THEAD', 'TR', 'UL', 'IMG',
]);

const INLINE = 0;
const BLOCK = 1;
const SKIP = 2;
/** Upper-case HTML tag → how the walker treats it (tags not listed are inline). */
const TAG_KIND = new Map<string, number>([
  ...[...SKIPPED_TAGS].map((t) => [t, SKIP] as [string, number]),
  ...[...BLOCK_TAGS].map((t) => [t, BLOCK] as [string, number]),
]);
const HTML_NS = 'http://www.w3.org/1999/xhtml';

function kindOf(el: Element): number {
  // Outside HTML (SVG, MathML) nothing is annotated; HTML tag names are already upper-case.
  if (el.namespaceURI !== HTML_NS) return SKIP;
  const kind = TAG_KIND.get(el.tagName) ?? TAG_KIND.get(el.tagName.toUpperCase()) ?? INLINE;
  if (kind !== SKIP && el.hasAttribute('contenteditable') && el.getAttribute('contenteditable') !== 'false') return SKIP;
  return kind;
}

/** Does the annotator leave this element (and everything inside it) alone? */
export function isSkipped(el: Element): boolean {
  return kindOf(el) === SKIP;
}

export function isBlock(el: Element): boolean {
  return kindOf(el) === BLOCK;
}

export interface TextRun {
  nodes: Text[];
  /** nodes[i] starts at starts[i] in the run's joined text. */
  starts: number[];
  text: string;
}

/** Is `node` inside an element the annotator leaves alone (checked upwards from its parent)? */
export function isInsideSkipped(node: Node): boolean {
  for (let el = node.parentElement; el; el = el.parentElement) if (isSkipped(el)) return true;
  return false;
}

const BLOCK_END = Symbol('block end');

/**
 * The runs of text under `root`, skipping excluded subtrees and text already inside a Yidu mark.
 * Runs without any Han character are dropped: they cannot hold a glossary term, and most of a
 * page's whitespace-only nodes go with them. `enter`: upper-case tags to read although they are skipped. Iterative, so deeply nested pages cannot overflow the stack.
 */
export function collectRuns(root: Node, onShadowRoot?: (shadow: ShadowRoot) => void, enter?: ReadonlySet<string>): TextRun[] {
  const runs: TextRun[] = [];
  let current: TextRun = { nodes: [], starts: [], text: '' };
  const flush = () => {
    if (current.nodes.length && hasHan(current.text)) runs.push(current);
    current = { nodes: [], starts: [], text: '' };
  };
  if (isInsideSkipped(root)) return runs;
  const stack: (Node | typeof BLOCK_END)[] = [root];
  while (stack.length) {
    const node = stack.pop()!;
    if (node === BLOCK_END) {
      flush();
      continue;
    }
    if (node.nodeType === 3) {
      const text = node as Text;
      current.nodes.push(text);
      current.starts.push(current.text.length);
      current.text += text.data;
      continue;
    }
    if (node.nodeType === 1) {
      const el = node as Element;
      const kind = kindOf(el);
      // `enter`: skipped tags a caller reads anyway (the pinyin mode reads the text of Yidu's marks).
      if (kind === SKIP && !enter?.has(el.tagName)) continue;
      // Open shadow roots are annotated as roots of their own (they need their own observer).
      if (onShadowRoot && el.shadowRoot) onShadowRoot(el.shadowRoot);
      if (kind === BLOCK) {
        flush();
        stack.push(BLOCK_END);
      }
    } else if (node.nodeType !== 11 && node.nodeType !== 9) continue;
    for (let child = node.lastChild; child; child = child.previousSibling) stack.push(child);
  }
  flush();
  return runs;
}
