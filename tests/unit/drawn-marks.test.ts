// @vitest-environment jsdom
/**
 * Marks drawn over the text (lib/annotate/drawn-marks.ts), with the browser's highlight registry and
 * IntersectionObserver stood in for (jsdom has neither): which ranges are drawn, when a group is in
 * the highlights, and how a point in the text finds its term. The real browser: tests/e2e/drawn-marks.test.ts.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { collectRuns, type TextRun } from '@/lib/annotate/blocks';
import { canDrawMarks, DrawnMarks, isHugePage } from '@/lib/annotate/drawn-marks';
import type { DeferredRun } from '@/lib/annotate/deferred-wraps';
import { Matcher } from '@/lib/matcher/matcher';

const matcher = new Matcher([
  { id: 'five-water-co-governance', surfaces: ['五水共治'] },
  { id: 'yixinou-railway', surfaces: ['义新欧', '义新欧班列'] },
]);

class FakeHighlight extends Set<AbstractRange> {}
let observed: Map<Element, (entries: IntersectionObserverEntry[]) => void>;

beforeEach(() => {
  observed = new Map();
  const w = window as unknown as Record<string, unknown>;
  w.Highlight = FakeHighlight;
  Object.defineProperty(window, 'CSS', { value: { highlights: new Map() }, configurable: true });
  w.IntersectionObserver = class {
    constructor(private readonly callback: (entries: IntersectionObserverEntry[]) => void) {}
    observe(el: Element) {
      observed.set(el, this.callback);
    }
    unobserve(el: Element) {
      observed.delete(el);
    }
    disconnect() {
      observed.clear();
    }
  };
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

const drawnText = () =>
  [...((CSS.highlights as unknown as Map<string, FakeHighlight>).get('yidu-term') ?? [])].map((r) => {
    const range = document.createRange();
    range.setStart(r.startContainer, r.startOffset);
    range.setEnd(r.endContainer, r.endOffset);
    return range.toString();
  });

describe('drawn marks', () => {
  it('draws one range per term, across inline tags, and finds the term at a point of its text', () => {
    document.body.innerHTML = '<p id="a">推进五水共治，开行<b>义新</b>欧班列。</p>';
    expect(canDrawMarks(window)).toBe(true);
    const marks = new DrawnMarks(window as Window & typeof globalThis);
    const [job] = jobsOf(document.body);
    marks.add(job!, true);
    expect(drawnText()).toEqual(['五水共治', '义新欧班列']);
    const first = document.querySelector('#a')!.firstChild as Text;
    expect(marks.at({ node: first, index: 3 })?.span.id).toBe('five-water-co-governance');
    expect(marks.at({ node: first, index: 0 })).toBeUndefined();
    const inBold = document.querySelector('b')!.firstChild as Text;
    expect(marks.at({ node: inBold, index: 1 })?.span.id).toBe('yixinou-railway');
    expect(marks.has(inBold)).toBe(true);
    expect(marks.jobsOf('yixinou-railway')).toEqual([job]);
  });

  it('keeps a group in the highlights only while one of its ends is near the viewport', async () => {
    document.body.innerHTML = '<p id="a">五水共治</p><p id="b">一段文字</p><p id="c">义新欧</p>';
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

  it('forgets a run taken back, and everything on clear', () => {
    document.body.innerHTML = '<p>五水共治</p><p>义新欧</p>';
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
});
