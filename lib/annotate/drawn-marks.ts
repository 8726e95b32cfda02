/**
 * Marks drawn over the page's text instead of wrapped in elements, for huge pages: as boxes in Yidu's
 * own layer (./mark-overlay.ts) where the text moves with the document, else (under fixed or sticky
 * elements, in scrolling boxes…) with the CSS Custom Highlight API. On the bench's 200,000-element
 * page, wrapping a single word in a span makes the page's next frame 66–158 ms (style and layout of
 * the whole page), and switching off thousands of wrapped marks took 10–14 s of such frames. Drawn,
 * the page's DOM is not touched until the reader reaches for a term, and switching off is dropping the
 * layer and the ranges. No change is free there (a layout of the layer; with highlights, the whole
 * page's paint), so changes are few: the first screen, then at most one per CHANGE_GAP_MS as the
 * reader scrolls.
 *
 * A drawn run is one matched run (a DeferredRun, as the annotator keeps it) with, while it is shown in
 * the highlights, one StaticRange per term. When the reader points at, clicks or steps to a drawn term, its run is wrapped in real marks
 * (the annotator's materialize*): cards and focus work on elements, as everywhere else; a card's
 * "occurrence k of N" counts drawn occurrences where they are and wraps only the one it goes to. StaticRange, not Range: a live range is updated by the browser on every change of its nodes,
 * and the annotator takes a run back (take) as soon as the page writes to one of them.
 * Only the runs near the viewport are shown: with every run of the bench's 2,000,000-character page
 * in the highlights (84,000 ranges), the browser's work on each change grew with all of them
 * (0.5–1.8 s), and reading to the end had an 11 s task. Runs are drawn in groups; a group is taken
 * off when both its ends are far from view, and comes back as either nears it again.
 */
import { CANDIDATE_HIGHLIGHT, TERM_HIGHLIGHT } from '../dom-names';
import type { DeferredRun } from './deferred-wraps';
import { isWithin, type TextRun } from './blocks';
import type { MarkSpan } from './wrap';
import { charAt } from '../lookup/text-at-point';
import { MarkOverlay } from './mark-overlay';
import { rectOf } from '../safe-dom';
import { boundsOf } from './run-positions';

/** The highlight API is there (Chromium 105+, Firefox 140+). */
export function canDrawMarks(win: Window | null | undefined): win is Window & typeof globalThis {
  const w = win as (Window & typeof globalThis) | null | undefined;
  return !!w && typeof w.Highlight === 'function' && !!w.CSS && 'highlights' in w.CSS;
}

interface Drawn {
  job: DeferredRun;
  /**
   * One range a term while the run is shown in the highlights: a page's runs far from view need none,
   * and every range is an object of the page's own heap, which its garbage collector walks with the
   * page's DOM (on the 200,000-element page, in steps of 50–100 ms). Boxes need none: the overlay is
   * given each term's bounds as a plain object. Made for boxes too, they set off collections of up to
   * 88 ms while reading that page.
   */
  ranges: StaticRange[] | undefined;
  group: Group;
  /** Shown as boxes in the overlay (else, when shown, in the highlights). */
  boxed: boolean;
}

/** Runs drawn together; in the highlights while either end element is near the viewport. */
interface Group {
  drawn: Set<Drawn>;
  ends: Element[];
  near: Set<Element>;
  shown: boolean;
  chars: number;
  /** Where its first run's element was (viewport y) when the group began; its chars, and its run, at the last look. */
  top: number;
  lookedAt: number;
  lookedRun: TextRun;
  /** Runs still to show or hide since `shown` last changed (a change cut off by its slice's end). */
  todo?: Set<Drawn>;
}

/**
 * Few groups, so few observed ends: every change of the layer makes the browser compute every
 * observation again in its next frame. Reading the bench's 2,000,000-character page to the end
 * (3 loads each): groups of 1,000 characters (about 2,500 ends) 2–10 tasks over 50 ms, of 4,000
 * (about 650) 0–2; a probe without Yidu, with the same churn of boxes: 2,500 observed paragraphs
 * 0–10 long tasks, 625 0–1, none 0.
 */
