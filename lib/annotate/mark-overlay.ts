/**
 * Drawn marks as boxes in a layer of their own over the page, for huge pages (./drawn-marks.ts).
 * Any change of the CSS highlights makes the browser update the whole page's paint (on the bench's
 * 200,000-element page 75–95 ms of "compositing inputs" a change, however small). Boxes in one host on
 * <html>, absolutely placed, sized to nothing and contained, cost a paint of the layer.
 * Reading that page to the end (400 steps, three loads each, bench/long-pages.bench.ts's page):
 * highlights 18–32 tasks over 50 ms (longest 108–169 ms); boxes 2–7 (82–104 ms); Yidu drawing
 * nothing 0–5 (0–96 ms: the page's own paint while scrolling). A canvas band in the same layer
 * (no layout at all) measured the same as boxes in headless Chromium (1–8 tasks, its bitmap copied on
 * each change) and holds up to 32 MB, so boxes it is.
 *
 * The boxes sit where the text was when they were placed, so they are only used where the text moves
 * with the document and nothing else (./box-carriers.ts says where); other runs stay in the highlights.
 * Boxes are clipped to the boxes with hidden overflow around their text.
 * Layout can still move text under them (images loading, fonts, the page's own changes, a resize):
 * `recheck` measures each placed run's first box again and places the ones that moved anew; it runs on
 * resizes, font and image loads, the page's changes and once a second while boxes are shown.
 * No library does this; the shadow root keeps page styles off the boxes, and every style is set through
 * CSSOM (never a style attribute or <style>).
 *
 * A box put in or taken out, or sized, is a layout of the whole document (the host is no relayout
 * root: Chromium lays out from the top whatever the containment), and after a scroll that layout first
 * picks a scroll anchor, walking the page's elements down to the viewport. On the bench's
 * 200,000-element page, 250 boxes changed: 3.5–4 ms at the top, 10–13 ms 100,000 px down, 4 ms there
 * with `overflow-anchor: none` on <html> (the page's own setting, so not Yidu's to change; set only
 * around the layer's own change, it saved nothing). Reading that page, such frames were 29–42 ms of
 * layout each. So boxes are all one size, kept and used again (./box-pool.ts): a change is a repaint.
 */
import { KIND_ATTR, TERM_ATTR } from '../dom-names';
import { rectOf } from '../safe-dom';
import { BoxCarriers } from './box-carriers';
import { BOX_H, BOX_W, BoxPool, boxStyle } from './box-pool';
import { parkLayer, takeLayer } from './mark-layer';

export interface OverlayMark {
  /** Where the term's text starts and ends (a plain object: see Drawn.ranges in ./drawn-marks.ts). */
  range: StaticRangeInit;
  id: string;
  candidate: boolean;
}

interface Placed {
  marks: OverlayMark[];
  boxes: HTMLElement[];
  /** The first box's place relative to the host when placed: compared by recheck. */
  anchor: { x: number; y: number } | undefined;
}

interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
}

const RECHECK_EVERY_MS = 1000;
export class MarkOverlay {
  private host: HTMLElement | undefined;
  private root: ShadowRoot | undefined;
  private readonly placed = new Map<object, Placed>();
  private readonly carriers: BoxCarriers;
  /** One live range, moved to each mark to measure it: every live range is updated on each DOM change. */
  private readonly probe: Range;
  private timer: ReturnType<typeof setInterval> | undefined;
  private pending = false;
  private readonly watchers: (() => void)[] = [];
  private readonly pool: BoxPool;
  /** What each box changed in this task shows at the flush: a mark, or nothing (null: hidden). */
  private readonly changes = new Map<HTMLElement, { id: string; candidate: boolean; transform: string; clip: string } | null>();
  private flushing = false;
  /** Set while a change measured over several tasks is under way (`hold`). */
  private held = false;
  /** Where the layer is, read once a task (flush forgets it). */
  private origin: DOMRect | undefined;

