/**
 * One marking pass of the annotator (./annotator.ts) over the runs its walkers find: in slices of a
 * few milliseconds, the first screen first. A body at the top of its page (just loaded, not scrolled)
 * has the runs on screen first in document order: they are marked as soon as the walk has
 * FIRST_SCREEN_CHARS of them, before it reads the rest of the page and without a layout read (which
 * would pull the page's first layout into this task). The rest is ordered nearest the viewport first,
 * wrapped now when near it, deferred (or drawn) otherwise. What marking means is the annotator's.
 */
import type { RunWalker, TextRun } from './blocks';
import { yieldBriefly, yieldToPage } from './slices';
import { FIRST_SCREEN_CHARS, nearestFirst, reportFirstScreen, type FirstScreenSlice } from './screen-order';

/** What a pass needs of its annotator. */
export interface PassHost {
  /** Matches a batch of runs; wraps their terms now or when they near the viewport. */
  markBatch(batch: TextRun[], wrapNow: boolean): void;
  /** Around a slice's writes: the annotator's observer must not take them for the page's. */
  pause(): void;
  resume(): void;
  /** Ends the chunk of deferred (or drawn) runs being filled: chunks never span a jump or a slice. */
  closeChunks(): void;
  /** The runs on screen are marked. */
  screenMarked(): void;
  /** The walk is done: runs are checked against the page's changes from now on. */
  walked(): void;
  stopped(): boolean;
  /**
   * Whether the first screen goes in slices of FIRST_SCREEN_SLICE_MS ahead of the page's tasks (to
   * beat its first layout), or in ordinary slices behind them. Behind on a huge page, whose marks are
   * drawn after its first frame: with nothing to beat there, the screen's slices ahead (21–45 ms) and
   * the frame showing their marks (50–65 ms) came back to back, and on the bench's 200,000-element
   * page the page's 16 ms timer waited 56–81 ms.
   */
  firstScreenAhead: boolean;
  /** For the pass's performance entry. */
  deferredRuns(): number;
  passDone(): void;
}

/**
 * Characters per matcher sweep: big enough to amortise the call, small enough to keep slices short
 * (a slice ends between batches; at 20,000 a batch's candidates and wrapping made slices of 50–86 ms).
 */
const BATCH_CHARS = 4_000;
/**
 * Runs per sweep, whatever their length: on the bench's 200,000-element page (rows of short texts)
 * 4,000 characters were about 600 runs, each counted, matched for candidates and deferred, and a
 * slice reached 74 ms.
 */
const BATCH_RUNS = 150;

/**
 * Characters per sweep for the first screen's runs, which are marked in slices ahead of the page's
 * tasks: on a portal page they are hundreds of short link texts, and one 4,000-character sweep with
 * its wrapping was a 47–54 ms task.
 */
const FIRST_SCREEN_BATCH_CHARS = 800;
/**
 * Runs per such sweep: a slice ends only between sweeps, and on the portal page 150 link texts made
 * one sweep long enough to take a 30 ms slice to 48 ms.
 */
const FIRST_SCREEN_BATCH_RUNS = 40;
/** A slice of the first screen's walk and marks (see markingPass()). */
const FIRST_SCREEN_SLICE_MS = 30;

function takeBatch(runs: TextRun[], from: number, limit: number, chars = BATCH_CHARS, maxRuns = BATCH_RUNS): TextRun[] {
  let size = 0;
  let to = from;
  while (to < limit && (to === from || (size + runs[to]!.text.length <= chars && to - from < maxRuns))) size += runs[to++]!.text.length;
  return runs.slice(from, to);
}


/**
 * Marks what `walkers` find, in slices of `sliceMs` (the first screen's of FIRST_SCREEN_SLICE_MS);
 * `fromTop`: a single body at the top of its page. Timed as `yidu:annotate` (one entry per pass,
 * yields included).
 */
