/**
 * Marks glossary terms in a live page and keeps marking what the page adds later, without ever
 * reacting to its own changes. Work is cut into slices of a few milliseconds. On a long page the
 * whole text is matched (so counts, the badge and the popup are complete at once) but only what is
 * in or near the viewport is wrapped; the rest is wrapped as it comes within a screen or so of view,
 * or at once when something needs every occurrence (a card's "occurrence k of N", the popup).
 */
import type { MatchSpan } from '../matcher/matcher';
import type { SpanFinder } from '../glossary/guards';
import { isIntact, RunWalker, type TextRun } from './blocks';
import { CARD_TAG, DESCRIPTION_ATTR, GLOSS_TAG, MARK_TAG, OWN_TAGS } from '../dom-names';
import { addGloss, isYiduText, liveSplits, newLedger, splitOfPiece, unwrapWrappers, wrapSpans, type MarkLedger, type MarkSpan, type Split, type WrappedSpan } from './wrap';
import { registerDeferredFlush, registerDrawnOccurrences, type FlushScope } from './occurrences';
import { isPageChrome } from './page-chrome';
import { yieldToPage } from './slices';
import { markingPass } from './marking-pass';
import { unwrapPaced } from './paced-unwrap';
import { isBodyAtTop, wrappersOnScreen } from './screen-order';
import { isWrapped, liveRun, readMarkedRun, sameMarks, takeBackRuns } from './remark';
import { DeferredWraps, type DeferredRun } from './deferred-wraps';
import { canDrawMarks, DrawnMarks } from './drawn-marks';
import { DrawnTerms } from './drawn-terms';
import { closestOf, localNameOf, parentElementOf } from '../safe-dom';

/** Re-marking text the page rewrote is done at once up to this much text; more waits for a pass. */
const REFRESH_NOW_CHARS = 20_000;

export interface AnnotatorOptions {
  /** Longest a slice of work may run before yielding, in ms. */
  sliceMs?: number;
  /** Delay to gather a burst of page mutations before annotating them, in ms. */
  mutationDelayMs?: number;
  /**
   * Extra finder for text the glossary does not cover (candidate jargon), run per block. It calls
   * `onWaiting` when a phrase waits for an answer: the block is then matched again by recheckWaiting().
   */
  findCandidates?: (text: string, glossarySpans: readonly MatchSpan[], onWaiting: () => void) => MatchSpan[];
  /** Inline English after the first (or every) occurrence of a term, from `english`. */
  inlineEnglish?: 'off' | 'first' | 'every';
  english?: ReadonlyMap<string, string>;
  /** Called after each pass with the counts so far. */
  onUpdate?: (counts: ReadonlyMap<string, number>) => void;
  /**
   * Draw the marks over the text (a layer of boxes, or CSS highlights) instead of wrapping it, for huge
   * pages where any change to the DOM costs the page a long frame (./drawn-marks.ts). Where the browser
   * cannot draw highlights, marks are wrapped as usual. No inline English in this mode: it would be DOM.
   */
  drawMarks?: boolean;
  /** True when the page is known never to have scrolled (no layout read needed to know it is at its top). */
  unscrolled?: () => boolean | undefined;
}

const OBSERVE: MutationObserverInit = { childList: true, subtree: true, characterData: true };
/** Joins runs for one matcher sweep: not in any term, so no match can cross it. */
const RUN_SEPARATOR = '\u0000';
const NO_SPANS: MatchSpan[] = [];

export class PageAnnotator {
  readonly ledger: MarkLedger = newLedger();
  /** Entry id → occurrences marked so far. */
  readonly counts = new Map<string, number>();
  private observer: MutationObserver | undefined;
  private readonly pendingRoots = new Set<Node>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private running: Promise<void> = Promise.resolve();
  private stopped = false;
  private readonly roots = new Set<Node>();
  private shadowRoots = new WeakSet<ShadowRoot>();
  /** Set when the page changed something since runs were collected: then each run is re-checked. */
  private pageChanged = false;
  /** Observed element → the chunk it ends; each chunk has one or two such elements. */
  private readonly deferred = new DeferredWraps((ends) => this.wrapTargets(ends));
  /** Page text nodes Yidu split that the page has written to (the page's text wins) or moved. */
  private readonly rewritten = new Set<Text>();
  private readonly moved = new Set<Text>();
  private unregisterFlush: (() => void) | undefined;
  private unregisterDrawn: (() => void) | undefined;
  /** Terms given inline English so far ("first occurrence" mode): the first in the article's text. */
  private readonly glossedTerms = new Set<string>();
  /** Runs (their page nodes) whose matching left something out until the background answers. */
  private readonly waiting = new Set<readonly Text[]>();
  /** Marks drawn rather than wrapped (options.drawMarks), until the reader reaches for one. */
  private drawn: DrawnMarks | undefined;
  private terms: DrawnTerms | undefined;
  /** The page took nodes out since the last pass: drawn runs may have lost theirs. */
  private drawnNodesRemoved = false;