const GROUP_CHARS = 4_000;
const GROUP_RUNS = 64;
/**
 * A group in view must have an end near it: it is ended once its runs reach TALL_SCREENS screens
 * below (or above) its first, looked at every LOOK_CHARS characters of its runs, or sooner when a run
 * lies over LOOK_BLOCKS blocks or LOOK_CHARS characters of the walk past the last look (the runs with
 * nothing to draw between them count: looked at only every 1,000 characters of its own, a group of the
 * 54,000-element test page, a term every tenth row, reached over 400 rows, and rows in its middle had
 * no marks). The margin is 1.5 screens above and below, so the span between its ends stays under the
 * 4 screens that guarantee it, even in a narrow window where 1,000 characters are 1,200 px tall.
 */
const TALL_SCREENS = 2;
const LOOK_CHARS = 1_000;
const LOOK_BLOCKS = 32;
const NEAR_MARGIN = '150% 0px';
/**
 * At most one change of the highlights per this many ms while the page scrolls: on the bench's huge
 * pages each change, however small, costs a frame of 80–140 ms (the browser repaints the whole page),
 * and groups cross the margin in almost every frame of a scroll. Runs are drawn 1.5 screens ahead, so
 * a reader scrolling under six screens a second never sees one missing.
 */
const CHANGE_GAP_MS = 250;
/**
 * Showing groups is measuring their text, Yidu's own work: 43–132 ms a change in one task on the
 * 200,000-element page. It is done in slices of this many ms, the layer held until the last.
 */
const CHANGE_SLICE_MS = 12;

/** A character of the page's text: a text node and the character's index in it. */
export interface TextPoint {
  node: Text;
  index: number;
}

export class DrawnMarks {
  private readonly terms: Highlight;
  private readonly candidates: Highlight;
  /** Where runs are drawn whose text moves with the document (most): no whole-page repaint a change. */
  private readonly overlay: MarkOverlay;
  /** Every text node of a drawn run → that run. */
  private readonly byNode = new Map<Text, Drawn>();
  private readonly all = new Set<Drawn>();
  private readonly groupsByEnd = new Map<Element, Set<Group>>();
  private nearness: IntersectionObserver | undefined;
  private open: Group | undefined;
  /** Groups whose nearness changed, applied together (CHANGE_GAP_MS). */
  private readonly changed = new Set<Group>();
  private changeTimer: ReturnType<typeof setTimeout> | undefined;
  private lastChange = -Infinity;

  constructor(private readonly win: Window & typeof globalThis) {
    this.terms = new win.Highlight();
    this.candidates = new win.Highlight();
    win.CSS.highlights.set(TERM_HIGHLIGHT, this.terms);
    win.CSS.highlights.set(CANDIDATE_HIGHLIGHT, this.candidates);
    this.overlay = new MarkOverlay(win.document);
  }

  get size(): number {
    return this.all.size;
  }

  /** Is this text node part of a drawn run? (The walker leaves such nodes out, as it does wrapped ones.) */
  has(node: Text): boolean {
    return this.byNode.has(node);
  }

  /**
   * Adds a matched run, drawn at once when `near` (the first screen), else when its group nears the
   * viewport. Consecutive runs make a group, ended by close(), when full or when tall (GROUP_CHARS, TALL_SCREENS).
   */
  add(job: DeferredRun, near: boolean): void {
    const group = (this.open ??= { drawn: new Set(), ends: [], near: new Set(), shown: false, chars: 0, top: this.topOf(job), lookedAt: 0, lookedRun: job.run });
    const drawn: Drawn = { job, ranges: undefined, group, boxed: false };
    group.drawn.add(drawn);
    group.chars += job.run.text.length;
    let tall = false;
    if (group.chars - group.lookedAt >= LOOK_CHARS || !isWithin(group.lookedRun, job.run, LOOK_BLOCKS, LOOK_CHARS)) {
      group.lookedAt = group.chars;
      group.lookedRun = job.run;
      tall = Math.abs(this.topOf(job) - group.top) >= TALL_SCREENS * (this.win.innerHeight || 800);
    }
    this.all.add(drawn);
    for (const node of job.run.nodes) this.byNode.set(node, drawn);
    if (near) {
      group.shown = true;
      this.show(drawn);
    } else if (group.shown) this.show(drawn);
    if (tall || group.chars >= GROUP_CHARS || group.drawn.size >= GROUP_RUNS) this.close();
  }

