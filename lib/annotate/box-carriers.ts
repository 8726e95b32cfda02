/**
 * Which text can carry the overlay's boxes (./mark-overlay.ts): text that moves with the document and
 * nothing else, under no element that paints over the layer. Runs under a fixed or sticky element, in a
 * scrolling box (or one whose hidden overflow holds more than it shows: a script may scroll it), in a
 * raised stacking context, animated, hidden, faded out or set vertically stay in the CSS highlights.
 * Boxes are clipped to the boxes with hidden overflow around their text (`clipsOf`). Each element's
 * answer is kept until the page changes (`forget`).
 */
import { localNameOf, parentElementOf } from '../safe-dom';

/**
 * Null when nothing under the element can carry boxes; else the elements whose hidden overflow clips
 * it, and whether its own text can (its visibility and writing mode, which are inherited).
 */
type Verdict = { clips: Element[]; text: boolean } | null;

const NO_CLIPS: Verdict = { clips: [], text: true };

export class BoxCarriers {
  private verdicts = new WeakMap<Element, Verdict>();

  constructor(private readonly doc: Document) {}

  /** The page changed: every element is asked again. */
  forget(): void {
    this.verdicts = new WeakMap();
  }

  /** Can the text of `nodes` carry boxes (it moves with the document and nothing paints over the layer)? */
  carries(nodes: readonly Text[]): boolean {
    let last: Element | null = null;
    for (const node of nodes) {
      const parent = node.parentElement;
      if (parent === last) continue;
      if (!parent || !this.verdict(parent)?.text) return false;
      last = parent;
    }
    return true;
  }

  /** The boxes with hidden overflow around `el`'s text, which clip its boxes. */
  clipsOf(el: Element): Element[] {
    return this.verdict(el)?.clips ?? [];
  }

  private verdict(el: Element): Verdict {
    const known = this.verdicts.get(el);
    if (known !== undefined) return known;
    const root = this.doc.documentElement;
    // Through the prototypes (lib/safe-dom.ts): a form's fields can shadow parentElement, localName….
    const parent = parentElementOf(el);
    const up = el === root ? NO_CLIPS : parent ? this.verdict(parent) : null;
    let verdict: Verdict = null;
    if (up) {
      // One computed style an element, read once for all it tells, and kept (as the verdict): each is
      // an object of the page's heap, and allocating them set off collection steps of 4–14 ms in a
      // run's show while reading the bench's 200,000-element page (a run there has four parents).
      const style = this.doc.defaultView!.getComputedStyle(el);
      const text = style.visibility === 'visible' && style.writingMode.startsWith('horizontal');
      const position = style.position;
      const raised = position !== 'static' && Number(style.zIndex) > 0; // 'auto' is NaN
      // A slide faded out (a carousel's other pictures and captions) keeps its place: boxes would show
      // over it. Animated text (a news ticker) moves without a layout: boxes would stay behind.
      const moving = localNameOf(el) === 'marquee' || (style.animationName !== '' && style.animationName !== 'none');
      if (position === 'fixed' || position === 'sticky' || raised || moving || style.opacity === '0') verdict = null;
      else if (el === root || el === this.doc.body) verdict = { clips: up.clips, text };
      else {
        // "visible", "hidden", "hidden auto"… (the longhands only where the shorthand is not computed: jsdom)
        const overflow = style.overflow || `${style.overflowX} ${style.overflowY}`;
        if (overflow.includes('auto') || overflow.includes('scroll')) verdict = null;
        else if (overflow.includes('hidden') || overflow.includes('clip')) {
          // Hidden overflow that holds more than it shows can be scrolled by the page's script (a ticker,
          // a carousel); one that does not (a float-clearing box) only clips.
          const overflowing = el.scrollHeight > el.clientHeight + 1 || el.scrollWidth > el.clientWidth + 1;
          verdict = overflowing ? null : { clips: [el, ...up.clips], text };
        } else verdict = { clips: up.clips, text };
      }
    }
    this.verdicts.set(el, verdict);
    return verdict;
  }
}