  private screenMarked: () => void = () => undefined;
  /**
   * Resolves when the first pass has marked what is on screen (or has ended): other work on a loading
   * page (the policy-density judgement) waits for this rather than slipping between its slices.
   */
  readonly firstScreen: Promise<void> = new Promise((resolve) => (this.screenMarked = resolve));

  constructor(
    private readonly matcher: SpanFinder,
    private readonly options: AnnotatorOptions = {},
  ) {}

  /** Annotates `root` (a document body, an iframe's body or a shadow root) and watches it for changes. */
  attach(root: Node): Promise<void> {
    this.stopped = false;
    const win = (root.ownerDocument ?? (root as Document)).defaultView;
    if (this.options.drawMarks && !this.drawn && canDrawMarks(win)) {
      this.drawn = new DrawnMarks(win);
      this.terms = this.drawTerms(this.drawn, win.document);
    }
    this.unregisterFlush ??= registerDeferredFlush((scope) => this.flushDeferred(scope));
    if (this.drawn) this.unregisterDrawn ??= registerDrawnOccurrences((id) => this.terms?.occurrences(id) ?? []);
    this.roots.add(root);
    this.watch(root);
    return this.enqueue([root]);
  }

  /** The terms drawn over the text (huge pages) rather than wrapped, for the pointer to reach; else undefined. */
  get drawnTerms(): DrawnTerms | undefined {
    return this.terms;
  }

  /** Resolves when every queued pass has finished. */
  idle(): Promise<void> {
    return this.running;
  }

  /** Stops watching and removes every mark, restoring the DOM as it was. */
  async detach(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    this.observer?.disconnect();
    this.observer = undefined;
    this.pendingRoots.clear();
    const roots = [...this.roots];
    this.roots.clear();
    this.shadowRoots = new WeakSet();
    this.deferred.clear(); // never wrapped: nothing of them to undo
    this.unregisterFlush?.();
    this.unregisterFlush = undefined;
    this.unregisterDrawn?.();
    this.unregisterDrawn = undefined;
    await this.running.catch(() => undefined);
    this.deferred.clear(); // and what a pass in flight deferred meanwhile
    this.rewritten.clear();
    this.moved.clear();
    this.waiting.clear();
    // Drawn marks go at once: the page's DOM never held them.
    this.drawn?.clear();
    this.drawn = this.terms = undefined;
    // In slices paced by the page's frames (./paced-unwrap.ts), like the marking: a long page's
    // thousands of marks must not block it either. The marks on screen go first, in the first slice:
    // on a long page read half-way, the newest marks (the ledger's order) can be anywhere.
    const start = performance.now();
    for (const root of roots) unwrapWrappers(wrappersOnScreen(root, MARK_TAG));
    const longest = await unwrapPaced(this.ledger, { since: start });
    performance.measure?.('yidu:detach', { start, end: performance.now(), detail: { longest } });
    this.counts.clear();
    this.glossedTerms.clear();
    this.options.onUpdate?.(this.counts);
  }

  private watch(root: Node): void {
    this.observer ??= new MutationObserver((records) => this.onMutations(records));
    this.observer.observe(root, OBSERVE);
  }

  private onMutations(records: MutationRecord[], fromObserver = true): void {
    this.pageChanged = true;
    this.drawn?.pageChanged(); // drawn boxes over text that moved follow it (next frame)
    for (const record of records) {
      if (record.type === 'characterData') {
        const text = record.target as Text;
        const drawnJob = this.drawn?.jobOf(text);
        if (drawnJob) {
          // The page wrote to drawn text: its ranges no longer fit. Taken back now, matched again in a pass.
          this.terms?.takeBack([drawnJob]);
          continue;
        }
        const piece = splitOfPiece(text);
        // The page wrote into text Yidu inserted (a script editing the DOM it finds): merge it back into the node it came from.
        if (piece) this.moved.add(rootNode(piece));
        else if (this.ownSplit(text)) this.rewritten.add(text);
        else if (!isOwnNode(text)) this.pendingRoots.add(text.parentNode ?? text);
        continue;
      }
      // A split node the page removed or moved (React's removeChild, a list re-ordered): its pieces stay
      // where it was unless they are taken out too.
      for (const node of record.removedNodes) if (node.nodeType === 3 && this.ownSplit(node as Text)) this.moved.add(node as Text);
      for (const node of record.addedNodes) if (!isOwnNode(node)) this.pendingRoots.add(node);
      if (record.removedNodes.length && this.drawn?.size) this.drawnNodesRemoved = true;
    }
    // Refreshed in this callback, before the page renders: the stale text is never on screen.
    if (fromObserver && (this.rewritten.size || this.moved.size)) {
      this.pauseObserver();
      this.resumeObserver();
    }
    if (this.pendingRoots.size && this.timer === undefined) {
      this.timer = setTimeout(() => {
        this.timer = undefined;
        if (this.drawnNodesRemoved) {
          this.drawnNodesRemoved = false;
          this.terms?.takeBack(this.drawn?.detachedJobs() ?? []);
        }
        const roots = [...this.pendingRoots].filter((n) => n.isConnected);
        this.pendingRoots.clear();
        void this.enqueue(roots);
      }, this.options.mutationDelayMs ?? 60);
    }
  }