  constructor(private readonly doc: Document) {
    this.probe = doc.createRange();
    this.carriers = new BoxCarriers(doc);
    this.pool = new BoxPool(doc);
  }

  /** Can the text of `nodes` carry boxes (./box-carriers.ts)? */
  carries(nodes: readonly Text[]): boolean {
    return this.carriers.carries(nodes);
  }

  /**
   * Draws `marks` under `key` (a run), replacing what was drawn under it. The text is measured now and
   * the layer changed at the end of the task (`flushSoon`): a measure after a change of the layer would
   * lay out the page again, 5–25 ms each on the bench's huge pages, once per run shown.
   */
  place(key: object, marks: OverlayMark[]): void {
    this.remove(key);
    const origin = (this.origin ??= this.layerHost().getBoundingClientRect());
    const boxes: HTMLElement[] = [];
    let anchor: Placed['anchor'];
    for (const mark of marks) {
      for (const rect of this.rectsOf(mark.range)) {
        const box = this.pool.take();
        const [x, y] = [rect.left - origin.left, rect.top - origin.top];
        const [w, h] = [Math.min(rect.width, BOX_W), Math.min(rect.height, BOX_H)];
        // The box's bottom left corner on the mark's, and all but the mark's width and height cut away.
        const transform = `translate(${x}px,${y + h - BOX_H}px)`;
        const clip = `inset(${BOX_H - h}px ${BOX_W - w}px 0 0)`;
        this.changes.set(box, { id: mark.id, candidate: mark.candidate, transform, clip });
        anchor ??= { x, y };
        boxes.push(box);
      }
    }
    this.placed.set(key, { marks, boxes, anchor });
    this.flushSoon();
    this.watch();
  }

  remove(key: object): void {
    const placed = this.placed.get(key);
    if (!placed) return;
    for (const box of placed.boxes) {
      this.changes.set(box, null);
      this.pool.give(box);
    }
    this.placed.delete(key);
    this.flushSoon();
  }

  /**
   * Holds the layer's changes back until released, then applies them at once: a change measured over
   * several tasks goes into one frame (on the bench's 200,000-element page, a frame with any change of
   * the layer repaints it and checks every observed element again).
   */
  hold(held: boolean): void {
    this.held = held;
    if (!held) this.flushSoon();
  }

  /** Applies the layer's changes of this task together (unless held), and forgets where the layer was. */
  flush(): void {
    this.flushing = false;
    this.origin = undefined;
    if (this.held) return;
    for (const [box, mark] of this.changes) {
      if (mark) {
        box.setAttribute(TERM_ATTR, mark.id);
        if (mark.candidate) box.setAttribute(KIND_ATTR, 'candidate');
        else box.removeAttribute(KIND_ATTR);
        // Three declarations set, not the whole style parsed again: hundreds of boxes change at once.
        if ((box.style.borderBottomStyle === 'dashed') !== mark.candidate) box.style.cssText = boxStyle(mark.candidate);
        box.style.transform = mark.transform;
        box.style.clipPath = mark.clip;
        box.style.visibility = '';
      } else {
        box.removeAttribute(TERM_ATTR);
        box.removeAttribute(KIND_ATTR);
        box.style.visibility = 'hidden';
      }
    }
    this.changes.clear();
    const added = this.pool.added();
    if (added.length) this.root?.append(...added);
  }

  private flushSoon(): void {
    if (this.flushing) return;
    this.flushing = true;
    queueMicrotask(() => this.flush());
  }

  /** The page changed (its DOM, its size): what carries boxes is asked again, and moved boxes follow. */
  pageChanged(): void {
    this.carriers.forget();
    this.recheck(true);
  }

