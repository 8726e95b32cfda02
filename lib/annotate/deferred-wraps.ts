/**
 * The annotator's matched runs whose wrapping waits until they near the viewport (lib/annotate/annotator.ts).
 * Runs lying close together are kept in chunks, wrapped together when either end nears the viewport:
 * a few hundred observed elements instead of one per paragraph, which on a 200,000-element page made
 * the IntersectionObserver's first report a long task. A chunk spans little of the page (CHUNK_BLOCKS
 * blocks and CHUNK_CHARS characters of the walk, the runs with nothing to wrap between its own
 * included) next to the 4 screens of the near zone, so a visible part always has an end within it.
 * Where the walk's places do not tell (runs from different walks, runs matched again on their own),
 * a run is a chunk of its own.
 * This file keeps the bookkeeping only: what wrapping, counting and glossing mean is the annotator's.
 */
import { isWithin, type TextRun } from './blocks';
import type { MarkSpan } from './wrap';

/** A matched run whose wrapping waits until it nears the viewport. */
export interface DeferredRun {
  run: TextRun;
  spans: MarkSpan[];
  firstOccurrence: number;
  glossed: Set<MarkSpan>;
}

interface Chunk {
  jobs: DeferredRun[];
  ends: Element[];
}

/**
 * How much of the walk a chunk may span, from its first run's start to its last run's end. Counted
 * in runs with something to wrap, as before, a chunk reached across 160 rows of a table-like page
 * whose every tenth row held a term: reading its middle, neither end was near and nothing was marked.
 */
const CHUNK_CHARS = 1_000;
const CHUNK_BLOCKS = 16;

export class DeferredWraps {
  /** Each chunk under both of its end elements (the ones observed). */
  private readonly byEnd = new Map<Element, Chunk>();
  private open: Chunk | undefined;
  private nearness: IntersectionObserver | undefined;

  /** `onNear` gets the observed ends that came within 1.5 screens of view; hand them to take(). */
  constructor(private readonly onNear: (ends: Element[]) => void) {}

  /**
   * Adds a run to the open chunk, or to a new one when it lies too far from the open one's start;
   * `alone`: a chunk of its own (as when nothing tells where it lies).
   */
  add(job: DeferredRun, alone = !job.run.place): void {
    if (this.open && (alone || !isWithin(this.open.jobs[0]!.run, job.run, CHUNK_BLOCKS, CHUNK_CHARS))) this.close();
    const chunk = (this.open ??= { jobs: [], ends: [] });
    chunk.jobs.push(job);
    if (alone) this.close();
  }

  /**
   * Takes out the chunks left with no end in the page (the page took their end elements out): none
   * would ever be reported near. Their runs, in order: the caller watches those still in the page anew.
   */
  orphans(): DeferredRun[] {
    const jobs: DeferredRun[] = [];
    // Deleting the entry being visited is safe in a Map's iteration: no copy of every chunk's ends.
    for (const [end, chunk] of this.byEnd) {
      if (end.isConnected) continue;
      this.byEnd.delete(end);
      this.nearness?.unobserve(end);
      chunk.ends = chunk.ends.filter((other) => other !== end);
      if (!chunk.ends.length) jobs.push(...chunk.jobs.splice(0));
    }
    return jobs;
  }

  /** Starts watching the open chunk's two ends for nearing the viewport. */
  close(): void {
    const chunk = this.open;
    if (!chunk) return;
    this.open = undefined;
    this.nearness ??= new IntersectionObserver((entries) => {
      const near = entries.filter((e) => e.isIntersecting).map((e) => e.target);
      if (near.length) this.onNear(near);
    }, { rootMargin: '150% 0px' });
    const ends = [...new Set([chunk.jobs[0]!.run.nodes[0]!.parentElement!, chunk.jobs.at(-1)!.run.nodes[0]!.parentElement!])];
    // An element that already ends a chunk (runs of one parent): the two chunks become one.
    const target = ends.map((end) => this.byEnd.get(end)).find((c) => c !== undefined) ?? chunk;
    if (target !== chunk) target.jobs.push(...chunk.jobs);
    for (const end of ends) {
      const other = this.byEnd.get(end);
      if (other === target) continue;
      if (!other) {
        this.nearness.observe(end);
        this.byEnd.set(end, target);
        target.ends.push(end);
        continue;
      }
      // Another chunk joins too, with all its ends: its runs are still taken when its far end nears.
      target.jobs.push(...other.jobs.splice(0));
      for (const otherEnd of other.ends.splice(0)) {
        this.byEnd.set(otherEnd, target);
        target.ends.push(otherEnd);
      }
    }
  }

  /** Takes out (and stops watching) the chunks these ends belong to; their runs, in order. */
  take(ends: Iterable<Element>): DeferredRun[] {
    this.close();
    const jobs: DeferredRun[] = [];
    for (const end of ends) {
      const chunk = this.byEnd.get(end);
      if (!chunk) continue;
      for (const other of chunk.ends) {
        this.byEnd.delete(other);
        this.nearness?.unobserve(other);
      }
      jobs.push(...chunk.jobs.splice(0));
    }
    return jobs;
  }

  /** Every observed end: take(allEnds()) takes every deferred run. */
  allEnds(): Element[] {
    return [...this.byEnd.keys()];
  }

  /** Removes the runs `drop` says to, from every chunk (closed or open). */
  remove(drop: (job: DeferredRun) => boolean): void {
    for (const chunk of new Set([...this.byEnd.values(), ...(this.open ? [this.open] : [])])) chunk.jobs = chunk.jobs.filter((job) => !drop(job));
  }

  /** Runs waiting, for the annotator's performance measure. */
  get runCount(): number {
    return [...new Set(this.byEnd.values())].reduce((n, chunk) => n + chunk.jobs.length, 0);
  }

  /** Forgets every deferred run (never wrapped: nothing of them to undo) and stops watching. */
  clear(): void {
    this.nearness?.disconnect();
    this.nearness = undefined;
    this.byEnd.clear();
    this.open = undefined;
  }
}