  private enqueue(roots: Node[]): Promise<void> {
    this.running = this.running
      .then(() => this.annotate(roots))
      .catch((err: unknown) => {
        console.warn('Yidu: annotation failed', err);
      })
      .finally(() => this.screenMarked()); // a pass stopped or failed before its screen: nothing waits for ever
    return this.running;
  }

  private annotate(roots: Node[]): Promise<void> {
    const onShadowRoot = (shadow: ShadowRoot) => {
      if (this.shadowRoots.has(shadow)) return;
      this.shadowRoots.add(shadow);
      void this.attach(shadow);
    };
    // The walk never enters a mark, so only roots themselves can lie inside one. Text Yidu already
    // split, or made, is left out (it is marked) and ends the run it would join.
    const drawn = this.drawn;
    const skipText = drawn ? (node: Text) => isYiduText(node) || drawn.has(node) : isYiduText;
    const walkers = roots.filter((root) => !isOwnNode(root)).map((root) => new RunWalker(root, { onShadowRoot, skipText }));
    const fromTop = walkers.length === 1 && isBodyAtTop(roots[0]!, this.options.unscrolled?.());
    return markingPass(walkers, fromTop, this.options.sliceMs ?? 8, {
      markBatch: (batch, wrapNow) => this.markBatch(batch, wrapNow),
      pause: () => this.pauseObserver(),
      resume: () => this.resumeObserver(),
      closeChunks: () => this.closeChunks(),
      screenMarked: () => this.screenMarked(),
      walked: () => (this.pageChanged = false),
      stopped: () => this.stopped,
      firstScreenAhead: !this.drawn,
      deferredRuns: () => this.deferred.runCount,
      passDone: () => this.options.onUpdate?.(this.counts),
    });
  }