  /** Where a run's element is now: read while the pass runs, when the page's layout is clean (a drawn run changes no DOM). */
  private topOf(job: DeferredRun): number {
    const parent = job.run.nodes[0]!.parentElement;
    return parent ? rectOf(parent).top : 0;
  }

  /** Ends the group being filled: from now on it is drawn while either of its ends is near the viewport. */
  close(): void {
    const group = this.open;
    if (!group) return;
    this.open = undefined;
    if (!group.drawn.size) return; // all taken back before it closed
    const runs = [...group.drawn].map((d) => d.job.run);
    group.ends = [...new Set([runs[0]!, runs.at(-1)!].map((run) => run.nodes[0]!.parentElement).filter((e) => e !== null))];
    this.nearness ??= new this.win.IntersectionObserver((entries) => this.onNearness(entries), { rootMargin: NEAR_MARGIN });
    for (const end of group.ends) {
      const groups = this.groupsByEnd.get(end) ?? new Set();
      if (!groups.size) this.nearness.observe(end);
      else if ([...groups].some((g) => g.near.has(end))) group.near.add(end); // no new report comes for an observed element
      this.groupsByEnd.set(end, groups.add(group));
    }
    if (group.near.size && !group.shown) this.setShown(group, true);
  }

  private show(drawn: Drawn): void {
    const { spans, run } = drawn.job;
    if (this.overlay.carries(run.nodes)) {
      drawn.boxed = true;
      this.overlay.place(drawn, spans.map((span) => ({ range: boundsOf(drawn.job, span), id: span.id, candidate: !!span.kind })));
    } else {
      const ranges = (drawn.ranges ??= spans.map((span) => new this.win.StaticRange(boundsOf(drawn.job, span))));
      spans.forEach((span, i) => (span.kind ? this.candidates : this.terms).add(ranges[i]!));
    }
  }

  private hide(drawn: Drawn): void {
    if (drawn.boxed) {
      this.overlay.remove(drawn);
      drawn.boxed = false;
    } else for (const range of drawn.ranges ?? []) if (!this.terms.delete(range)) this.candidates.delete(range);
    drawn.ranges = undefined;
  }

  /** The page changed: drawn boxes whose text moved are placed anew (next frame). */
  pageChanged(): void {
    this.overlay.pageChanged();
  }

  private onNearness(entries: IntersectionObserverEntry[]): void {
    for (const entry of entries) {
      for (const group of this.groupsByEnd.get(entry.target) ?? []) {
        if (entry.isIntersecting) group.near.add(entry.target);
        else group.near.delete(entry.target);
        this.changed.add(group);
      }
    }
    if (this.changeTimer !== undefined || !this.changed.size) return;
    const wait = Math.max(0, this.lastChange + CHANGE_GAP_MS - performance.now());
    this.changeTimer = setTimeout(() => this.applyChanges(), wait);
  }

  /** Shows and hides the groups whose nearness changed, in slices; their boxes go in together after the last. */
  private applyChanges(): void {
    this.changeTimer = undefined;
    const started = (this.lastChange = performance.now());
    this.overlay.hold(true);
    for (const group of this.changed) {
      if (this.setShown(group, group.near.size > 0, started + CHANGE_SLICE_MS)) this.changed.delete(group);
      if (this.changed.size && performance.now() - started > CHANGE_SLICE_MS) {
        this.changeTimer = setTimeout(() => this.applyChanges(), 0);
        return;
      }
    }
    this.overlay.hold(false);
  }

