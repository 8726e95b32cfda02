/**
 * Marks glossary terms in a live page and keeps marking what the page adds later, without ever
 * reacting to its own changes. Work is cut into slices of a few milliseconds. On a long page the
 * whole text is matched (so counts, the badge and the popup are complete at once) but only what is
 * in or near the viewport is wrapped; the rest is wrapped as it comes within a screen or so of view,
 * or at once when something needs every occurrence (a card's "occurrence k of N", the popup).
 */
import type { MatchSpan } from '../matcher/matcher';
import type { SpanFinder } from '../glossary/guards';
import { collectRuns, type TextRun } from './blocks';
import { CARD_TAG, DESCRIPTION_ATTR, GLOSS_TAG, MARK_TAG, OWN_TAGS } from '../dom-names';
import { addGloss, newLedger, unwrapAll, wrapSpans, type MarkLedger, type MarkSpan } from './wrap';
import { registerDeferredFlush } from './occurrences';
import { isPageChrome } from './page-chrome';

/** A matched run whose wrapping waits until it nears the viewport. */
interface Deferred {
  run: TextRun;
  spans: MarkSpan[];
  firstOccurrence: number;
  glossed: Set<MarkSpan>;
}

export interface AnnotatorOptions {
  /** Longest a slice of work may run before yielding, in ms. */
  sliceMs?: number;
  /** Delay to gather a burst of page mutations before annotating them, in ms. */
  mutationDelayMs?: number;
  /** Extra finder for text the glossary does not cover (candidate jargon), run per block. */
  findCandidates?: (text: string, glossarySpans: readonly MatchSpan[]) => MatchSpan[];
  /** Inline English after the first (or every) occurrence of a term, from `english`. */
  inlineEnglish?: 'off' | 'first' | 'every';
  english?: Readonly<Record<string, string>>;
  /** Called after each pass with the counts so far. */
  onUpdate?: (counts: ReadonlyMap<string, number>) => void;
}

const OBSERVE: MutationObserverInit = { childList: true, subtree: true, characterData: true };
/** Joins runs for one matcher sweep: not in any term, so no match can cross it. */
const RUN_SEPARATOR = '\u0000';
const NO_SPANS: MatchSpan[] = [];
/** Characters per matcher sweep: big enough to amortise the call, small enough to keep slices short. */
const BATCH_CHARS = 20_000;

function takeBatch(runs: TextRun[], from: number, limit: number): TextRun[] {
  let size = 0;
  let to = from;
  while (to < limit && (to === from || size + runs[to]!.text.length <= BATCH_CHARS)) size += runs[to++]!.text.length;
  return runs.slice(from, to);
}

