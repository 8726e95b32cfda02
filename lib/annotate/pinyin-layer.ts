/**
 * The pinyin mode in a live page (and the reader's article): reads each block's words and readings
 * from `read` (the background's jieba and dictionary, by message), nearest the viewport first, and
 * puts <ruby> over them in slices of a few milliseconds, so a long article never blocks the page;
 * far-off blocks wait until they come near the viewport (ruby is costly to lay out).
 * Always the outermost layer: it reads the text inside Yidu's marks, and the annotator is told to
 * ignore its writes (`quietly`).
 */
import { collectRuns, isBlock, isIntact, type TextRun } from './blocks';
import { layOut, markedSpans, wrapRuby, type PinyinWord, type ToneColours } from './pinyin-ruby';
import { newLedger, unwrapWrappers, type MarkLedger } from './wrap';
import { unwrapPaced } from './paced-unwrap';
import { wrappersOnScreen } from './screen-order';
import { afterNextFrame, yieldToPage } from './slices';
import { MARK_TAG, RUBY_ATTR } from '../dom-names';
import { parentElementOf } from '../safe-dom';

export interface PinyinLayerOptions {
  mode: 'jargon' | 'every';
  colours: ToneColours;
  /** Words and readings of each text, in order. */
  read(texts: string[]): Promise<PinyinWord[][]>;
  /** Wraps DOM writes so another observer of the same nodes does not take them for the page's. */
  quietly?<T>(write: () => T): T;
  sliceMs?: number;
}

/** Characters per request: the first is small so the screen gets its pinyin soon, the rest larger. */
const FIRST_BATCH = 2_000;
const BATCH = 8_000;
const ENTER_MARKS: ReadonlySet<string> = new Set([MARK_TAG.toUpperCase()]);
/**
 * Words given ruby per slice, each slice laid out before the next: the renderer's layout of a screen's
 * ruby at once was one 73–91 ms task while scrolling (`npm run bench`); at 120 none was over 50 ms, at
 * 200 one was 134 ms. A screen's pinyin now takes a few frames more (about 350 ms instead of 200 ms).
 */
const RUBIES_PER_SLICE = 120;

function batches(runs: TextRun[]): TextRun[][] {
  const out: TextRun[][] = [];
  let current: TextRun[] = [];
  let size = 0;
  for (const run of runs) {
    current.push(run);
    size += run.text.length;
    if (size >= (out.length ? BATCH : FIRST_BATCH)) {
      out.push(current);
      current = [];
      size = 0;
    }
  }
  if (current.length) out.push(current);
  return out;
}

function blockOf(node: Node): Element {
  let el = parentElementOf(node)!;
  for (let up = parentElementOf(el); up && !isBlock(el); up = parentElementOf(el)) el = up;
  return el;
}

export class PinyinLayer {
  private ledger: MarkLedger = newLedger();
  private running: Promise<void> = Promise.resolve();
  private generation = 0;

  private nearness: IntersectionObserver | undefined;
  /** Block → its runs still without pinyin, waiting to come near the viewport. */
  private waiting = new Map<Element, TextRun[]>();
  private readonly roots = new Set<Node>();

  /**
   * Puts pinyin over `root`'s text: blocks in and near the viewport now (the promise resolves when
   * they have it), the others as they come within a screen of view, as the annotator defers its marks.
   * Where there is no IntersectionObserver (tests under jsdom), everything at once.
   */
  attach(root: Node, options: PinyinLayerOptions): Promise<void> {
    const generation = ++this.generation;
    this.roots.add(root);
    this.running = this.running.then(() => this.start(root, options, generation)).catch((err: unknown) => console.warn('Yidu: pinyin failed', err));
    return this.running;
  }

  /** Removes every ruby, restoring the DOM as it was; resolves when it is done. */
  async detach(quietly?: <T>(write: () => T) => T): Promise<void> {
    this.generation++;
    this.nearness?.disconnect();
    this.nearness = undefined;
    this.waiting = new Map();
    await this.running;
    const ledger = this.ledger;
    this.ledger = newLedger();
    const roots = [...this.roots];
    this.roots.clear();
    // In slices: ruby over every word of a long page is tens of thousands of elements. What is on
    // screen goes first, as for the marks (PageAnnotator.detach).
    const write = quietly ?? (<T>(work: () => T) => work());
    write(() => roots.forEach((root) => unwrapWrappers(wrappersOnScreen(root, `ruby[${RUBY_ATTR}]`))));
    await unwrapPaced(ledger, { write });
  }