  /** Shows or hides a group's runs until `deadline` (performance.now()); false when some are left for another call. */
  private setShown(group: Group, shown: boolean, deadline = Infinity): boolean {
    if (shown !== group.shown) {
      group.shown = shown;
      group.todo = new Set(group.drawn);
    }
    const todo = group.todo;
    if (!todo) return true;
    for (const drawn of todo) {
      todo.delete(drawn);
      if (shown) this.show(drawn);
      else this.hide(drawn);
      if (todo.size && performance.now() > deadline) return false;
    }
    group.todo = undefined;
    return true;
  }

  /** The drawn run with a term over the character `point`, and that term's span; undefined when no drawn term is there. */
  at(point: TextPoint): { job: DeferredRun; span: MarkSpan } | undefined {
    const drawn = this.byNode.get(point.node);
    if (!drawn) return undefined;
    const at = drawn.job.run.starts[drawn.job.run.nodes.indexOf(point.node)]! + point.index;
    const span = drawn.job.spans.find((s) => s.start <= at && at < s.end);
    return span && { job: drawn.job, span };
  }

  /** The drawn term under viewport point (x, y) of `doc`, with its run. */
  hitAt(doc: Document, x: number, y: number): { job: DeferredRun; span: MarkSpan } | undefined {
    const char = charAt(doc, x, y);
    return char && this.at(char);
  }

  /** The drawn runs with an occurrence of entry `id`. */
  jobsOf(id: string): DeferredRun[] {
    return this.jobsWhere((job) => job.spans.some((s) => s.id === id));
  }

  jobsWhere(test: (job: DeferredRun) => boolean): DeferredRun[] {
    return [...this.all].filter((d) => test(d.job)).map((d) => d.job);
  }

  /** Whether drawn run `job` is shown now (its group near the viewport). */
  isShown(job: DeferredRun): boolean {
    return this.byNode.get(job.run.nodes[0]!)?.group.shown ?? false;
  }

  /** The drawn run `node` belongs to, if any. */
  jobOf(node: Text): DeferredRun | undefined {
    return this.byNode.get(node)?.job;
  }

  /** Drawn runs with a node the page took out of the document. */
  detachedJobs(): DeferredRun[] {
    return this.jobsWhere((job) => job.run.nodes.some((n) => !n.isConnected));
  }

  /** Stops drawing these runs (they are about to be wrapped, or the page changed their text). */
  take(jobs: Iterable<DeferredRun>): void {
    for (const job of jobs) {
      const drawn = this.byNode.get(job.run.nodes[0]!);
      if (!drawn || drawn.job !== job) continue;
      this.hide(drawn);
      for (const node of job.run.nodes) this.byNode.delete(node);
      this.all.delete(drawn);
      const { group } = drawn;
      group.drawn.delete(drawn);
      group.todo?.delete(drawn);
      if (group.drawn.size) continue;
      for (const end of group.ends) {
        const groups = this.groupsByEnd.get(end);
        groups?.delete(group);
        if (groups?.size === 0) {
          this.groupsByEnd.delete(end);
          this.nearness?.unobserve(end);
        }
      }
    }
  }

  /** Drops every drawn mark at once: the layer and the ranges; the page's own DOM was never changed. */
  clear(): void {
    this.overlay.clear();
    this.terms.clear();
    this.candidates.clear();
    if (this.win.CSS.highlights.get(TERM_HIGHLIGHT) === this.terms) this.win.CSS.highlights.delete(TERM_HIGHLIGHT);
    if (this.win.CSS.highlights.get(CANDIDATE_HIGHLIGHT) === this.candidates) this.win.CSS.highlights.delete(CANDIDATE_HIGHLIGHT);
    this.byNode.clear();
    this.all.clear();
    this.nearness?.disconnect();
    this.nearness = undefined;
    this.groupsByEnd.clear();
    this.open = undefined;
    clearTimeout(this.changeTimer);
    this.changeTimer = undefined;
    this.changed.clear();
  }
}
