/**
 * The pinyin mode in a live page (and the reader's article): reads each block's words and readings
 * from `read` (the background's jieba and dictionary, by message), nearest the viewport first, and
 * puts <ruby> over them in slices of a few milliseconds, so a long article never blocks the page.
 * Always the outermost layer: it reads the text inside Yidu's marks, and the annotator is told to
 * ignore its writes (`quietly`).
 */
import { collectRuns, type TextRun } from './blocks';
import { nearestFirst } from './annotator';
import { layOut, markedSpans, wrapRuby, type PinyinWord, type ToneColours } from './pinyin-ruby';
import { newLedger, unwrapAll, type MarkLedger } from './wrap';
import { MARK_TAG } from '../dom-names';

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

const yieldToPage = (): Promise<void> => {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (scheduler?.yield) return scheduler.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
};

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

const intact = (run: TextRun) => run.nodes.every((n) => n.isConnected) && run.text === run.nodes.map((n) => n.data).join('');

export class PinyinLayer {
  private ledger: MarkLedger = newLedger();
  private running: Promise<void> = Promise.resolve();
  private generation = 0;
  /** Main-thread time of the last pass (our slices only) and its longest slice, for the benchmark. */
  readonly stats = { busy: 0, longest: 0, rubies: 0 };

  /** Puts pinyin over `root`'s text; resolves when every block has it. */
  attach(root: Node, options: PinyinLayerOptions): Promise<void> {
    const generation = ++this.generation;
    this.running = this.running.then(() => this.run(root, options, generation)).catch((err: unknown) => console.warn('Yidu: pinyin failed', err));
    return this.running;
  }

  /** Removes every ruby, restoring the DOM as it was; resolves when it is done. */
  async detach(quietly?: <T>(write: () => T) => T): Promise<void> {
    this.generation++;
    await this.running;
    const ledger = this.ledger;
    this.ledger = newLedger();
    (quietly ?? ((write) => write()))(() => unwrapAll(ledger));
  }

  get active(): boolean {
    return this.ledger.marks.length > 0;
  }

  private async run(root: Node, options: PinyinLayerOptions, generation: number): Promise<void> {
    const quietly = options.quietly ?? (<T>(write: () => T) => write());
    const sliceMs = options.sliceMs ?? 8;
    const stats = this.stats;
    stats.busy = stats.longest = stats.rubies = 0;
    const timed = <T>(work: () => T): T => {
      const start = performance.now();
      try {
        return work();
      } finally {
        const took = performance.now() - start;
        stats.busy += took;
        stats.longest = Math.max(stats.longest, took);
      }
    };
    const groups = timed(() => {
      let runs = collectRuns(root, undefined, ENTER_MARKS);
      if (options.mode === 'jargon') runs = runs.filter((run) => markedSpans(run).length > 0);
      return batches(nearestFirst(runs).ordered);
    });
    // One request ahead: the background reads the next batch while this one is wrapped.
    let pending = groups.length ? options.read(groups[0]!.map((r) => r.text)) : undefined;
    for (let g = 0; g < groups.length; g++) {
      const answer = await pending!;
      if (generation !== this.generation) return;
      pending = g + 1 < groups.length ? options.read(groups[g + 1]!.map((r) => r.text)) : undefined;
      const runs = groups[g]!;
      for (let i = 0; i < runs.length; ) {
        timed(() =>
          quietly(() => {
            const start = performance.now();
            while (i < runs.length && performance.now() - start < sliceMs) {
              const run = runs[i]!;
              const words = answer[i++] ?? [];
              // The page changed this text since it was read: leave it without pinyin.
              if (!intact(run)) continue;
              const { readings, words: spans } = layOut(run.text, words);
              stats.rubies += wrapRuby(run, options.mode === 'jargon' ? markedSpans(run) : spans, readings, options.colours, this.ledger);
            }
          }),
        );
        if (i < runs.length) await yieldToPage();
        if (generation !== this.generation) return;
      }
    }
    performance.measure?.('yidu:pinyin', { detail: { ...stats } });
  }
}
