/**
 * Where a matched run's terms go, once the annotator (./annotator.ts) has found the run: counted at
 * once, then wrapped into marks now, deferred until the run nears the viewport (./deferred-wraps.ts),
 * or drawn over the text on a huge page (./drawn-marks.ts). Also matches again the runs whose matching
 * waited for the background's answer (`recheck`), and wraps deferred or drawn runs at once when
 * something needs them as elements. The page's side (its observer, the passes over its text, what it
 * changes) stays with the annotator, which lends what the marker needs through RunMarkerHost.
 */
import type { MatchSpan } from '../matcher/matcher';
import type { SpanFinder } from '../glossary/guards';
import { isIntact, type TextRun } from './blocks';
import { DESCRIPTION_ATTR } from '../dom-names';
import { addGloss, newLedger, wrapSpans, type MarkLedger, type MarkSpan, type WrappedSpan } from './wrap';
import type { FlushScope } from './occurrences';
import { isPageChrome } from './page-chrome';
import { yieldToPage } from './slices';
import { isWrapped, liveRun, readMarkedRun, sameMarks, takeBackRuns } from './remark';
import { DeferredWraps, type DeferredRun } from './deferred-wraps';
import { DrawnMarks } from './drawn-marks';
import { DrawnTerms } from './drawn-terms';
import type { AnnotatorOptions } from './annotator';

/** What the annotator lends its marker. */
export interface RunMarkerHost {
  /** Runs DOM writes without the annotator's observer taking them for the page's. */
  quietly<T>(write: () => T): T;
  /** Matches the text under these nodes again, in a pass of its own. */
  matchAgain(nodes: Node[]): void;
  /** Leaves this node's text for the observer's next pass. */
  matchLater(node: Node): void;
  /** Whether the page changed anything since the runs being marked were collected. */
  pageChanged(): boolean;
  /** The counts changed. */
  updated(): void;
}

/** Joins runs for one matcher sweep: not in any term, so no match can cross it. */
const RUN_SEPARATOR = '\u0000';
const NO_SPANS: MatchSpan[] = [];

export class RunMarker {
  readonly ledger: MarkLedger = newLedger();
  /** Entry id → occurrences marked so far. */
  readonly counts = new Map<string, number>();
  /** Terms given inline English so far ("first occurrence" mode): the first in the article's text. */
  private readonly glossedTerms = new Set<string>();
  /** Runs (their page nodes) whose matching left something out until the background answers. */
  private readonly waiting = new Set<readonly Text[]>();
  /** Observed element → the chunk it ends; each chunk has one or two such elements. */
  private readonly deferred = new DeferredWraps((ends) => this.wrapTargets(ends));
  /** Marks drawn rather than wrapped (options.drawMarks), until the reader reaches for one. */
  drawn: DrawnMarks | undefined;
  /** The drawn terms, for the pointer to reach and the annotator to take back. */
  terms: DrawnTerms | undefined;

  constructor(
    private readonly matcher: SpanFinder,
    private readonly options: AnnotatorOptions,
    private readonly host: RunMarkerHost,
  ) {}

  /** From now on, runs are drawn over the text of `win`'s document rather than wrapped. */
  draw(win: Window & typeof globalThis): void {
    this.drawn = new DrawnMarks(win);
    this.terms = new DrawnTerms(this.drawn, win.document, { ...this.host, wrap: (job) => this.wrapDeferred(job), uncount: (ids) => this.uncount(ids) });
  }

  /** Runs matched but not yet wrapped (deferred until near the viewport). */
  get deferredRuns(): number {
    return this.deferred.runCount;
  }

  /** Matches a batch of runs in one sweep of the matcher (runs joined by a character no term has). */
  markBatch(batch: TextRun[], wrapNow: boolean): void {
    // A run whose nodes the page detached or edited since they were collected is left for the
    // observer's next pass (which sees those changes), rather than wrapped at stale offsets.
    const live = this.host.pageChanged() ? batch.filter(isIntact) : batch;
    const joined = live.map((run) => run.text).join(RUN_SEPARATOR);
    const held: number[] = []; // in order, as the spans
    const spans = this.matcher.find(joined, (at) => held.push(at));
    let k = 0;
    let h = 0;
    let offset = 0;
    for (const run of live) {
      const end = offset + run.text.length;
      if (h < held.length && held[h]! < end) this.waiting.add(run.nodes);
      while (h < held.length && held[h]! < end) h++;
      const first = k;
      for (; k < spans.length && spans[k]!.start < end; k++) {
        spans[k]!.start -= offset; // the spans are ours: shift them in place rather than copy
        spans[k]!.end -= offset;
      }
      this.markRun(run, first === k ? NO_SPANS : spans.slice(first, k), wrapNow);
      offset = end + RUN_SEPARATOR.length;
    }
  }

