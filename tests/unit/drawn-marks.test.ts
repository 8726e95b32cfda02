// @vitest-environment jsdom
/**
 * Marks drawn over the text (lib/annotate/drawn-marks.ts), with the browser's highlight registry,
 * IntersectionObserver and text geometry stood in for (jsdom has none of them): which ranges are drawn,
 * when a group is shown, how a point in the text finds its term, and which runs are boxes in the overlay
 * (lib/annotate/mark-overlay.ts) rather than highlights. The real browser: tests/e2e/drawn-marks.test.ts.
 *
 * The first tests put their text in a scrolling box, whose runs are drawn in the highlights: what they
 * check is the same for both.
 */
import { beforeEach, describe, expect, it, onTestFinished, vi } from 'vitest';
import { collectRuns, type TextRun } from '@/lib/annotate/blocks';
import { canDrawMarks, DrawnMarks } from '@/lib/annotate/drawn-marks';
import { isHugePage } from '@/lib/annotate/huge-page';
import { prepareMarkLayer } from '@/lib/annotate/mark-layer';
import type { DeferredRun } from '@/lib/annotate/deferred-wraps';
import { Matcher } from '@/lib/matcher/matcher';
import { PageAnnotator } from '@/lib/annotate/annotator';
import { compileGuards, GuardedFinder } from '@/lib/glossary/guards';
import { fakeIntersectionObserver, type Observed } from './fake-intersection-observer';

const matcher = new Matcher([
  { id: 'five-water-co-governance', surfaces: ['五水共治'] },
  { id: 'yixinou-railway', surfaces: ['义新欧', '义新欧班列'] },
]);

class FakeHighlight extends Set<AbstractRange> {}
let observed: Observed;
/** How far every text is moved down from where its parent's data-top says (a reflow above it). */
let shift = 0;

/**
 * Text geometry as a browser would give it: a range is one line box 20 px high at its parent's
 * data-top (+ shift), 10 px a character from its start offset; elements are where data-box says.
 */
Range.prototype.getClientRects = function (this: Range) {
  const top = Number(this.startContainer.parentElement?.dataset.top ?? 0) + shift;
  const left = this.startOffset * 10;
  return [new DOMRect(left, top, 40, 20)] as unknown as DOMRectList;
};
Element.prototype.getBoundingClientRect = function (this: Element) {
  if (this.localName === 'yidu-overlay') return new DOMRect(0, -100, 0, 0); // the page scrolled down 100 px
  const [x, y, w, h] = ((this as HTMLElement).dataset?.box ?? '0,0,0,0').split(',').map(Number);
  return new DOMRect(x, y, w, h);
};

/**
 * The boxes in the overlay: term id, left, top and width of what shows of each (a box of one size,
 * moved by its transform and cut by its clip-path). The layer changes at the end of a task.
 */