  /** Matches a batch of runs in one sweep of the matcher (runs joined by a character no term has). */
  private markBatch(batch: TextRun[], wrapNow: boolean): void {
    // A run whose nodes the page detached or edited since they were collected is left for the
    // observer's next pass (which sees those changes), rather than wrapped at stale offsets.
    const live = this.pageChanged
      ? batch.filter(isIntact)
      : batch;
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
  private closeChunks(): void {
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

  // ── Drawn marks (huge pages): made real marks when the reader reaches for them (./drawn-terms.ts) ──

  private drawTerms(drawn: DrawnMarks, doc: Document): DrawnTerms {
    return new DrawnTerms(drawn, doc, {
      wrap: (job) => this.wrapDeferred(job),
      quietly: (write) => this.quietly(write),
      uncount: (ids) => this.uncount(ids),
      matchAgain: (elements) => void this.enqueue(elements),
      matchLater: (node) => this.pendingRoots.add(node),
      updated: () => this.options.onUpdate?.(this.counts),
    });
  }

  /** Is `node` a text node this annotator split (not only another layer)? */
  private ownSplit(node: Text): boolean {
    return liveSplits(node).some((split) => split.ledger === this.ledger);
  }

  /**
   * The page wrote to (or moved) text nodes this annotator split: everything derived from them goes
   * (the page's text wins in a node it wrote to; the other nodes of its run get their text back),
   * their occurrences are uncounted, and their runs are matched and wrapped again at once.
   * Called with the observer paused.
   */
  private refresh(): void {
    const runs = new Set<Text[]>();
    for (const node of [...this.rewritten, ...this.moved]) for (const split of liveSplits(node)) if (split.ledger === this.ledger) runs.add(split.run);
    const { uncounted, unglossed, fresh } = takeBackRuns(runs, this.ledger, (node) => this.rewritten.has(node));
    this.rewritten.clear();
    this.moved.clear();
    this.uncount(uncounted, unglossed);
    const now: TextRun[] = [];
    let chars = 0;
    for (const run of fresh) {
      chars += run.text.length;
      // A large re-render waits for a pass of its own, sliced like any other.
      if (chars > REFRESH_NOW_CHARS) for (const node of run.nodes) this.pendingRoots.add(node.parentNode ?? node);
      else now.push(run);
    }
    if (now.length) this.markBatch(now, true);
    this.closeChunks();
    if (uncounted.length || now.length) this.options.onUpdate?.(this.counts);
  }

  private uncount(ids: Iterable<string>, unglossed: Iterable<string> = []): void {
    for (const id of ids) this.counts.set(id, Math.max(0, (this.counts.get(id) ?? 1) - 1));
    for (const id of unglossed) this.glossedTerms.delete(id);
  }

  /**
   * Matches again, in slices, the runs whose matching waited for the background (a whole-word check,
   * a quoted phrase's kind), once its answers are in: only those runs' marks are taken back and placed
   * again, never the whole page's. A run whose marks were in the page is wrapped again at once; the
   * others (not yet wrapped, or with nothing marked) when they near the viewport.
   */
  recheckWaiting(): Promise<void> {
    this.running = this.running.then(async () => {
      const start = performance.now();
      // In the order they were marked: the first screen's runs first.
      const waiting = [...this.waiting];
      this.waiting.clear();
      if (!waiting.length || this.stopped) return;
      this.dropDeferred(new Set(waiting));
      const sliceMs = this.options.sliceMs ?? 8;
      let busy = 0;
      let longest = 0;
      let kept = 0; // marked runs whose marks came out the same
      for (let next = 0; next < waiting.length && !this.stopped; ) {
        const sliceStart = performance.now();
        this.pauseObserver();
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
        this.resumeObserver();
        busy += performance.now() - sliceStart;
        longest = Math.max(longest, performance.now() - sliceStart);
        if (next < waiting.length) await yieldToPage();
      }
      const detail = { busy, longest, runs: waiting.length, kept };
      performance.measure?.('yidu:recheck', { start, end: performance.now(), detail });
      this.options.onUpdate?.(this.counts);
    }).catch((err: unknown) => {
      console.warn('Yidu: annotation failed', err);
    });
    return this.running;
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
    this.pauseObserver();
    const stale: Node[] = [];
    for (const job of jobs) {
      if (isIntact(job.run)) {
        this.wrapDeferred(job);
        continue;
      }
      // The page changed this text since it was matched: uncount it and match it again.
      for (const span of job.spans) this.counts.set(span.id, (this.counts.get(span.id) ?? 1) - 1);
      for (const span of job.glossed) this.glossedTerms.delete(span.id);
      const parent = job.run.nodes[0]!.parentElement;
      if (parent?.isConnected) stale.push(parent);
    }
    this.resumeObserver();
    if (stale.length) void this.enqueue(stale);
  }

  /**
   * Runs another layer's DOM writes (the pinyin mode's ruby) without this annotator taking them for
   * the page's own changes, exactly as its own wrapping is kept from its observer.
   */
  quietly<T>(write: () => T): T {
    this.pauseObserver();
    try {
      return write();
    } finally {
      this.resumeObserver();
    }
  }

  /**
   * Our own wrapping must not feed the observer: it is disconnected while we write (no page script
   * runs meanwhile), after handing over whatever the page changed before.
   */
  private pauseObserver(): void {
    if (!this.observer) return;
    const pending = this.observer.takeRecords();
    if (pending.length) this.onMutations(pending, false);
    this.observer.disconnect();
    if (this.rewritten.size || this.moved.size) this.refresh();
  }

  private resumeObserver(): void {
    if (!this.observer) return;
    for (const root of this.roots) this.observer.observe(root, OBSERVE);
  }
}

const OWN_TAG_SET = new Set<string>(OWN_TAGS);

function isOwnNode(node: Node): boolean {
  // Through the prototypes (lib/safe-dom.ts): the page adds forms whose fields shadow tagName, closest….
  return (node.nodeType === 1 && OWN_TAG_SET.has(localNameOf(node as Element))) || isInsideOwnMark(node);
}

/** The page's node at the bottom of a piece's layers (a ruby's text inside a mark inside the page's node). */
function rootNode(split: Split): Text {
  let root = split;
  for (let up = splitOfPiece(root.node); up; up = splitOfPiece(root.node)) root = up;
  return root.node;
}

function isInsideOwnMark(node: Node): boolean {
  return closestOf(parentElementOf(node), `${MARK_TAG}, ${GLOSS_TAG}, ${CARD_TAG}`) != null;
}
