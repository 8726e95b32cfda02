// @vitest-environment jsdom
/**
 * Deferred runs in chunks (lib/annotate/deferred-wraps.ts): a chunk's ends are what the
 * IntersectionObserver watches, so whatever part of the page the reader looks at, an end of the
 * chunk holding its runs must be near. jsdom has no IntersectionObserver: a stand-in records what is
 * observed (./fake-intersection-observer.ts), and the test says which of those elements are near.
 */
import { beforeEach, describe, expect, it, onTestFinished } from 'vitest';
import { collectRuns, type TextRun } from '@/lib/annotate/blocks';
import { DeferredWraps, type DeferredRun } from '@/lib/annotate/deferred-wraps';
import { PageAnnotator } from '@/lib/annotate/annotator';
import { Matcher } from '@/lib/matcher/matcher';
import { fakeIntersectionObserver, type Observed } from './fake-intersection-observer';

let observed: Observed;
beforeEach(() => {
  observed = fakeIntersectionObserver();
});

const job = (run: TextRun): DeferredRun => ({ run, spans: [], firstOccurrence: 0, glossed: new Set() });

/** The observed elements for which `isNear` holds are reported near, as the browser would. */
function report(isNear: (el: Element) => boolean): void {
  const near = [...observed.keys()].filter(isNear);
  for (const el of near) observed.get(el)?.([{ target: el, isIntersecting: true } as IntersectionObserverEntry]);
}

describe('deferred runs in chunks', () => {
  it('wraps a row read in the middle of a table-like page whose every tenth row holds a term', () => {
    // Rows of short texts: 16 runs with terms reach across 160 rows, far more than the near zone.
    document.body.innerHTML = Array.from({ length: 600 }, (_, i) => `<div id="r${i}"><span>第${i}行</span><a>${i % 10 === 0 ? '五水共治' : '链接'}</a><b>工作</b></div>`).join('');
    const taken = new Set<TextRun>();
    const wraps = new DeferredWraps((ends) => {
      for (const { run } of wraps.take(ends)) taken.add(run);
    });
    const runs = collectRuns(document.body);
    for (const run of runs) if (run.text.includes('五水共治')) wraps.add(job(run));
    wraps.close();
    const rowOf = (el: Element) => Number(el.closest('div')!.id.slice(1));
    // The reader looks at rows 300–330; the near zone (a screen and a half above and below) is rows 255–375.
    report((el) => rowOf(el) >= 255 && rowOf(el) <= 375);
    const wrappedRows = [...taken].map((run) => rowOf(run.nodes[0]!.parentElement!));
    for (const row of [300, 310, 320, 330]) expect(wrappedRows).toContain(row);
    // And no chunk reaches further than its span allows: nothing wrapped far from the zone.
    expect(Math.min(...wrappedRows)).toBeGreaterThanOrEqual(255 - 16);
    expect(Math.max(...wrappedRows)).toBeLessThanOrEqual(375 + 16);
  });

  it('keeps runs close together in one chunk (two observed ends), and runs from different walks apart', () => {
    document.body.innerHTML = `<div id="a">${Array.from({ length: 5 }, (_, i) => `<p>第${i}段，五水共治。</p>`).join('')}</div><div id="b"><p>另一处，五水共治。</p></div>`;
    const wraps = new DeferredWraps(() => undefined);
    for (const run of collectRuns(document.querySelector('#a')!)) wraps.add(job(run));
    for (const run of collectRuns(document.querySelector('#b')!)) wraps.add(job(run));
    wraps.close();
    expect(observed.size).toBe(3); // the first walk's first and last paragraphs, and the other walk's one
    expect(wraps.runCount).toBe(6);
  });

  it('makes a run that does not say where it lies a chunk of its own', () => {
    document.body.innerHTML = '<p>一，五水共治。</p><p>二，五水共治。</p><p>三，五水共治。</p>';
    const wraps = new DeferredWraps(() => undefined);
    for (const run of collectRuns(document.body)) wraps.add(job({ ...run, place: undefined }));
    wraps.close();
    expect(observed.size).toBe(3);
  });

  it('takes the runs of a chunk that joined another when the joined chunk’s far end nears', () => {
    document.body.innerHTML = '<p id="e1">一</p><p id="e2">二</p><p id="t1">三</p><p id="t2">四</p>';
    const at = (id: string, blocks: number): TextRun => {
      const node = document.getElementById(id)!.firstChild as Text;
      return { nodes: [node], starts: [0], text: node.data, place: { walk: 1, blocks, chars: blocks } };
    };
    const taken: string[] = [];
    const wraps = new DeferredWraps((ends) => {
      for (const { run } of wraps.take(ends)) taken.push(run.nodes[0]!.parentElement!.id + run.place!.blocks);
    });
    wraps.add(job(at('e1', 0)));
    wraps.add(job(at('e2', 1)));
    wraps.close(); // chunk O: e1 … e2
    wraps.add(job(at('t1', 2)));
    wraps.add(job(at('t2', 3)));
    wraps.close(); // chunk T: t1 … t2
    wraps.add(job(at('t2', 4)));
    wraps.add(job(at('e1', 5)));
    wraps.close(); // ends at t2 (T's) and e1 (O's): the three become one
    report((el) => el.id === 'e2');
    expect(taken.sort()).toEqual(['e10', 'e15', 'e21', 't12', 't23', 't24']);
    expect(observed.size).toBe(0);
  });
});

describe('deferred runs whose chunk the page takes apart', () => {
  it('watches a run through its own element once the page has taken both ends of its chunk out', async () => {
    const matcher = new Matcher([{ id: 'five-water-co-governance', surfaces: ['五水共治'] }]);
    // jsdom lays nothing out (every top is 0): the first screen's 4,000 characters and the next 400
    // runs are "near" and wrapped at once; the last 400 paragraphs wait in chunks.
    document.body.innerHTML = Array.from({ length: 1_200 }, (_, i) => `<p id="p${i}">第${i}段，五水共治。</p>`).join('');
    const annotator = new PageAnnotator(matcher, { mutationDelayMs: 0 });
    onTestFinished(() => annotator.detach());
    await annotator.attach(document.body);
    const paras = [...document.querySelectorAll('p')];
    const ends = paras.filter((p) => observed.has(p));
    expect(ends.length).toBeGreaterThan(10);
    // A paragraph inside a chunk, not an end: the observed paragraphs before and after it are its chunk's ends.
    const middle = paras.findLastIndex((p, i) => !observed.has(p) && observed.has(paras[i - 3]!) && !observed.has(paras[i - 1]!) && !observed.has(paras[i + 1]!));
    expect(middle).toBeGreaterThan(0);
    const before = paras.slice(0, middle).findLast((p) => observed.has(p))!;
    const after = paras.slice(middle).find((p) => observed.has(p))!;
    const inChunk = paras.slice(paras.indexOf(before), paras.indexOf(after) + 1);
    expect(inChunk.some((p) => p.querySelector('yidu-mark'))).toBe(false);
    before.remove();
    after.remove(); // as a page re-rendering part of a list would
    await new Promise((resolve) => setTimeout(resolve, 10));
    const target: Element = paras[middle]!;
    expect(observed.has(target)).toBe(true);
    observed.get(target)!([{ target, isIntersecting: true } as IntersectionObserverEntry]);
    expect(target.querySelector('yidu-mark')?.textContent).toBe('五水共治');
    // The runs taken out are no longer counted: 1,200 paragraphs less the two.
    expect(annotator.counts.get('five-water-co-governance')).toBe(1_198);
  });
});
