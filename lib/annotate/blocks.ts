/**
 * Splits a DOM subtree into "runs": the text nodes of one block, in document order, so a term split
 * across inline elements (<a>八八</a>战略) is still found while a match never crosses a block boundary.
 */
import { hasHan } from '../han';
import { attributeOf, firstChildOf, localNameOf, namespaceOf, nextSiblingOf, parentElementOf, shadowRootOf } from '../safe-dom';

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
/** A block that can stand as high as several paragraphs with no text (an image): see RunPlace.blocks. */
const TALL = 3;
/** HTML local name (lower case, as the walker reads it) → how the walker treats it (tags not listed are inline). */
const TAG_KIND = new Map<string, number>([
  ...[...SKIPPED_TAGS].map((t) => [t.toLowerCase(), SKIP] as [string, number]),
  ...[...BLOCK_TAGS].map((t) => [t.toLowerCase(), BLOCK] as [string, number]),
  ['img', TALL],
]);
const HTML_NS = 'http://www.w3.org/1999/xhtml';

function kindOf(el: Element): number {
  // Outside HTML (SVG, MathML) nothing is annotated; HTML tag names are already upper-case.
  // Read through the prototypes (lib/safe-dom.ts): a form's fields can shadow tagName, hasAttribute….
  if (namespaceOf(el) !== HTML_NS) return SKIP;
  const kind = TAG_KIND.get(localNameOf(el)) ?? INLINE;
  if (kind === SKIP) return kind;
  const editable = attributeOf(el, 'contenteditable');
  return editable !== null && editable !== 'false' ? SKIP : kind;
}

/** Does the annotator leave this element (and everything inside it) alone? */
export function isSkipped(el: Element): boolean {
  return kindOf(el) === SKIP;
}

export function isBlock(el: Element): boolean {
  const kind = kindOf(el);
  return kind === BLOCK || kind === TALL;
}

export interface TextRun {
  nodes: Text[];
  /** nodes[i] starts at starts[i] in the run's joined text. */
  starts: number[];
  text: string;
  /** Where the walk found it; only runs a RunWalker made have one. */
  place?: RunPlace;
}

/**
 * Where a walk found a run, for telling how far apart two runs lie on the page without a layout read
 * (./deferred-wraps.ts): runs of one walk whose `blocks` and `chars` differ little are close together.
 */
export interface RunPlace {
  /** The walk (each RunWalker has its own). */
  walk: number;
  /**
   * Blocks ended before the run, each tall thing passed counting TALL_BLOCKS more: an image or a
   * skipped subtree (a video, a frame, a code listing) can stand as high as several paragraphs.
   */
  blocks: number;
  /** Characters of text before the run, runs without Han included. */
  chars: number;
}

const TALL_BLOCKS = 4;
let walks = 0;

/**
 * Does `run` lie after `first` in one walk, within `blocks` blocks and `chars` characters of the
 * walk from `first`'s start to its own end? Near enough on the page, told without a layout read.
 */
export function isWithin(first: TextRun, run: TextRun, blocks: number, chars: number): boolean {
  const [a, b] = [first.place, run.place];
  if (!a || !b || a.walk !== b.walk || b.chars < a.chars) return false;
  return b.blocks - a.blocks < blocks && b.chars + run.text.length - a.chars <= chars;
}

/** Is `node` inside an element the annotator leaves alone (checked upwards from its parent)? */
export function isInsideSkipped(node: Node): boolean {
  for (let el = parentElementOf(node); el; el = parentElementOf(el)) if (isSkipped(el)) return true;
  return false;
}

/** Is the run as it was collected: every node still in the page, with the same text? */
export const isIntact = (run: TextRun): boolean => run.nodes.every((n) => n.isConnected) && run.text === run.nodes.map((n) => n.data).join('');

const BLOCK_END = Symbol('block end');

/** Where the walk is among a node's children: the next one to visit. */
class Siblings {
  constructor(public next: ChildNode) {}
}
/**
 * A run longer than this ends at its next text node boundary, so one run's matching and wrapping stays
 * a few milliseconds even on a page that is one huge block (a term split exactly there is missed).
 */
const MAX_RUN_CHARS = 10_000;

