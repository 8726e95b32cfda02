/**
 * Marks glossary terms in a live page and keeps marking what the page adds later, without ever
 * reacting to its own changes. Work is cut into slices of a few milliseconds, nearest the viewport
 * first, so a long page never blocks the main thread for long.
 */
import type { Matcher, MatchSpan } from '../matcher/matcher';
import { collectRuns, isInsideSkipped, type TextRun } from './blocks';
import { GLOSS_TAG, MARK_TAG, addGloss, newLedger, unwrapAll, wrapSpans, type MarkLedger } from './wrap';

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

  constructor(
    private readonly matcher: Matcher,
    private readonly options: AnnotatorOptions = {},
  ) {}

  /** Annotates `root` (a document body, an iframe's body or a shadow root) and watches it for changes. */
  attach(root: Node): Promise<void> {
    this.stopped = false;
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
    await this.running.catch(() => undefined);
    unwrapAll(this.ledger);
    this.counts.clear();
    this.options.onUpdate?.(this.counts);
  }

  private watch(root: Node): void {
    this.observer ??= new MutationObserver((records) => this.onMutations(records));
    this.observer.observe(root, { childList: true, subtree: true, characterData: true });
  }

  private onMutations(records: MutationRecord[]): void {
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
    const onShadowRoot = (shadow: ShadowRoot) => {
      if (this.shadowRoots.has(shadow)) return;
      this.shadowRoots.add(shadow);
      void this.attach(shadow);
    };
    const runs = roots.flatMap((root) => collectRuns(root, onShadowRoot)).filter((run) => run.nodes.every((n) => !isInsideOwnMark(n)));
    const sliceMs = this.options.sliceMs ?? 8;
    let sliceStart = performance.now();
    for (const run of nearestFirst(runs)) {
      if (this.stopped) return;
      // A run's nodes may have been detached or changed by the page since they were collected.
      if (!run.nodes.every((n) => n.isConnected) || run.text !== run.nodes.map((n) => n.data).join('')) continue;
      this.markRun(run);
      if (performance.now() - sliceStart > sliceMs) {
        this.flushOwnMutations();
        await yieldToPage();
        sliceStart = performance.now();
      }
    }
    this.flushOwnMutations();
    this.options.onUpdate?.(this.counts);
  }

  private markRun(run: TextRun): void {
    const spans = this.matcher.find(run.text);
    const wrapped = wrapSpans(run, spans, this.ledger);
    const inline = this.options.inlineEnglish ?? 'off';
    for (const { span, last } of wrapped) {
      const seen = this.counts.get(span.id) ?? 0;
      this.counts.set(span.id, seen + 1);
      const english = this.options.english?.[span.id];
      if (english && (inline === 'every' || (inline === 'first' && seen === 0))) addGloss(last, english, this.ledger);
    }
    const candidates = this.options.findCandidates?.(run.text, spans);
    if (candidates?.length) wrapSpans(run, candidates, this.ledger, 'candidate');
  }

  /** Drops the mutation records our own wrapping produced, so they never trigger another pass. */
  private flushOwnMutations(): void {
    if (!this.observer) return;
    const records = this.observer.takeRecords().filter((r) => !isOwnRecord(r));
    if (records.length) this.onMutations(records);
  }
}

const OWN_TAGS = new Set([MARK_TAG, GLOSS_TAG, 'yidu-card']);

function isOwnNode(node: Node): boolean {
  return (node.nodeType === 1 && OWN_TAGS.has((node as Element).tagName.toLowerCase())) || isInsideOwnMark(node);
}

function isInsideOwnMark(node: Node): boolean {
  return node.parentElement?.closest(`${MARK_TAG}, ${GLOSS_TAG}, yidu-card`) != null;
}

/** A record made by wrapping: marks inserted, or text moved into a mark / split off beside one. */
function isOwnRecord(record: MutationRecord): boolean {
  if (record.type !== 'childList') return false;
  const own = (n: Node) => isOwnNode(n) || n.nodeType === 3;
  return [...record.addedNodes].every(own) && [...record.removedNodes].every(own);
}

/** Runs in or near the viewport first (one layout read for all), then the rest in page order. */
function nearestFirst(runs: TextRun[]): TextRun[] {
  if (runs.length < 50 || typeof window === 'undefined') return runs;
  const height = window.innerHeight || 800;
  const near: TextRun[] = [];
  const far: TextRun[] = [];
  for (const run of runs) {
    const parent = run.nodes[0]!.parentElement;
    const rect = parent?.getBoundingClientRect();
    (rect && rect.bottom > -height && rect.top < 2 * height ? near : far).push(run);
  }
  return near.concat(far);
}

export { isInsideSkipped };