  /** Counts a run's terms now, and wraps them now or when the run nears the viewport. */
  private markRun(run: TextRun, spans: MatchSpan[], wrapNow: boolean): void {
    const all = this.withCandidates(run, spans);
    if (!all.length) return;
    const inline = this.drawn ? 'off' : (this.options.inlineEnglish ?? 'off');
    const glossed = new Set<MarkSpan>();
    // Inline English in the article's text only, never in menus, banners, sidebars or footers.
    const inArticle = inline !== 'off' && !isPageChrome(run.nodes[0]!.parentElement);
    for (const span of all) {
      this.counts.set(span.id, (this.counts.get(span.id) ?? 0) + 1);
      if (!inArticle || span.kind || !this.options.english?.has(span.id)) continue;
      if (inline === 'every' || !this.glossedTerms.has(span.id)) glossed.add(span);
      this.glossedTerms.add(span.id);
    }
    const job: DeferredRun = { run, spans: all, firstOccurrence: this.ledger.nextOccurrence, glossed };
    this.ledger.nextOccurrence += all.length;
    // Drawn marks are all handed over at once: they are drawn while near the viewport (./drawn-marks.ts).
    if (this.drawn) return this.drawn.add(job, wrapNow);
    if (wrapNow || !run.nodes[0]!.parentElement || typeof IntersectionObserver === 'undefined') return void this.wrapDeferred(job);
    this.deferred.add(job);
  }

  /** A run's glossary spans and its candidates, in text order; `onWaiting` when a candidate waits for an answer. */
  private withCandidates(run: TextRun, spans: MatchSpan[], onWaiting: () => void = () => this.waiting.add(run.nodes)): MarkSpan[] {
    const candidates = this.options.findCandidates?.(run.text, spans, onWaiting) ?? [];
    return candidates.length ? [...spans, ...candidates.map((c) => ({ ...c, kind: 'candidate' }))].sort((a, b) => a.start - b.start) : spans;
  }

  /**
   * Whether a marked run, matched again, keeps exactly the marks it has (so it is left as it is). A
   * kept run with held occurrences or candidates waits again, as in markBatch; a changed one is
   * matched again there, which notes its waiting.
   */
  private keepsItsMarks(nodes: readonly Text[]): boolean {
    const read = readMarkedRun(nodes, this.ledger);
    if (!read) return false;
    let waits = false;
    const spans = this.matcher.find(read.run.text, () => (waits = true));
    const same = sameMarks(this.withCandidates(read.run, spans, () => (waits = true)), read.marks);
    if (same && waits) this.waiting.add(nodes);
    return same;
  }

  /** Ends the chunk of deferred (or drawn) runs being filled: they never span a jump or a slice. */
  closeChunks(): void {
    this.deferred.close();
    this.drawn?.close();
  }

  private wrapDeferred(job: DeferredRun): WrappedSpan[] {
    const wrapped = wrapSpans(job.run, job.spans, this.ledger, job.firstOccurrence);
    for (const { span, first, last } of wrapped) {
      // Screen readers hear the English with the term (the card is one Enter away).
      const english = span.kind ? undefined : this.options.english?.get(span.id);
      if (english) first.setAttribute(DESCRIPTION_ATTR, english);
      if (job.glossed.has(span)) addGloss(last, english!);
    }
    return wrapped;
  }

  uncount(ids: Iterable<string>, unglossed: Iterable<string> = []): void {
    for (const id of ids) this.counts.set(id, Math.max(0, (this.counts.get(id) ?? 1) - 1));
    for (const id of unglossed) this.glossedTerms.delete(id);
  }

  /**
   * Matches again, in slices, the runs whose matching waited for the background (a whole-word check,
   * a quoted phrase's kind), once its answers are in: only those runs' marks are taken back and placed
   * again, never the whole page's. A run whose marks were in the page is wrapped again at once; the
   * others (not yet wrapped, or with nothing marked) when they near the viewport. Null when none waited.
   */
  async recheck(sliceMs: number, stopped: () => boolean): Promise<{ busy: number; longest: number; runs: number; kept: number } | null> {
    // In the order they were marked: the first screen's runs first.
    const waiting = [...this.waiting];
    this.waiting.clear();
    if (!waiting.length || stopped()) return null;
    this.dropDeferred(new Set(waiting));
    let busy = 0;
    let longest = 0;
    let kept = 0; // marked runs whose marks came out the same
    for (let next = 0; next < waiting.length && !stopped(); ) {
      const sliceStart = performance.now();
      this.host.quietly(() => {
        // At least one group a slice, however long pausing the observer took.
        do {
          const group = waiting.slice(next, (next += 16));
          const drawnInView = this.takeDrawn(group);
          const wrapped = group.filter((nodes) => isWrapped(nodes, this.ledger));
          const changed = wrapped.filter((nodes) => !this.keepsItsMarks(nodes));
          kept += wrapped.length - changed.length;
          const { uncounted, unglossed, fresh } = takeBackRuns(changed, this.ledger);
          this.uncount(uncounted, unglossed);
          this.markBatch(fresh, true);
          const bare = group.filter((nodes) => !wrapped.includes(nodes));
          // Drawn runs that were in view are drawn again at once (not once their group is seen near again: the first screen's marks went and came back).
          this.markBatch(bare.filter((nodes) => drawnInView.has(nodes)).flatMap((nodes) => liveRun(nodes) ?? []), true);
          this.markBatch(bare.filter((nodes) => !drawnInView.has(nodes)).flatMap((nodes) => liveRun(nodes) ?? []), false);
        } while (next < waiting.length && performance.now() - sliceStart < sliceMs);
        this.closeChunks();
      });
      busy += performance.now() - sliceStart;
      longest = Math.max(longest, performance.now() - sliceStart);
      if (next < waiting.length) await yieldToPage();
    }
    return { busy, longest, runs: waiting.length, kept };
  }