  get active(): boolean {
    return this.ledger.wrapped > 0 || this.waiting.size > 0;
  }

  private async start(root: Node, options: PinyinLayerOptions, generation: number): Promise<void> {
    const collectStart = performance.now();
    let runs = collectRuns(root, undefined, ENTER_MARKS);
    if (options.mode === 'jargon') runs = runs.filter((run) => markedSpans(run).length > 0);
    const collected = performance.now() - collectStart;
    if (typeof IntersectionObserver === 'undefined') return this.process(runs, options, generation, collected);
    for (const run of runs) {
      const block = blockOf(run.nodes[0]!);
      const list = this.waiting.get(block);
      if (list) list.push(run);
      else this.waiting.set(block, [run]);
    }
    // The observer's first report covers every block (no layout is forced here); later ones, those that near.
    await new Promise<void>((firstReport) => {
      let first = true;
      const observer = new IntersectionObserver(
        (entries) => {
          const near: TextRun[] = [];
          for (const entry of entries) {
            if (!entry.isIntersecting) continue;
            observer.unobserve(entry.target);
            near.push(...(this.waiting.get(entry.target) ?? []));
            this.waiting.delete(entry.target);
          }
          const pass = this.process(near, options, generation, first ? collected : 0);
          this.running = this.running.then(() => pass);
          if (first) void pass.then(firstReport);
          first = false;
        },
        { rootMargin: '100% 0px' },
      );
      this.nearness = observer;
      for (const block of this.waiting.keys()) observer.observe(block);
      if (this.waiting.size === 0) firstReport();
    });
  }

  /** Reads `runs` from the background in batches (one request ahead) and wraps them in slices. */
  private async process(runs: TextRun[], options: PinyinLayerOptions, generation: number, collected: number): Promise<void> {
    if (!runs.length || generation !== this.generation) return;
    const quietly = options.quietly ?? (<T>(write: () => T) => write());
    const sliceMs = options.sliceMs ?? 8;
    const passStart = performance.now();
    const stats = { busy: collected, longest: collected, rubies: 0, waited: 0, runs: runs.length };
    const groups = batches(runs);
    let pending: Promise<PinyinWord[][]> | undefined = options.read(groups[0]!.map((r) => r.text));
    for (let g = 0; g < groups.length; g++) {
      const asked = performance.now();
      const answer = await pending!;
      stats.waited += performance.now() - asked;
      if (generation !== this.generation) return;
      pending = g + 1 < groups.length ? options.read(groups[g + 1]!.map((r) => r.text)) : undefined;
      const batch = groups[g]!;
      for (let i = 0; i < batch.length; ) {
        const start = performance.now();
        const rubiesBefore = stats.rubies;
        quietly(() => {
          while (i < batch.length && performance.now() - start < sliceMs && stats.rubies - rubiesBefore < RUBIES_PER_SLICE) {
            const run = batch[i]!;
            const words = answer[i++] ?? [];
            // The page changed this text since it was read: leave it without pinyin.
            if (!isIntact(run)) continue;
            const { readings, words: spans } = layOut(run.text, words);
            stats.rubies += wrapRuby(run, options.mode === 'jargon' ? markedSpans(run) : spans, readings, options.colours, this.ledger);
          }
        });
        const took = performance.now() - start;
        stats.busy += took;
        stats.longest = Math.max(stats.longest, took);
        if (i < batch.length) await (stats.rubies - rubiesBefore >= RUBIES_PER_SLICE ? afterNextFrame() : yieldToPage());
        if (generation !== this.generation) return;
      }
    }
    // A user-timing entry per pass (DevTools, and `npm run bench`), waits for the background included.
    performance.measure?.('yidu:pinyin', { start: passStart, end: performance.now(), detail: stats });
  }
}
