/**
 * In what order a pass marks a page's runs: what is on screen first. Runs are in document order, so
 * at the top of a page the first ones are on screen (no layout read needed); elsewhere a binary search
 * over their positions finds the screen with a handful of layout reads.
 */
import type { TextRun } from './blocks';
import { rectOf } from '../safe-dom';

/** Characters of a page's first runs marked before the rest is read: a screen or two of text. */
export const FIRST_SCREEN_CHARS = 4_000;

/**
 * Whether `root` is the body of a page at its top. `unscrolled`: the page is known never to have
 * scrolled (lib/page-start.ts), so `scrollY` is not read: reading it forces a layout, and before the
 * page's first one that is all of it, in this task, ahead of the first marks.
 */
export function isBodyAtTop(root: Node, unscrolled?: boolean): boolean {
  const doc = root.ownerDocument;
  if (!doc || root !== doc.body) return false;
  return unscrolled === true || doc.defaultView?.scrollY === 0;
}

const elementTop = (run: TextRun) => {
  const parent = run.nodes[0]!.parentElement; // a text node's: safe; the element may be a form whose fields shadow its methods
  return parent ? rectOf(parent).top : 0;
};

/** A slice of the first screen's marks: the last run it marked, and when it ended. */
export interface FirstScreenSlice {
  last: TextRun | undefined;
  at: number;
}

/**
 * For `npm run bench` and DevTools: a `yidu:first-screen` measure ending when the screen was marked:
 * at the end of the first slice whose last run lies below the screen (`covered`), or, when none does,
 * when they were all marked (`covered: false`: the screen's marks came with the rest of the pass).
 * An IntersectionObserver reads the positions when the page lays out anyway: a layout read here would
 * force it into the pass.
 */
export function reportFirstScreen(slices: readonly FirstScreenSlice[], passStart: number): void {
  const ends = slices.flatMap(({ last, at }) => {
    const el = last?.nodes[0]?.parentElement;
    return el ? [{ el, at }] : [];
  });
  if (!ends.length || typeof IntersectionObserver === 'undefined') return;
  const seen = new IntersectionObserver((entries) => {
    seen.disconnect();
    const below = new Set(entries.filter((entry) => entry.boundingClientRect.top >= (entry.rootBounds?.height ?? window.innerHeight)).map((entry) => entry.target));
    const covering = ends.find(({ el }) => below.has(el));
    performance.measure?.('yidu:first-screen', { start: passStart, end: (covering ?? ends.at(-1)!).at, detail: { covered: !!covering, slices: ends.length } });
  });
  for (const { el } of ends) seen.observe(el);
}

/**
 * The first of `count` items in document order that `above` (a layout read) does not put above the
 * screen (or a margin over it): a binary search, so a handful of reads however long the page.
 */
function firstNotAbove(count: number, above: (index: number) => boolean): number {
  let lo = 0;
  let hi = count;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (above(mid)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Runs in or near the viewport first, then the rest in page order. Runs are in document order, so
 * a binary search finds the first one below the top of the screen with a handful of layout reads.
 */
export function nearestFirst(runs: TextRun[]): { ordered: TextRun[]; near: number; resume: number } {
  if (runs.length < 50 || typeof window === 'undefined') return { ordered: runs, near: runs.length, resume: runs.length };
  const height = window.innerHeight || 800;
  const lo = firstNotAbove(runs.length, (i) => elementTop(runs[i]!) < -height);
  let end = lo;
  while (end < runs.length && end - lo < 400 && elementTop(runs[end]!) < 2 * height) end++;
  // `resume`: where the runs below the screen start in `ordered`.
  return { ordered: [...runs.slice(lo, end), ...runs.slice(0, lo), ...runs.slice(end)], near: end - lo, resume: end };
}

/**
 * Yidu's wrappers (`selector`: marks, rubies) under `root` that are on screen, in document order, at
 * most `max`: switching off undoes these first, so what the reader is looking at is restored at once
 * and the rest of a long page follows out of sight. As in nearestFirst, a binary search over their
 * positions in document order finds the screen, all its layout reads before any write.
 * Where that order is not the order on screen (floats, columns, fixed boxes) fewer are found; the
 * others simply go with the rest.
 */
export function wrappersOnScreen(root: Node, selector: string, max = 2_000): Element[] {
  const height = typeof window === 'undefined' ? 0 : window.innerHeight;
  if (!height || !('querySelectorAll' in root)) return [];
  // A static list: indexing a live collection at random walks the tree again from its cached place.
  const all = (root as ParentNode).querySelectorAll(selector);
  const first = firstNotAbove(all.length, (i) => all[i]!.getBoundingClientRect().bottom <= 0);
  const found: Element[] = [];
  for (let i = first; i < all.length && found.length < max; i++) {
    if (all[i]!.getBoundingClientRect().top >= height) break;
    found.push(all[i]!);
  }
  return found;
}
