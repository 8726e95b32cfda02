/**
 * Marks glossary terms in a live page and keeps marking what the page adds later, without ever
 * reacting to its own changes. Work is cut into slices of a few milliseconds. On a long page the
 * whole text is matched (so counts, the badge and the popup are complete at once) but only what is
 * in or near the viewport is wrapped; the rest is wrapped as it comes within a screen or so of view,
 * or at once when something needs every occurrence (a card's "occurrence k of N", the popup).
 * This file is the page's side: the passes over its text, its observer, what it changes under the
 * marks, and taking them out again. Where a matched run's terms go is ./run-marker.ts's.
 */
import type { MatchSpan } from '../matcher/matcher';
import type { SpanFinder } from '../glossary/guards';
import { RunWalker, type TextRun } from './blocks';
import { CARD_TAG, GLOSS_TAG, MARK_TAG, OWN_TAGS } from '../dom-names';
import { isYiduText, liveSplits, splitOfPiece, unwrapWrappers, type Split } from './wrap';
import { registerDeferredFlush, registerDrawnOccurrences, type FlushScope } from './occurrences';
import { markingPass } from './marking-pass';
import { unwrapPaced } from './paced-unwrap';
import { isBodyAtTop, wrappersOnScreen } from './screen-order';
import { takeBackRuns } from './remark';
import { canDrawMarks } from './drawn-marks';
import type { DrawnTerms } from './drawn-terms';
import { RunMarker } from './run-marker';
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

export class PageAnnotator {
  private observer: MutationObserver | undefined;
  private readonly pendingRoots = new Set<Node>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private running: Promise<void> = Promise.resolve();
  private stopped = false;
  private readonly roots = new Set<Node>();
  private shadowRoots = new WeakSet<ShadowRoot>();
  /** Set when the page changed something since runs were collected: then each run is re-checked. */
  private pageChanged = false;
  /** Page text nodes Yidu split that the page has written to (the page's text wins) or moved. */
  private readonly rewritten = new Set<Text>();
  private readonly moved = new Set<Text>();
  private unregisterFlush: (() => void) | undefined;
  private unregisterDrawn: (() => void) | undefined;
  /** Where the runs' terms go: counted, wrapped now or later, or drawn (./run-marker.ts). */
  private readonly marker: RunMarker;
  /** The page took nodes out since the last pass: drawn runs may have lost theirs, deferred chunks their ends. */
  private nodesRemoved = false;

  private screenMarked: () => void = () => undefined;
  /**
   * Resolves when the first pass has marked what is on screen (or has ended): other work on a loading
   * page (the policy-density judgement) waits for this rather than slipping between its slices.
   */
  readonly firstScreen: Promise<void> = new Promise((resolve) => (this.screenMarked = resolve));

  constructor(
    matcher: SpanFinder,
    private readonly options: AnnotatorOptions = {},
  ) {
    this.marker = new RunMarker(matcher, options, {
      quietly: (write) => this.quietly(write),
      matchAgain: (nodes) => void this.enqueue(nodes),
      matchLater: (node) => this.pendingRoots.add(node),
      pageChanged: () => this.pageChanged,
      updated: () => this.options.onUpdate?.(this.counts),
    });
  }

  /** Entry id → occurrences marked so far. */
  get counts(): ReadonlyMap<string, number> {
    return this.marker.counts;
  }

  /** Annotates `root` (a document body, an iframe's body or a shadow root) and watches it for changes. */
  attach(root: Node): Promise<void> {
    this.stopped = false;
    const win = (root.ownerDocument ?? (root as Document)).defaultView;
    if (this.options.drawMarks && !this.marker.drawn && canDrawMarks(win)) this.marker.draw(win);
    this.unregisterFlush ??= registerDeferredFlush((scope) => this.flushDeferred(scope));
    if (this.marker.drawn) this.unregisterDrawn ??= registerDrawnOccurrences((id) => this.marker.terms?.occurrences(id) ?? []);
    this.roots.add(root);
    this.watch(root);
    return this.enqueue([root]);
  }

  /** The terms drawn over the text (huge pages) rather than wrapped, for the pointer to reach; else undefined. */
  get drawnTerms(): DrawnTerms | undefined {
    return this.marker.terms;
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
    this.marker.forgetDeferred(); // never wrapped: nothing of them to undo
    this.unregisterFlush?.();
    this.unregisterFlush = undefined;
    this.unregisterDrawn?.();
    this.unregisterDrawn = undefined;
    await this.running.catch(() => undefined);
    this.rewritten.clear();
    this.moved.clear();
    this.marker.clear(); // what a pass in flight deferred meanwhile, and drawn marks (at once)
    // In slices paced by the page's frames (./paced-unwrap.ts), like the marking: a long page's
    // thousands of marks must not block it either. The marks on screen go first, in the first slice:
    // on a long page read half-way, the newest marks (the ledger's order) can be anywhere.
    const start = performance.now();
    for (const root of roots) unwrapWrappers(wrappersOnScreen(root, MARK_TAG));
    const longest = await unwrapPaced(this.marker.ledger, { since: start });
    performance.measure?.('yidu:detach', { start, end: performance.now(), detail: { longest } });
    this.marker.resetCounts();
    this.options.onUpdate?.(this.counts);
  }