const yieldToPage = (): Promise<void> => {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (scheduler?.yield) return scheduler.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
};

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
  private readonly deferred = new Map<Element, Deferred[]>();
  private nearness: IntersectionObserver | undefined;
  private unregisterFlush: (() => void) | undefined;
  /** Terms given inline English so far ("first occurrence" mode): the first in the article's text. */
  private readonly glossedTerms = new Set<string>();

  constructor(
    private readonly matcher: SpanFinder,
    private readonly options: AnnotatorOptions = {},
  ) {}

  /** Annotates `root` (a document body, an iframe's body or a shadow root) and watches it for changes. */
  attach(root: Node): Promise<void> {
    this.stopped = false;
    this.unregisterFlush ??= registerDeferredFlush(() => this.flushDeferred());
    this.roots.add(root);
    this.watch(root);
    return this.enqueue([root]);
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
    this.roots.clear();
    this.shadowRoots = new WeakSet();
    this.nearness?.disconnect();
    this.nearness = undefined;
    this.unregisterFlush?.();
    this.unregisterFlush = undefined;
    await this.running.catch(() => undefined);
    this.deferred.clear(); // never wrapped: nothing of them to undo
    unwrapAll(this.ledger);
    this.counts.clear();
    this.glossedTerms.clear();
    this.options.onUpdate?.(this.counts);
  }

  private watch(root: Node): void {
    this.observer ??= new MutationObserver((records) => this.onMutations(records));
    this.observer.observe(root, OBSERVE);
  }

  private onMutations(records: MutationRecord[]): void {
    this.pageChanged = true;
    for (const record of records) {
      if (record.type === 'characterData') {
        if (!isOwnNode(record.target)) this.pendingRoots.add(record.target.parentNode ?? record.target);
        continue;
      }
      for (const node of record.addedNodes) if (!isOwnNode(node)) this.pendingRoots.add(node);
    }
    if (this.pendingRoots.size && this.timer === undefined) {
      this.timer = setTimeout(() => {
        this.timer = undefined;
        const roots = [...this.pendingRoots].filter((n) => n.isConnected);
        this.pendingRoots.clear();
        void this.enqueue(roots);
      }, this.options.mutationDelayMs ?? 60);
    }
  }

  private enqueue(roots: Node[]): Promise<void> {
    this.running = this.running.then(() => this.annotate(roots)).catch((err: unknown) => {
      console.warn('Yidu: annotation failed', err);
    });
    return this.running;
  }

  private async annotate(roots: Node[]): Promise<void> {
    const passStart = performance.now();
    let busy = 0; // time spent in our own slices, without the page's work between them
    const onShadowRoot = (shadow: ShadowRoot) => {
      if (this.shadowRoots.has(shadow)) return;
      this.shadowRoots.add(shadow);
      void this.attach(shadow);
    };
    // collectRuns never enters a mark, so only roots themselves can lie inside one.
    const runs = roots.filter((root) => !isOwnNode(root)).flatMap((root) => collectRuns(root, onShadowRoot));
    this.pageChanged = false;
    const { ordered, near } = nearestFirst(runs);
    const sliceMs = this.options.sliceMs ?? 8;
    let nearDoneAt = near === 0 ? 0 : -1;
    let busyAtNear = 0;
    for (let next = 0; next < ordered.length && !this.stopped; ) {
      const sliceStart = performance.now();
      this.pauseObserver();
      while (next < ordered.length && performance.now() - sliceStart < sliceMs) {
        const wrapNow = next < near;
        const batch = takeBatch(ordered, next, wrapNow ? near : ordered.length);
        next += batch.length;
        this.markBatch(batch, wrapNow);
      }
      this.resumeObserver();
      busy += performance.now() - sliceStart;
      if (nearDoneAt < 0 && next >= near) {
        nearDoneAt = performance.now() - passStart;
        busyAtNear = busy;
      }
      if (next < ordered.length) await yieldToPage();
    }
    // A user-timing entry (visible in DevTools and to the benchmark): one per pass, yields included.
    const deferredRuns = [...this.deferred.values()].reduce((n, jobs) => n + jobs.length, 0);
    performance.measure?.('yidu:annotate', { start: passStart, end: performance.now(), detail: { busy, runs: runs.length, nearDoneAt, busyAtNear, deferredRuns } });
    this.options.onUpdate?.(this.counts);
  }

  /** Matches a batch of runs in one sweep of the matcher (runs joined by a character no term has). */
  private markBatch(batch: TextRun[], wrapNow: boolean): void {
    // A run whose nodes the page detached or edited since they were collected is left for the
    // observer's next pass (which sees those changes), rather than wrapped at stale offsets.
    const live = this.pageChanged
      ? batch.filter((run) => run.nodes.every((n) => n.isConnected) && run.text === run.nodes.map((n) => n.data).join(''))
      : batch;
    const joined = live.map((run) => run.text).join(RUN_SEPARATOR);
    const spans = this.matcher.find(joined);
    let k = 0;
    let offset = 0;
    for (const run of live) {
      const end = offset + run.text.length;
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
    const candidates = this.options.findCandidates?.(run.text, spans) ?? [];
    const all: MarkSpan[] = candidates.length
      ? [...spans, ...candidates.map((c) => ({ ...c, kind: 'candidate' }))].sort((a, b) => a.start - b.start)
      : spans;
    if (!all.length) return;
    const inline = this.options.inlineEnglish ?? 'off';
    const glossed = new Set<MarkSpan>();
    // Inline English in the article's text only, never in menus, banners, sidebars or footers.
    const inArticle = inline !== 'off' && !isPageChrome(run.nodes[0]!.parentElement);
    for (const span of all) {
      this.counts.set(span.id, (this.counts.get(span.id) ?? 0) + 1);
      if (!inArticle || span.kind || !this.options.english?.[span.id]) continue;
      if (inline === 'every' || !this.glossedTerms.has(span.id)) glossed.add(span);
      this.glossedTerms.add(span.id);
    }
    const job: Deferred = { run, spans: all, firstOccurrence: this.ledger.nextOccurrence, glossed };
    this.ledger.nextOccurrence += all.length;
    if (wrapNow) return this.wrapDeferred(job);
    const target = run.nodes[0]!.parentElement;
    if (!target || typeof IntersectionObserver === 'undefined') return this.wrapDeferred(job);
    const list = this.deferred.get(target);
    if (list) list.push(job);
    else {
      this.deferred.set(target, [job]);
      this.nearness ??= new IntersectionObserver((entries) => this.onNear(entries), { rootMargin: '150% 0px' });
      this.nearness.observe(target);
    }
  }

  private wrapDeferred(job: Deferred): void {
    const wrapped = wrapSpans(job.run, job.spans, this.ledger, job.firstOccurrence);
    for (const { span, first, last } of wrapped) {
      // Screen readers hear the English with the term (the card is one Enter away).
      const english = span.kind ? undefined : this.options.english?.[span.id];
      if (english) first.setAttribute(DESCRIPTION_ATTR, english);
      if (job.glossed.has(span)) addGloss(last, english!, this.ledger);
    }
  }

  private onNear(entries: IntersectionObserverEntry[]): void {
    const near = entries.filter((e) => e.isIntersecting).map((e) => e.target);
    if (near.length) this.wrapTargets(near);
  }

  /** Wraps every deferred run at once (before something counts or visits occurrences in the DOM). */
  flushDeferred(): void {
    if (this.deferred.size) this.wrapTargets([...this.deferred.keys()]);
  }

  private wrapTargets(targets: Element[]): void {
    this.pauseObserver();
    const stale: Node[] = [];
    for (const target of targets) {
      const jobs = this.deferred.get(target);
      if (!jobs) continue;
      this.deferred.delete(target);
      this.nearness?.unobserve(target);
      for (const job of jobs) {
        const { nodes, text } = job.run;
        if (nodes.every((n) => n.isConnected) && text === nodes.map((n) => n.data).join('')) {
          this.wrapDeferred(job);
          continue;
        }
        // The page changed this text since it was matched: uncount it and match it again.
        for (const span of job.spans) this.counts.set(span.id, (this.counts.get(span.id) ?? 1) - 1);
        for (const span of job.glossed) this.glossedTerms.delete(span.id);
        if (target.isConnected) stale.push(target);
      }
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
    if (pending.length) this.onMutations(pending);
    this.observer.disconnect();
  }

  private resumeObserver(): void {
    if (!this.observer) return;
    for (const root of this.roots) this.observer.observe(root, OBSERVE);
  }
}

const OWN_TAG_SET = new Set<string>(OWN_TAGS);

function isOwnNode(node: Node): boolean {
  return (node.nodeType === 1 && OWN_TAG_SET.has((node as Element).tagName.toLowerCase())) || isInsideOwnMark(node);
}

function isInsideOwnMark(node: Node): boolean {
  return node.parentElement?.closest(`${MARK_TAG}, ${GLOSS_TAG}, ${CARD_TAG}`) != null;
}

/**
 * Runs in or near the viewport first, then the rest in page order. Runs are in document order, so
 * a binary search finds the first one below the top of the screen with a handful of layout reads.
 */
function nearestFirst(runs: TextRun[]): { ordered: TextRun[]; near: number } {
  if (runs.length < 50 || typeof window === 'undefined') return { ordered: runs, near: runs.length };
  const height = window.innerHeight || 800;
  const top = (run: TextRun) => run.nodes[0]!.parentElement?.getBoundingClientRect().top ?? 0;
  let lo = 0;
  let hi = runs.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (top(runs[mid]!) < -height) lo = mid + 1;
    else hi = mid;
  }
  let end = lo;
  while (end < runs.length && end - lo < 400 && top(runs[end]!) < 2 * height) end++;
  return { ordered: [...runs.slice(lo, end), ...runs.slice(0, lo), ...runs.slice(end)], near: end - lo };
}