const boxes = async () => (await Promise.resolve(), boxesNow());
const boxesNow = () =>
  [...(document.querySelector('yidu-overlay')?.shadowRoot?.querySelectorAll<HTMLElement>('[data-yidu-term]') ?? [])].map((b) => {
    const [x, y] = /translate\(([-\d.]+)px, ?([-\d.]+)px\)/.exec(b.style.transform)!.slice(1).map(Number);
    const [cutTop, cutRight] = /inset\(([\d.]+)px ([\d.]+)px/.exec(b.style.clipPath)!.slice(1).map(Number);
    return `${b.dataset.yiduTerm}@${x},${y! + cutTop!}+${parseFloat(b.style.width) - cutRight!}`;
  });

beforeEach(() => {
  observed = fakeIntersectionObserver();
  shift = 0;
  document.querySelector('yidu-overlay')?.remove();
  const w = window as unknown as Record<string, unknown>;
  w.Highlight = FakeHighlight;
  Object.defineProperty(window, 'CSS', { value: { highlights: new Map() }, configurable: true });
});

/** Tells the observer of `el` that it is (or is not) near the viewport; changes are applied at most every 250 ms. */
async function nearness(el: Element, near: boolean) {
  observed.get(el)!([{ target: el, isIntersecting: near } as IntersectionObserverEntry]);
  await new Promise((r) => setTimeout(r, 260));
}

function jobsOf(root: Element): DeferredRun[] {
  let occurrence = 1;
  return collectRuns(root).flatMap((run: TextRun) => {
    const spans = matcher.find(run.text);
    if (!spans.length) return [];
    const job = { run, spans, firstOccurrence: occurrence, glossed: new Set() } as DeferredRun;
    occurrence += spans.length;
    return [job];
  });
}

/** Counts the StaticRange objects made from now until the test ends. */
function countStaticRanges(): { made: () => number } {
  const Original = window.StaticRange;
  let made = 0;
  window.StaticRange = class extends Original {
    constructor(init: StaticRangeInit) {
      super(init);
      made++;
    }
  };
  onTestFinished(() => void (window.StaticRange = Original));
  return { made: () => made };
}

const drawnText = () =>
  [...((CSS.highlights as unknown as Map<string, FakeHighlight>).get('yidu-term') ?? [])].map((r) => {
    const range = document.createRange();
    range.setStart(r.startContainer, r.startOffset);
    range.setEnd(r.endContainer, r.endOffset);
    return range.toString();
  });

describe('drawn marks', () => {
  it('draws one range per term, across inline tags, and finds the term at a point of its text', () => {
    document.body.innerHTML = '<div style="overflow: auto"><p id="a">推进五水共治，开行<b>义新</b>欧班列。</p></div>';
    expect(canDrawMarks(window)).toBe(true);
    const marks = new DrawnMarks(window as Window & typeof globalThis);
    const [job] = jobsOf(document.body);
    const ranges = countStaticRanges();
    marks.add(job!, true);
    expect(drawnText()).toEqual(['五水共治', '义新欧班列']);
    expect(ranges.made()).toBe(2);
    const first = document.querySelector('#a')!.firstChild as Text;
    expect(marks.at({ node: first, index: 3 })?.span.id).toBe('five-water-co-governance');
    expect(marks.at({ node: first, index: 0 })).toBeUndefined();
    const inBold = document.querySelector('b')!.firstChild as Text;
    expect(marks.at({ node: inBold, index: 1 })?.span.id).toBe('yixinou-railway');
    expect(marks.has(inBold)).toBe(true);
    expect(marks.jobsOf('yixinou-railway')).toEqual([job]);
  });

  it('keeps a group in the highlights only while one of its ends is near the viewport', async () => {
    document.body.innerHTML = '<div style="overflow: auto"><p id="a">五水共治</p><p id="b">一段文字</p><p id="c">义新欧</p></div>';
    const marks = new DrawnMarks(window as Window & typeof globalThis);
    for (const job of jobsOf(document.body)) marks.add(job, false);
    expect(drawnText()).toEqual([]); // far off until the observer says otherwise
    marks.close();
    const [a, c] = ['#a', '#c'].map((s) => document.querySelector(s)!);
    expect([...observed.keys()]).toEqual([a, c]);
    await nearness(c!, true);
    expect(drawnText().sort()).toEqual(['义新欧', '五水共治'].sort());
    await nearness(a!, false);
    expect(drawnText()).toHaveLength(2); // the other end is still near
    await nearness(c!, false);
    expect(drawnText()).toEqual([]);
    expect(marks.size).toBe(2); // still known: drawn again as it nears
  });

  it('ends a group at 4,000 characters, or sooner once its runs are two screens below its first', () => {
    /** Ten paragraphs of 500 characters, `gap` px apart, drawn and grouped: the indices of the observed ends. */
    const observedEnds = (gap: number) => {
      const para = (top: number) => `<p data-box="0,${top},800,20">${'五水共治，'.repeat(100)}</p>`;
      document.body.innerHTML = `<div style="overflow: auto">${Array.from({ length: 10 }, (_, i) => para(i * gap)).join('')}</div>`;
      const marks = new DrawnMarks(window as Window & typeof globalThis);
      for (const job of jobsOf(document.body)) marks.add(job, false);
      marks.close();
      const paras = [...document.querySelectorAll('p')];
      const ends = [...observed.keys()].map((end) => paras.indexOf(end as HTMLParagraphElement));
      marks.clear();
      return ends;
    };
    // Short paragraphs: one group of 8 (4,000 characters), one of 2; each end observed.
    expect(observedEnds(30)).toEqual([0, 7, 8, 9]);
    // Paragraphs 400 px apart in a 768 px window: looked at every 1,000 characters, a group ends at the
    // first look 1,536 px or more below its first run: the 6th paragraph, 2,000 px down (the look
    // before, at the 4th, found 1,200).
    expect(window.innerHeight).toBe(768);
    expect(observedEnds(400)).toEqual([0, 5, 6, 9]);
  });

  it('ends a group of sparse runs before it reaches past the near zone: every row has an observed end within 1.5 screens', () => {
    // Rows 20 px high, a term every tenth: the runs with terms hold few characters, the rows between
    // them many blocks. Looked at only by the characters of its own runs, a group reached over 400 rows.
    document.body.innerHTML = `<div style="overflow: auto">${Array.from({ length: 1_000 }, (_, i) => `<div data-box="0,${i * 20},800,20"><span data-box="0,${i * 20},800,20">第${i}行</span><b>${i % 10 === 0 ? '五水共治' : '链接'}</b></div>`).join('')}</div>`;
    const marks = new DrawnMarks(window as Window & typeof globalThis);
    const jobs = jobsOf(document.body);
    for (const job of jobs) marks.add(job, false);
    marks.close();
    const topOf = (el: Element) => Number((el as HTMLElement).dataset.box!.split(',')[1]);
    const ends = [...observed.keys()].map(topOf);
    const margin = 1.5 * window.innerHeight;
    const farthest = Math.max(...jobs.map((job) => Math.min(...ends.map((end) => Math.abs(end - topOf(job.run.nodes[0]!.parentElement!))))));
    expect(farthest).toBeLessThan(margin);
    marks.clear();
  });

  it('shows a change in slices, and puts their boxes into the layer together after the last', async () => {
    document.body.innerHTML = ['<p data-top="10">五水共治</p>', '<p data-top="40">义新欧</p>', '<p data-top="70">五水共治</p>'].join('');
    const marks = new DrawnMarks(window as Window & typeof globalThis);
    for (const job of jobsOf(document.body)) {
      marks.add(job, false);
      marks.close(); // a group each
    }
    const ends = [...observed.keys()];
    expect(ends).toHaveLength(3);
    prepareMarkLayer(document);
    // Its boxes are ready (the reserve): showing marks changes their attributes and styles.
    const changes: number[] = [];
    new MutationObserver((records) => changes.push(records.length)).observe(document.querySelector('yidu-overlay')!.shadowRoot!, { childList: true, subtree: true, attributes: true });
    // Each group's text takes 20 ms to measure: more than a slice.
    let clock = 0;
    const now = vi.spyOn(performance, 'now').mockImplementation(() => (clock += 20));
    const slices = vi.spyOn(window, 'setTimeout');
    observed.get(ends[0]!)!(ends.map((target) => ({ target, isIntersecting: true }) as IntersectionObserverEntry));
    await new Promise((r) => setTimeout(r, 400));
    now.mockRestore();
    expect(slices.mock.calls.filter(([, ms]) => ms === 0)).toHaveLength(3); // the change at once, in three slices
    slices.mockRestore();
    expect(await boxes()).toHaveLength(3);
    expect(changes).toHaveLength(1); // one change of the layer
    marks.clear();
  });

  it('cuts a slice inside a group too, and draws no run taken back meanwhile', async () => {
    document.body.innerHTML = ['<p data-top="10">五水共治</p>', '<p data-top="40">义新欧</p>', '<p data-top="70">五水共治</p>'].join('');
    const marks = new DrawnMarks(window as Window & typeof globalThis);
    const jobs = jobsOf(document.body);
    for (const job of jobs) marks.add(job, false);
    marks.close(); // one group of three runs
    const ends = [...observed.keys()];
    let clock = 0;
    const now = vi.spyOn(performance, 'now').mockImplementation(() => (clock += 20));
    const slices = vi.spyOn(window, 'setTimeout');
    observed.get(ends[0]!)!([{ target: ends[0]!, isIntersecting: true } as IntersectionObserverEntry]);
    await new Promise((r) => setTimeout(r, 0)); // the first slice: one run
    marks.take([jobs[2]!]); // the page rewrote the last run's text before its turn
    await new Promise((r) => setTimeout(r, 400));
    now.mockRestore();
    expect(slices.mock.calls.filter(([, ms]) => ms === 0).length).toBeGreaterThanOrEqual(2);
    slices.mockRestore();
    expect((await boxes()).sort()).toEqual(['five-water-co-governance@0,110+40', 'yixinou-railway@0,140+40']);
    marks.clear();
  });

  it('forgets a run taken back, and everything on clear', () => {
    document.body.innerHTML = '<div style="overflow: auto"><p>五水共治</p><p>义新欧</p></div>';
    const marks = new DrawnMarks(window as Window & typeof globalThis);
    const jobs = jobsOf(document.body);
    for (const job of jobs) marks.add(job, true);
    marks.close();
    marks.take([jobs[0]!]);
    expect(drawnText()).toEqual(['义新欧']);
    expect(marks.has(jobs[0]!.run.nodes[0]!)).toBe(false);
    marks.clear();
    expect((CSS.highlights as unknown as Map<string, unknown>).size).toBe(0);
    expect(marks.size).toBe(0);
    expect(observed.size).toBe(0);
  });

  it('draws a run whose text moves with the document as boxes over its terms, in one layer on <html>', async () => {
    document.body.innerHTML = '<p data-top="30">推进五水共治，开行<b data-top="30">义新</b>欧班列。</p>';
    const marks = new DrawnMarks(window as Window & typeof globalThis);
    const [job] = jobsOf(document.body);
    const ranges = countStaticRanges();
    marks.add(job!, true);
    // Placed against the layer, which sits at the document's top (100 px above the viewport's here).
    expect(await boxes()).toEqual(['five-water-co-governance@20,130+40', 'yixinou-railway@0,130+40']);
    expect(drawnText()).toEqual([]);
    expect(ranges.made()).toBe(0); // boxes need no range objects of the page's heap
    expect(document.documentElement.lastElementChild?.localName).toBe('yidu-overlay');
    expect(marks.at({ node: document.querySelector('p')!.firstChild as Text, index: 3 })?.span.id).toBe('five-water-co-governance');
    marks.take([job!]);
    expect(await boxes()).toEqual([]);
    document.querySelector('yidu-overlay')!.remove(); // a page rebuilding what <html> holds
    marks.add(job!, true);
    expect(await boxes()).toHaveLength(2); // the layer went back
    marks.clear();
    // Emptied, and left in the page: taking it out of a huge page would lay the whole page out again.
    expect(await boxes()).toEqual([]);
    expect(document.querySelector('yidu-overlay')?.shadowRoot?.childElementCount).toBe(0);
  });

  it('uses its boxes again: marks drawn anew put no element into the layer and take none out', async () => {
    document.body.innerHTML = '<p data-top="30">推进五水共治，开行<b data-top="30">义新</b>欧班列。</p>';
    const marks = new DrawnMarks(window as Window & typeof globalThis);
    const [job] = jobsOf(document.body);
    marks.add(job!, true);
    expect(await boxes()).toHaveLength(2);
    const layer = document.querySelector('yidu-overlay')!.shadowRoot!;
    const kept = [...layer.children];
    const changed: MutationRecord[] = [];
    new MutationObserver((records) => changed.push(...records)).observe(layer, { childList: true });
    marks.take([job!]);
    expect(await boxes()).toEqual([]);
    expect(kept.map((box) => (box as HTMLElement).style.visibility)).toEqual(kept.map(() => 'hidden'));
    marks.add(job!, true);
    expect((await boxes()).sort()).toEqual(['five-water-co-governance@20,130+40', 'yixinou-railway@0,130+40']);
    await Promise.resolve();
    expect(changed).toEqual([]);
    expect([...layer.children]).toEqual(kept);
    marks.clear();
  });

  it('grows its pool of boxes ahead, to three times those shown, so that drawing more puts no box in', async () => {
    document.body.innerHTML = ['<p data-top="30">推进五水共治。</p>', '<p data-top="60">义新欧班列，五水共治。</p>', '<p data-top="90">五水共治，五水共治，义新欧。</p>'].join('');
    const marks = new DrawnMarks(window as Window & typeof globalThis);
    const [first, second, third] = jobsOf(document.body);
    marks.add(first!, true);
    expect(await boxes()).toHaveLength(1);
    const layer = document.querySelector('yidu-overlay')!.shadowRoot!;
    expect(layer.childElementCount).toBe(3); // 1 shown, 2 ready
    const added: number[] = [];
    new MutationObserver((records) => records.forEach((r) => added.push(r.addedNodes.length))).observe(layer, { childList: true });
    marks.add(second!, true);
    expect(await boxes()).toHaveLength(3);
    await Promise.resolve();
    expect(added).toEqual([]);
    marks.add(third!, true); // 6 shown: the pool grows once more, to 18
    expect(await boxes()).toHaveLength(6);
    await Promise.resolve();
    expect(added).toEqual([15]);
    expect(layer.childElementCount).toBe(18);
    marks.clear();
  });

  it('reads one computed style an element for its boxes, and none when the run is shown again', async () => {
    document.body.innerHTML = '<p data-top="30">推进五水共治，开行<b data-top="30">义新</b>欧班列。</p>';
    const marks = new DrawnMarks(window as Window & typeof globalThis);
    const [job] = jobsOf(document.body);
    const styled = vi.spyOn(window, 'getComputedStyle');
    marks.add(job!, true);
    expect(await boxes()).toHaveLength(2);
    // <p>, <b> and their ancestors up to <html>: each once.
    expect(styled.mock.calls.map(([el]) => el.localName).sort()).toEqual(['b', 'body', 'html', 'p']);
    marks.take([job!]);
    styled.mockClear();
    marks.add(job!, true);
    expect(await boxes()).toHaveLength(2);
    expect(styled).not.toHaveBeenCalled();
    styled.mockRestore();
    marks.clear();
  });

  it('takes over the layer put in before the page\'s first frame, and the one a cleared overlay left', async () => {
    document.body.innerHTML = '<p data-top="30">推进五水共治。</p>';
    prepareMarkLayer(document);
    prepareMarkLayer(document); // once per document
    const layer = document.querySelector('yidu-overlay');
    expect(document.querySelectorAll('yidu-overlay')).toHaveLength(1);
    // With boxes ready, laid out with the page's first layout: the first marks put none in.
    const reserve = [...layer!.shadowRoot!.children] as HTMLElement[];
    expect(reserve.length).toBeGreaterThan(100);
    expect(reserve.every((box) => box.style.visibility === 'hidden')).toBe(true);
    const marks = new DrawnMarks(window as Window & typeof globalThis);
    marks.add(jobsOf(document.body)[0]!, true);
    expect(await boxes()).toEqual(['five-water-co-governance@20,130+40']);
    expect([...layer!.shadowRoot!.children]).toEqual(reserve);
    expect(document.querySelectorAll('yidu-overlay')).toHaveLength(1);
    expect(document.querySelector('yidu-overlay')).toBe(layer);
    marks.clear();
    expect(document.querySelector('yidu-overlay')).toBe(layer);
    expect(layer!.shadowRoot!.childElementCount).toBe(0);
    // Switched on again: the same layer, never a second.
    prepareMarkLayer(document);
    const again = new DrawnMarks(window as Window & typeof globalThis);
    again.add(jobsOf(document.body)[0]!, true);
    expect(await boxes()).toEqual(['five-water-co-governance@20,130+40']);
    expect(document.querySelectorAll('yidu-overlay')).toHaveLength(1);
    expect(document.querySelector('yidu-overlay')).toBe(layer);
    again.clear();
  });

  it('leaves runs under a fixed or sticky element, in a scrolling box, in a raised layer, animated, hidden or faded out to the highlights', async () => {
    document.body.innerHTML = [
      '<header style="position: fixed"><p>五水共治</p></header>',
      '<div style="position: sticky"><span>五水共治</span></div>',
      '<div style="overflow-y: scroll"><p>五水共治</p></div>',
      '<div style="position: relative; z-index: 3"><p>五水共治</p></div>',
      '<p style="visibility: hidden">五水共治</p>',
      '<div style="opacity: 0"><p>五水共治</p></div>',
      '<marquee><span>五水共治</span></marquee>',
      '<div style="animation-name: ticker"><p>五水共治</p></div>',
      '<div id="ticker" style="overflow: hidden"><p>五水共治</p></div>',
      '<p>义新欧</p>',
    ].join('');
    // The last box hides more than it shows (a ticker its script scrolls).
    Object.defineProperty(document.querySelector('#ticker')!, 'scrollWidth', { value: 900 });
    const marks = new DrawnMarks(window as Window & typeof globalThis);
    for (const job of jobsOf(document.body)) marks.add(job, true);
    expect(drawnText()).toEqual(Array(9).fill('五水共治'));
    expect(await boxes()).toEqual(['yixinou-railway@0,100+40']);
  });

  it('clips boxes to the box around them that hides its overflow', async () => {
    document.body.innerHTML = '<div style="overflow: hidden" data-box="0,0,25,200"><p data-top="0">五水共治</p><p data-top="300">义新欧</p></div>';
    const marks = new DrawnMarks(window as Window & typeof globalThis);
    for (const job of jobsOf(document.body)) marks.add(job, true);
    // 义新欧 lies below the box's bottom: hidden by the page, so no box; 五水共治 cut at its right edge.
    expect(await boxes()).toEqual(['five-water-co-governance@0,100+25']);
  });

  it('places boxes anew when the page moves their text', async () => {
    document.body.innerHTML = '<p data-top="10">五水共治</p>';
    const marks = new DrawnMarks(window as Window & typeof globalThis);
    for (const job of jobsOf(document.body)) marks.add(job, true);
    expect(await boxes()).toEqual(['five-water-co-governance@0,110+40']);
    shift = 50; // an image loaded above it
    marks.pageChanged();
    await new Promise((r) => setTimeout(r, 60));
    expect(await boxes()).toEqual(['five-water-co-governance@0,160+40']);
    marks.clear();
  });

  // (50,000 elements take jsdom minutes to parse: that side is tests/e2e/drawn-marks.test.ts's page.)
  it('calls a page huge from 1,000,000 characters of text, scripts left out', () => {
    document.body.innerHTML = `<div><p>${'字'.repeat(999_000)}</p></div>`;
    expect(isHugePage(document)).toBe(false);
    document.body.innerHTML = `<p>${'字'.repeat(1_000_001)}</p>`;
    expect(isHugePage(document)).toBe(true);
    // A page's data in a script is not text to read.
    document.body.innerHTML = `<p>一篇文章</p><script type="application/json">${'{"a":1}'.repeat(200_000)}</script>`;
    expect(isHugePage(document)).toBe(false);
  });
  it('re-marks runs that waited for an answer slice by slice, each taken back in the slice that draws it again', async () => {
    // 人大 counts only as a whole word; the segmenter that says so answers later (the content script's case).
    const answers = new Map<string, boolean>();
    const terms = new Matcher([
      { id: 'npc', surfaces: ['人大'] },
      { id: 'common-prosperity', surfaces: ['共同富裕'] },
    ]);
    const finder = new GuardedFinder(terms, compileGuards({ npc: { 人大: { wholeWord: true } } }), (sentence) => answers.get(sentence));
    document.body.innerHTML = `<div style="overflow: auto">${Array.from({ length: 40 }, (_, i) => `<p>第${i}条：市人大推进共同富裕</p>`).join('')}</div>`;
    const options = { drawMarks: true, sliceMs: 8 };
    const annotator = new PageAnnotator(finder, options); // a group of 16 runs a slice
    onTestFinished(() => annotator.detach());
    await annotator.attach(document.body.firstElementChild!);
    for (const end of observed.keys()) await nearness(end, true);
    const count = (term: string) => drawnText().filter((t) => t === term).length;
    expect(count('共同富裕')).toBe(40);
    expect(count('人大')).toBe(0);

    for (const sentence of finder.pending) answers.set(sentence, true);
    options.sliceMs = 0.001; // the recheck's slices: a group of 16 runs each
    let done = false;
    const recheck = annotator.recheckWaiting().then(() => (done = true));
    const betweenSlices: number[] = [];
    while (!done) {
      betweenSlices.push(count('共同富裕'));
      await new Promise((r) => setTimeout(r, 0));
    }
    await recheck;
    expect(count('人大')).toBe(40);
    expect(betweenSlices.length).toBeGreaterThan(2); // it did go in slices
    // Taken all at once ahead of the first slice, the runs of the later slices left the screen meanwhile.
    expect(Math.min(...betweenSlices)).toBe(40);
  });
});