  private watch(root: Node): void {
    this.observer ??= new MutationObserver((records) => this.onMutations(records));
    this.observer.observe(root, OBSERVE);
  }

  private onMutations(records: MutationRecord[], fromObserver = true): void {
    this.pageChanged = true;
    const { drawn, terms } = this.marker;
    drawn?.pageChanged(); // drawn boxes over text that moved follow it (next frame)
    for (const record of records) {
      if (record.type === 'characterData') {
        const text = record.target as Text;
        const drawnJob = drawn?.jobOf(text);
        if (drawnJob) {
          // The page wrote to drawn text: its ranges no longer fit. Taken back now, matched again in a pass.
          terms?.takeBack([drawnJob]);
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
      if (record.removedNodes.length) this.nodesRemoved = true;
    }
    // Refreshed in this callback, before the page renders: the stale text is never on screen.
    if (fromObserver && (this.rewritten.size || this.moved.size)) {
      this.pauseObserver();
      this.resumeObserver();
    }
    if ((this.pendingRoots.size || this.nodesRemoved) && this.timer === undefined) {
      this.timer = setTimeout(() => {
        this.timer = undefined;
        if (this.nodesRemoved) {
          this.nodesRemoved = false;
          if (this.marker.drawn?.size) this.marker.terms?.takeBack(this.marker.drawn.detachedJobs());
          this.marker.rewatchOrphans();
        }
        if (!this.pendingRoots.size) return; // only taken out: nothing to match
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
    const drawn = this.marker.drawn;
    const skipText = drawn ? (node: Text) => isYiduText(node) || drawn.has(node) : isYiduText;
    const walkers = roots.filter((root) => !isOwnNode(root)).map((root) => new RunWalker(root, { onShadowRoot, skipText }));
    const fromTop = walkers.length === 1 && isBodyAtTop(roots[0]!, this.options.unscrolled?.());
    return markingPass(walkers, fromTop, this.options.sliceMs ?? 8, {
      markBatch: (batch, wrapNow) => this.marker.markBatch(batch, wrapNow),
      pause: () => this.pauseObserver(),
      resume: () => this.resumeObserver(),
      closeChunks: () => this.marker.closeChunks(),
      screenMarked: () => this.screenMarked(),
      walked: () => (this.pageChanged = false),
      stopped: () => this.stopped,
      firstScreenAhead: !drawn,
      deferredRuns: () => this.marker.deferredRuns,
      passDone: () => this.options.onUpdate?.(this.counts),
    });
  }

  /** Is `node` a text node this annotator split (not only another layer)? */
  private ownSplit(node: Text): boolean {
    return liveSplits(node).some((split) => split.ledger === this.marker.ledger);
  }

  /**
   * The page wrote to (or moved) text nodes this annotator split: everything derived from them goes
   * (the page's text wins in a node it wrote to; the other nodes of its run get their text back),
   * their occurrences are uncounted, and their runs are matched and wrapped again at once.
   * Called with the observer paused.
   */
  private refresh(): void {
    const runs = new Set<Text[]>();
    for (const node of [...this.rewritten, ...this.moved]) for (const split of liveSplits(node)) if (split.ledger === this.marker.ledger) runs.add(split.run);
    const { uncounted, unglossed, fresh } = takeBackRuns(runs, this.marker.ledger, (node) => this.rewritten.has(node));
    this.rewritten.clear();
    this.moved.clear();
    this.marker.uncount(uncounted, unglossed);
    const now: TextRun[] = [];
    let chars = 0;
    for (const run of fresh) {
      chars += run.text.length;
      // A large re-render waits for a pass of its own, sliced like any other.
      if (chars > REFRESH_NOW_CHARS) for (const node of run.nodes) this.pendingRoots.add(node.parentNode ?? node);
      else now.push(run);
    }
    if (now.length) this.marker.markBatch(now, true);
    this.marker.closeChunks();
    if (uncounted.length || now.length) this.options.onUpdate?.(this.counts);
  }

  /**
   * Matches again, in slices, the runs whose matching waited for the background (a whole-word check,
   * a quoted phrase's kind), once its answers are in (RunMarker.recheck).
   */
  recheckWaiting(): Promise<void> {
    this.running = this.running.then(async () => {
      const start = performance.now();
      const detail = await this.marker.recheck(this.options.sliceMs ?? 8, () => this.stopped);
      if (!detail) return;
      performance.measure?.('yidu:recheck', { start, end: performance.now(), detail });
      this.options.onUpdate?.(this.counts);
    }).catch((err: unknown) => {
      console.warn('Yidu: annotation failed', err);
    });
    return this.running;
  }

  /** Wraps deferred runs at once, before something counts or visits occurrences in the DOM (RunMarker.flushDeferred). */
  flushDeferred(scope: FlushScope = {}): void {
    this.marker.flushDeferred(scope);
  }

  /** Every mark in the page as an element, drawn ones included (the pinyin layer splits the text under them). */
  wrapAll(): void {
    this.marker.wrapAll();
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
