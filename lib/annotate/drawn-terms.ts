/**
 * A huge page's drawn terms (./drawn-marks.ts) made real marks when the reader reaches for one: the
 * term under the pointer, the runs on screen for keyboard stepping, an entry's occurrences one at a
 * time for a card's "occurrence k of N". Also the runs whose text the page changed under their drawn
 * marks, taken back to be matched again. Cards and focus work on elements, as everywhere else; the
 * wrapping, counting and re-matching are the annotator's (./annotator.ts), through DrawnTermsHost.
 */
import { isIntact } from './blocks';
import { MARK_TAG, OCCURRENCE_ATTR } from '../dom-names';
import type { DeferredRun } from './deferred-wraps';
import type { DrawnMarks } from './drawn-marks';
import { spanStart } from './run-positions';
import { caretAt } from '../lookup/text-at-point';
import { rectOf } from '../safe-dom';
import type { DrawnOccurrence } from './occurrences';
import type { MarkSpan, WrappedSpan } from './wrap';

/** What the annotator lends its drawn terms. */
export interface DrawnTermsHost {
  /** Wraps a matched run's terms into marks now (the annotator's own wrapping). */
  wrap(job: DeferredRun): WrappedSpan[];
  /** Runs DOM writes without the annotator's observer taking them for the page's. */
  quietly<T>(write: () => T): T;
  uncount(ids: string[]): void;
  /** Matches the text under these elements again, in a pass of its own now. */
  matchAgain(elements: Element[]): void;
  /** Leaves this node's text for the observer's next pass. */
  matchLater(node: Node): void;
  /** The counts changed. */
  updated(): void;
}

export class DrawnTerms {
  constructor(
    private readonly marks: DrawnMarks,
    /** The document the marks are drawn over. */
    private readonly doc: Document,
    private readonly host: DrawnTermsHost,
  ) {}

  /** The drawn term at viewport point (x, y), if any (the same object while the pointer stays on it). */
  termAt(x: number, y: number): MarkSpan | undefined {
    return this.hit(x, y)?.span;
  }

  /**
   * The drawn term at viewport point (x, y), wrapped (with the rest of its run) into marks: the first
   * piece of its occurrence, for the card. Undefined when no drawn term is there.
   */
  materializeAt(x: number, y: number): Element | undefined {
    const hit = this.hit(x, y);
    return hit && this.materializeSpan(hit.job, hit.span);
  }

  /**
   * Wraps drawn runs into marks: those on and near the screen (keyboard stepping visits elements), or
   * all of them (the pinyin layer splits the text under them).
   */
  materializeDrawn(inViewOnly: boolean): void {
    this.materialize(inViewOnly ? jobsInView(this.marks, this.doc) : this.marks.jobsWhere(() => true));
  }

  /** Drawn runs whose text the page changed: uncounted, undrawn, their connected nodes matched again in a pass. */
  takeBack(jobs: DeferredRun[]): void {
    if (!jobs.length) return;
    this.marks.take(jobs);
    for (const job of jobs) {
      this.host.uncount(job.spans.map((span) => span.id));
      for (const node of job.run.nodes) if (node.isConnected) this.host.matchLater(node.parentNode ?? node);
    }
    this.host.updated();
  }

  /** The drawn occurrences of entry `id`, each made a mark (its whole run wrapped) only when visited. */
  occurrences(id: string): DrawnOccurrence[] {
    return this.marks.jobsOf(id).flatMap((job) =>
      job.spans.flatMap((span, i) => {
        if (span.id !== id) return [];
        const { node, offset } = spanStart(job, span);
        const make = (): Element | undefined => {
          if (this.marks.jobOf(job.run.nodes[0]!) === job) return this.materializeSpan(job, span);
          // Wrapped since (another occurrence of its run was visited): its mark has the occurrence's number.
          return node.ownerDocument.querySelector(`${MARK_TAG}[${OCCURRENCE_ATTR}="${job.firstOccurrence + i}"]`) ?? undefined;
        };
        return [{ node, offset, make }];
      }),
    );
  }

  private hit(x: number, y: number): ReturnType<DrawnMarks['hitAt']> {
    return this.marks.hitAt(this.doc, x, y);
  }

  /** Wraps drawn run `job` into marks; the first piece of its occurrence `span`. */
  private materializeSpan(job: DeferredRun, span: MarkSpan): Element | undefined {
    return this.materialize([job]).find((w) => w.span === span)?.first;
  }

  /** Wraps drawn runs into marks (the page changed the text of some: matched again); what was wrapped. */
  private materialize(jobs: DeferredRun[]): WrappedSpan[] {
    if (!jobs.length) return [];
    this.marks.take(jobs);
    const stale: Element[] = [];
    const wrapped = this.host.quietly(() =>
      jobs.flatMap((job) => {
        if (isIntact(job.run)) return this.host.wrap(job);
        this.host.uncount(job.spans.map((span) => span.id));
        const parent = job.run.nodes.find((n) => n.isConnected)?.parentElement;
        if (parent) stale.push(parent);
        return [];
      }),
    );
    if (stale.length) this.host.matchAgain(stale);
    return wrapped;
  }
}

/**
 * The drawn runs from the top of the viewport to two screens below it, in document order: what
 * keyboard stepping between terms needs as marks. Read from the text at the viewport's top down,
 * so only what is on or near the screen is looked at, however long the page.
 */
function jobsInView(marks: DrawnMarks, doc: Document): DeferredRun[] {
  const win = doc.defaultView;
  if (!doc.body || !win) return [];
  let start: Text | undefined;
  for (let y = 1; !start && y < win.innerHeight; y += 24) start = textNodeAt(doc, win.innerWidth / 2, y) ?? textNodeAt(doc, 8, y);
  const walker = doc.createTreeWalker(doc.body, 4 /* NodeFilter.SHOW_TEXT */);
  if (start) walker.currentNode = start;
  const jobs = new Set<DeferredRun>();
  const bottom = win.innerHeight * 3;
  let seen = 0;
  for (let node: Node | null = start ?? walker.nextNode(); node && seen < 20_000; node = walker.nextNode(), seen++) {
    const job = marks.jobOf(node as Text);
    if (!job) continue;
    jobs.add(job);
    const parent = node.parentElement;
    if (jobs.size % 16 === 0 && parent && rectOf(parent).top > bottom) break;
  }
  return [...jobs];
}

/** The text node of the caret position nearest a viewport point, if it is in text. */
function textNodeAt(doc: Document, x: number, y: number): Text | undefined {
  const caret = caretAt(doc, x, y);
  return caret?.node.nodeType === 3 ? (caret.node as Text) : undefined;
}
