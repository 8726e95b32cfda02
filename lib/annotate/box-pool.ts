/**
 * The boxes of the mark overlay (./mark-overlay.ts): all one size, placed by `transform` and cut down
 * to their mark by `clip-path`, so a box changes without a layout. They are kept in the layer and used
 * again (hidden while free): only a new box lays the page out, a layout of the whole page (25–33 ms on
 * the bench's 200,000-element page), so the pool starts with a reserve and grows ahead.
 */

/** Every box's size. A mark's line wider or taller than this (no term is) shows cut to it. */
export const BOX_W = 1024;
export const BOX_H = 96;
const BOX_BASE = `position:absolute;left:0;top:0;box-sizing:border-box;width:${BOX_W}px;height:${BOX_H}px;`;
/** As marks.css's yidu-mark: a faint tint and a dotted underline; candidates dashed, no tint. */
const BOX_TERM = 'border-bottom:1.5px dotted rgba(160,105,0,.85);background:rgba(240,180,76,.12)';
const BOX_CANDIDATE = 'border-bottom:1.5px dashed rgba(90,110,140,.6)';

/** A box's whole style, for a term's mark or a candidate's. */
export const boxStyle = (candidate: boolean): string => `${BOX_BASE}${candidate ? BOX_CANDIDATE : BOX_TERM}`;

/**
 * When the pool must grow, it grows to this many times the boxes shown: the first screen's boxes are
 * about a third of the most shown at once while reading on (bench/long-pages.bench.ts's pages: 152–197
 * boxes first, 447–499 at most). Grown only by the boxes each change needed, reading that page added
 * boxes in 4–6 frames.
 */
const POOL_GROWTH = 3;
/**
 * Boxes a layer put in before the page's first frame holds from the start (fillReserve): laid out
 * with the page's first layout, they make the first screen's marks a repaint. Made with the first
 * marks instead, they were a layout of the whole page in the frame that showed them: the page's 16 ms
 * timer waited 46–67 ms there (that frame and the first screen's marking) on the 200,000-element page.
 * The bench's huge pages show 447–506 boxes at most.
 */
const RESERVE_BOXES = 640;

/** A box as any free one: hidden, the same size and border. */
function hiddenBox(doc: Document): HTMLElement {
  const box = doc.createElement('div');
  box.style.cssText = `${boxStyle(false)};visibility:hidden`;
  return box;
}

/** Fills a layer's shadow root up to RESERVE_BOXES free boxes. */
export function fillReserve(root: ShadowRoot): void {
  const missing = RESERVE_BOXES - root.childElementCount;
  if (missing > 0) root.append(...Array.from({ length: missing }, () => hiddenBox(root.ownerDocument)));
}

export class BoxPool {
  /** Boxes free for another mark (hidden, or to be hidden at the overlay's flush). */
  private readonly free: HTMLElement[] = [];
  /** Boxes made since the last `added`, not yet in the layer. */
  private readonly made = new Set<HTMLElement>();
  /** Every box of the pool, free or not. */
  private size = 0;

  constructor(private readonly doc: Document) {}

  /** Takes a layer's boxes (all hidden: a reserve) as free ones. */
  adopt(boxes: readonly HTMLElement[]): void {
    this.free.push(...boxes);
    this.size += boxes.length;
  }

  /** A free box, or a new one (which `added` then hands over for the layer). */
  take(): HTMLElement {
    return this.free.pop() ?? this.make();
  }

  /** A box that shows nothing any more (the overlay hides it at its flush). */
  give(box: HTMLElement): void {
    this.free.push(box);
  }

  /**
   * The boxes to put into the layer now: those made since the last call, and, when there are any, as
   * many more as bring the pool to POOL_GROWTH times the boxes shown (in the same layout).
   */
  added(): HTMLElement[] {
    if (!this.made.size) return [];
    const shown = this.size - this.free.length;
    while (this.size < shown * POOL_GROWTH) this.free.push(this.make());
    const boxes = [...this.made];
    this.made.clear();
    return boxes;
  }

  /** Forgets every box (the layer is emptied). */
  clear(): void {
    this.free.length = 0;
    this.made.clear();
    this.size = 0;
  }

  private make(): HTMLElement {
    const box = hiddenBox(this.doc);
    this.made.add(box);
    this.size++;
    return box;
  }
}