  /** Takes the deferred (matched, not yet wrapped) jobs of these runs out, uncounted. */
  private dropDeferred(runs: ReadonlySet<readonly Text[]>): void {
    this.deferred.remove((job) => {
      if (!runs.has(job.run.nodes)) return false;
      this.uncount(job.spans.map((span) => span.id));
      for (const span of job.glossed) this.glossedTerms.delete(span.id);
      return true;
    });
  }

  /**
   * Takes the drawn jobs of these runs out, uncounted; the runs of those that were shown. The
   * recheck takes them with the slice that marks them again, not all at once ahead of the first: on
   * the bench's 200,000-element page, taking its 793 drawn runs took 4–15 ms in one task before the
   * first slice, and the runs in view were off the screen until their slice drew them again.
   */
  private takeDrawn(runs: readonly (readonly Text[])[]): Set<readonly Text[]> {
    const jobs = runs.flatMap((nodes) => {
      const job = this.drawn?.jobOf(nodes[0]!);
      return job?.run.nodes === nodes ? [job] : [];
    });
    const drawnInView = new Set(jobs.filter((job) => this.drawn!.isShown(job)).map((job) => job.run.nodes));
    this.drawn?.take(jobs);
    for (const job of jobs) this.uncount(job.spans.map((span) => span.id));
    return drawnInView;
  }

  /**
   * Wraps deferred runs at once, before something counts or visits occurrences in the DOM: all of them,
   * except for `nearOnly` (those near the screen are wrapped already). With drawn marks, only the runs
   * on and near the screen (keyboard stepping); an entry's drawn occurrences (a card's "k of N") are
   * listed by DrawnTerms.occurrences instead, and wrapped one at a time as they are visited.
   */
  flushDeferred(scope: FlushScope = {}): void {
    this.deferred.close(); // the chunk still being filled too
    if (!this.drawn) {
      if (!scope.nearOnly) this.wrapTargets(this.deferred.allEnds());
      return;
    }
    // Drawn marks never wait in the deferred chunks (markRun): every run is in this.drawn.
    if (scope.id === undefined) this.terms?.materializeDrawn(true);
  }

  /** Every mark in the page as an element, drawn ones included (the pinyin layer splits the text under them). */
  wrapAll(): void {
    this.deferred.close();
    if (!this.drawn) return this.wrapTargets(this.deferred.allEnds());
    this.terms?.materializeDrawn(false);
  }

  private wrapTargets(ends: Element[]): void {
    const jobs = this.deferred.take(ends);
    if (!jobs.length) return;
    const stale: Node[] = [];
    this.host.quietly(() => {
      for (const job of jobs) if (isIntact(job.run)) this.wrapDeferred(job);
      else this.forgetStale(job, stale);
    });
    if (stale.length) this.host.matchAgain(stale);
  }

  /** The page changed this run's text since it was matched: uncounted, its parent (if still in the page) to match again. */
  private forgetStale(job: DeferredRun, stale: Node[]): void {
    this.uncount(job.spans.map((span) => span.id), [...job.glossed].map((span) => span.id));
    const parent = job.run.nodes[0]!.parentElement;
    if (parent?.isConnected) stale.push(parent);
  }

  /**
   * The page took nodes out: deferred runs whose chunk lost both its ends (./deferred-wraps.ts) are
   * each watched through their own element, or uncounted and matched again when their text changed.
   */
  rewatchOrphans(): void {
    const jobs = this.deferred.orphans();
    if (!jobs.length) return;
    const stale: Node[] = [];
    let forgotten = 0;
    for (const job of jobs) {
      if (isIntact(job.run)) {
        this.deferred.add(job, true);
        continue;
      }
      this.forgetStale(job, stale);
      forgotten++;
    }
    if (stale.length) this.host.matchAgain(stale);
    if (forgotten) this.host.updated();
  }

  /** Forgets the runs not yet wrapped (never in the page: nothing of them to undo). */
  forgetDeferred(): void {
    this.deferred.clear();
  }

  /** Forgets every run: the deferred and waiting ones, and drawn marks, which go at once (the page's DOM never held them). */
  clear(): void {
    this.deferred.clear();
    this.waiting.clear();
    this.drawn?.clear();
    this.drawn = this.terms = undefined;
  }

  /** Forgets the counts (once the marks are out of the page). */
  resetCounts(): void {
    this.counts.clear();
    this.glossedTerms.clear();
  }
}