export async function markingPass(walkers: RunWalker[], fromTop: boolean, sliceMs: number, host: PassHost): Promise<void> {
  const passStart = performance.now();
  let busy = 0; // time spent in our own slices, without the page's work between them
  let longest = 0; // the longest of them: what the page waits for at worst
  let early = 0;
  let earlyDoneAt = -1;
  const screenSliceMs = host.firstScreenAhead ? FIRST_SCREEN_SLICE_MS : sliceMs;
  const yieldInScreen = host.firstScreenAhead ? yieldBriefly : yieldToPage;
  for (const walker of walkers) {
    for (;;) {
      let sliceStart = performance.now();
      const firstScreen = fromTop && earlyDoneAt < 0;
      const done = walker.walk(sliceStart + sliceMs, firstScreen ? FIRST_SCREEN_CHARS : Infinity);
      if (firstScreen && (done || walker.chars >= FIRST_SCREEN_CHARS)) {
        early = walker.runs.length;
        // Marked in slices too, ahead of the page's tasks, the first going on from the walk's. Longer
        // slices than the rest of the pass, still under the 50 ms long-task line: a yield here lets
        // the page's first layout (100–300 ms on a long page) come in ahead of the rest of the
        // screen's marks. The bench's article page (a few long runs) takes one, its portal page
        // (hundreds of short link texts, 47–54 ms of work) two.
        const slices: FirstScreenSlice[] = [];
        for (let next = 0, markStart = sliceStart; ; ) {
          host.pause();
          while (next < early && performance.now() - markStart < screenSliceMs) {
            const batch = takeBatch(walker.runs, next, early, FIRST_SCREEN_BATCH_CHARS, FIRST_SCREEN_BATCH_RUNS);
            next += batch.length;
            host.markBatch(batch, true);
          }
          host.closeChunks();
          host.resume();
          if (next > 0) slices.push({ last: walker.runs[next - 1], at: performance.now() });
          if (next >= early) break;
          busy += performance.now() - markStart;
          longest = Math.max(longest, performance.now() - markStart);
          await yieldInScreen();
          if (host.stopped()) return;
          markStart = performance.now();
          sliceStart = markStart; // the slice the accounting below closes
        }
        earlyDoneAt = performance.now() - passStart;
        reportFirstScreen(slices, passStart);
        host.screenMarked();
      }
      busy += performance.now() - sliceStart;
      longest = Math.max(longest, performance.now() - sliceStart);
      if (done) break;
      // Until the first screen is marked (a few thousand characters), slices continue ahead of the page's tasks.
      await (fromTop && earlyDoneAt < 0 ? yieldInScreen() : yieldToPage());
      if (host.stopped()) return;
    }
  }
  const runs = walkers.flatMap((walker) => walker.runs).slice(early);
  host.walked();
  const { ordered, near, resume } = nearestFirst(runs);
  let nearDoneAt = near === 0 ? 0 : -1;
  if (near === 0) host.screenMarked();
  let busyAtNear = 0;
  for (let next = 0; next < ordered.length && !host.stopped(); ) {
    const sliceStart = performance.now();
    host.pause();
    while (next < ordered.length && performance.now() - sliceStart < sliceMs) {
      const wrapNow = next < near;
      // Deferred chunks never span the jump from the runs above the screen to those below it.
      const batch = takeBatch(ordered, next, wrapNow ? near : next < resume ? resume : ordered.length);
      next += batch.length;
      host.markBatch(batch, wrapNow);
      if (next === resume) host.closeChunks();
    }
    host.closeChunks();
    host.resume();
    busy += performance.now() - sliceStart;
    longest = Math.max(longest, performance.now() - sliceStart);
    if (nearDoneAt < 0 && next >= near) {
      nearDoneAt = performance.now() - passStart;
      busyAtNear = busy;
      host.screenMarked();
    }
    if (next < ordered.length) await yieldToPage();
  }
  // A user-timing entry (visible in DevTools and to the benchmark): one per pass, yields included.
  const deferredRuns = host.deferredRuns();
  const detail = { busy, longest, runs: runs.length + early, early, nearDoneAt, busyAtNear, deferredRuns };
  performance.measure?.('yidu:annotate', { start: passStart, end: performance.now(), detail });
  host.passDone();
}