export interface WalkOptions {
  /** Called for each open shadow root met (annotated as roots of their own: they need their own observer). */
  onShadowRoot?: (shadow: ShadowRoot) => void;
  /** Upper-case tags to read although they are skipped (the pinyin mode reads the text of Yidu's marks). */
  enter?: ReadonlySet<string>;
  /** Text nodes to leave out; each ends the run it would have joined (the annotator's own pieces). */
  skipText?: (node: Text) => boolean;
}

/**
 * The runs of text under `root`, skipping excluded subtrees and text already inside a Yidu mark.
 * Runs without any Han character are dropped: they cannot hold a glossary term, and most of a
 * page's whitespace-only nodes go with them. Iterative, so deeply nested pages cannot overflow the
 * stack, and resumable: `walk(deadline)` stops at a time and goes on from there on the next call, so
 * a 200,000-element page is read in slices that never block it.
 */
export class RunWalker {
  readonly runs: TextRun[] = [];
  /** Characters in `runs` so far. */
  chars = 0;
  private current: TextRun = { nodes: [], starts: [], text: '' };
  private readonly walkId = ++walks;
  /** Blocks (and tall things) passed, and characters of text read, for each run's place. */
  private blocks = 0;
  private textChars = 0;
  private readonly stack: (Node | typeof BLOCK_END | Siblings)[];

  constructor(
    root: Node,
    private readonly options: WalkOptions = {},
  ) {
    this.stack = isInsideSkipped(root) ? [] : [root];
  }

  get done(): boolean {
    return this.stack.length === 0;
  }

  /**
   * Walks until the end, or `deadline` (a performance.now() time), or until runs hold `untilChars`
   * characters (checked as each block ends); returns whether it reached the end.
   */
  walk(deadline = Infinity, untilChars = Infinity): boolean {
    const { stack } = this;
    const { onShadowRoot, enter, skipText } = this.options;
    let n = 0;
    while (stack.length) {
      // The clock is read every 256 nodes: reading it for each would cost more than the walk.
      if ((++n & 255) === 0 && performance.now() >= deadline) return false;
      let node = stack.pop()!;
      if (node instanceof Siblings) {
        // The next child of a node: its following sibling waits beneath this one's subtree.
        const child = node.next;
        const after = nextSiblingOf(child);
        if (after) {
          node.next = after;
          stack.push(node);
        }
        node = child;
      }
      if (node === BLOCK_END) {
        this.flush();
        this.blocks++;
        if (this.chars >= untilChars) return false;
        continue;
      }
      if (node.nodeType === 3) {
        const text = node as Text;
        if (skipText?.(text)) {
          this.flush();
          this.textChars += text.length;
          continue;
        }
        if (this.current.text.length >= MAX_RUN_CHARS) this.flush();
        const current = this.current;
        current.nodes.push(text);
        current.starts.push(current.text.length);
        current.text += text.data;
        continue;
      }
      if (node.nodeType === 1) {
        const el = node as Element;
        const kind = kindOf(el);
        if (kind === SKIP && !enter?.has(localNameOf(el).toUpperCase())) {
          this.blocks += TALL_BLOCKS;
          continue;
        }
        const shadow = onShadowRoot && shadowRootOf(el);
        if (shadow) onShadowRoot(shadow);
        if (kind === BLOCK || kind === TALL) {
          this.flush();
          if (kind === TALL) this.blocks += TALL_BLOCKS;
          stack.push(BLOCK_END);
        }
      } else if (node.nodeType !== 11 && node.nodeType !== 9) continue;
      // Children are taken one at a time (a cursor, not all pushed at once): a body of 20,000
      // paragraphs made pushing them one 40–60 ms step the deadline could not cut.
      const first = firstChildOf(node);
      if (first) stack.push(new Siblings(first));
    }
    this.flush();
    return true;
  }

  private flush(): void {
    const current = this.current;
    if (!current.nodes.length) return;
    if (hasHan(current.text)) {
      current.place = { walk: this.walkId, blocks: this.blocks, chars: this.textChars };
      this.runs.push(current);
      this.chars += current.text.length;
    }
    this.textChars += current.text.length;
    this.current = { nodes: [], starts: [], text: '' };
  }
}

/** Every run under `root` at once (see RunWalker). `enter`: upper-case tags to read although they are skipped. */
export function collectRuns(root: Node, onShadowRoot?: (shadow: ShadowRoot) => void, enter?: ReadonlySet<string>): TextRun[] {
  const walker = new RunWalker(root, { onShadowRoot, enter });
  walker.walk();
  return walker.runs;
}