  /**
   * Places anew every run whose text moved since it was placed. Cheap while the page's layout is
   * clean: one measure a run shown. `soon` waits for the next frame (many triggers, one recheck).
   */
  recheck(soon = false): void {
    if (soon) {
      if (this.pending || !this.placed.size) return;
      this.pending = true;
      const run = () => {
        this.pending = false;
        this.recheck();
      };
      const win = this.doc.defaultView;
      if (win?.requestAnimationFrame) win.requestAnimationFrame(run);
      else setTimeout(run, 16);
      return;
    }
    if (!this.host || !this.placed.size) return;
    const origin = (this.origin ??= this.layerHost().getBoundingClientRect());
    this.flushSoon(); // which forgets the origin at the end of the task, moved or not
    for (const [key, placed] of [...this.placed]) {
      const first = placed.marks[0] && this.rectsOf(placed.marks[0].range)[0];
      const now = first && { x: first.left - origin.left, y: first.top - origin.top };
      const moved = !now !== !placed.anchor || (now && placed.anchor && (Math.abs(now.x - placed.anchor.x) > 0.5 || Math.abs(now.y - placed.anchor.y) > 0.5));
      if (moved) this.place(key, placed.marks);
    }
  }

  /** Takes every box out of the page; the emptied layer stays there, parked (./mark-layer.ts). */
  clear(): void {
    this.held = false;
    this.placed.clear();
    this.changes.clear();
    this.pool.clear();
    if (this.host && this.root) {
      parkLayer(this.doc, { host: this.host, root: this.root });
    }
    this.host = this.root = undefined;
    clearInterval(this.timer);
    this.timer = undefined;
    for (const unwatch of this.watchers.splice(0)) unwatch();
  }

  private layerHost(): HTMLElement {
    if (this.host) {
      // A page that rebuilds its <html> children takes the layer with them: it goes back, boxes and all.
      if (!this.host.isConnected) this.doc.documentElement.append(this.host);
      return this.host;
    }
    const layer = takeLayer(this.doc);
    ({ host: this.host, root: this.root } = layer);
    // A prepared layer's reserve (all of its children: the shadow root is Yidu's) is the pool's start.
    this.pool.adopt([...layer.root.children] as HTMLElement[]);
    return layer.host;
  }

  private watch(): void {
    if (this.timer !== undefined) return;
    const win = this.doc.defaultView;
    if (!win) return;
    this.timer = setInterval(() => {
      if (this.doc.visibilityState === 'visible') this.recheck();
    }, RECHECK_EVERY_MS);
    const soon = () => this.recheck(true);
    const changed = () => this.pageChanged();
    const resize = win.ResizeObserver && new win.ResizeObserver(changed);
    resize?.observe(this.doc.documentElement);
    win.addEventListener('resize', changed);
    this.doc.addEventListener('load', soon, true); // images and frames, each changing the layout below them
    this.doc.fonts?.addEventListener?.('loadingdone', soon);
    this.watchers.push(() => {
      resize?.disconnect();
      win.removeEventListener('resize', changed);
      this.doc.removeEventListener('load', soon, true);
      this.doc.fonts?.removeEventListener?.('loadingdone', soon);
    });
  }

  /** The rectangles of a mark's text, clipped to the boxes around it that hide their overflow. */
  private rectsOf(range: StaticRangeInit): Box[] {
    try {
      this.probe.setStart(range.startContainer, range.startOffset);
      this.probe.setEnd(range.endContainer, range.endOffset);
    } catch {
      return []; // the page shortened the text since: the run is being taken back
    }
    const parent = range.startContainer.parentElement;
    const clips = parent ? this.carriers.clipsOf(parent) : [];
    const rects: Box[] = [];
    for (const rect of this.probe.getClientRects()) {
      let { left, top, right, bottom } = rect;
      for (const clip of clips) {
        const c = rectOf(clip);
        left = Math.max(left, c.left);
        top = Math.max(top, c.top);
        right = Math.min(right, c.right);
        bottom = Math.min(bottom, c.bottom);
      }
      if (right - left > 0.5 && bottom - top > 0.5) rects.push({ left, top, width: right - left, height: bottom - top });
    }
    return rects;
  }
}
