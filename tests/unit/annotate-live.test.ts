// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PageAnnotator } from '@/lib/annotate/annotator';
import { Matcher } from '@/lib/matcher/matcher';

const matcher = new Matcher([
  { id: 'common-prosperity', surfaces: ['共同富裕'] },
  { id: 'double-eight-strategy', surfaces: ['八八战略'] },
]);

/** Lets the annotator's MutationObserver callback run (a microtask after the write). */
const observed = () => new Promise((resolve) => setTimeout(resolve, 0));
/** Also lets a queued pass (text Yidu had not split yet) run to its end. */
const settled = async (annotator: PageAnnotator) => {
  await observed();
  await observed();
  await annotator.idle();
};
const marks = (root: Element) => [...root.querySelectorAll('yidu-mark')].map((m) => m.textContent);

describe('annotator on a page that rewrites its text nodes in place', () => {
  let root: HTMLElement;
  let annotator: PageAnnotator;
  beforeEach(() => {
    root = document.createElement('div');
    document.body.replaceChildren(root);
    annotator = new PageAnnotator(matcher, { mutationDelayMs: 0 });
  });
  afterEach(() => annotator.detach());

  it('shows only what the page last wrote to a node it holds, marked again, with the node kept in place', async () => {
    root.innerHTML = '<p id="clock">时间</p>';
    const p = root.querySelector('p')!;
    const clock = p.firstChild as Text;
    clock.data = '实时：共同富裕 0';
    await annotator.attach(root);
    expect(marks(root)).toEqual(['共同富裕']);
    for (let i = 1; i <= 5; i++) {
      clock.data = `实时：共同富裕 ${i}`;
      await observed();
    }
    expect(p.textContent).toBe('实时：共同富裕 5');
    expect(marks(root)).toEqual(['共同富裕']);
    expect(p.firstChild).toBe(clock); // the page's node is still its first child, where it put it
    expect(annotator.counts.get('common-prosperity')).toBe(1);
    await annotator.detach();
    expect(p.innerHTML).toBe('实时：共同富裕 5');
    expect(p.firstChild).toBe(clock);
    expect(p.childNodes.length).toBe(1);
  });

  it('drops a term the page wrote away, and marks one it wrote in', async () => {
    root.innerHTML = '<p>实时：共同富裕</p>';
    const node = root.querySelector('p')!.firstChild as Text;
    await annotator.attach(root);
    node.data = '已更新';
    await observed();
    expect(root.textContent).toBe('已更新');
    expect(marks(root)).toEqual([]);
    expect(annotator.counts.get('common-prosperity')).toBe(0);
    node.nodeValue = '坚持八八战略';
    await settled(annotator);
    expect(root.textContent).toBe('坚持八八战略');
    expect(marks(root)).toEqual(['八八战略']);
  });

  it('re-marks the whole run when the page rewrites one node of a term split across tags', async () => {
    root.innerHTML = '<p>坚持<a href="#">八八</a>战略。</p>';
    const tail = root.querySelector('p')!.lastChild as Text;
    await annotator.attach(root);
    expect(marks(root)).toEqual(['八八', '战略']);
    tail.data = '精神。';
    await observed();
    expect(root.querySelector('p')!.innerHTML).toBe('坚持<a href="#">八八</a>精神。');
    tail.data = '战略，共同富裕。';
    await settled(annotator);
    expect(root.textContent).toBe('坚持八八战略，共同富裕。');
    expect(marks(root)).toEqual(['八八', '战略', '共同富裕']);
  });

  it('takes the pieces away with a node the page removes, as a React re-render does', async () => {
    root.innerHTML = '<p><b>标题</b>实时：共同富裕 1</p>';
    const p = root.querySelector('p')!;
    const node = p.lastChild as Text;
    await annotator.attach(root);
    expect(marks(root)).toEqual(['共同富裕']);
    p.removeChild(node);
    p.appendChild(document.createTextNode('实时：共同富裕 2'));
    await settled(annotator);
    expect(p.textContent).toBe('标题实时：共同富裕 2');
    expect(node.data).toBe('实时：共同富裕 1'); // the removed node has its whole text back
    expect(marks(root)).toEqual(['共同富裕']);
  });

  it('keeps what a script wrote into the text between marks when switching off', async () => {
    root.innerHTML = '<p>前文共同富裕中间八八战略后文</p>';
    await annotator.attach(root);
    const between = root.querySelector('yidu-mark')!.nextSibling as Text;
    expect(between.data).toBe('中间');
    between.data = '之间';
    await observed();
    expect(root.textContent).toBe('前文共同富裕之间八八战略后文');
    expect(marks(root)).toEqual(['共同富裕', '八八战略']);
    await annotator.detach();
    expect(root.innerHTML).toBe('<p>前文共同富裕之间八八战略后文</p>');
  });
});

describe('annotator on a long page at its top', () => {
  afterEach(() => document.body.replaceChildren());

  it('marks the first screen of text before reading the rest, and every term exactly once', async () => {
    const paragraph = (i: number) => `<p>第${i}段：坚持八八战略，推动共同富裕。${'这是一段普通的文字。'.repeat(8)}</p>`;
    document.body.innerHTML = Array.from({ length: 300 }, (_, i) => paragraph(i)).join('');
    performance.clearMeasures('yidu:annotate');
    const annotator = new PageAnnotator(matcher, { sliceMs: 1 });
    await annotator.attach(document.body);
    const detail = (performance.getEntriesByName('yidu:annotate')[0] as PerformanceMeasure).detail as { early: number; runs: number };
    // About 4,000 characters of 300 paragraphs of ~100: marked before the walk read on.
    expect(detail.early).toBeGreaterThan(20);
    expect(detail.early).toBeLessThan(100);
    expect(detail.runs).toBe(300);
    annotator.flushDeferred();
    expect(document.querySelectorAll('yidu-mark').length).toBe(600);
    expect(annotator.counts.get('double-eight-strategy')).toBe(300);
    const occurrences = [...document.querySelectorAll('yidu-mark')].map((m) => m.getAttribute('data-yidu-occurrence'));
    expect(new Set(occurrences).size).toBe(600);
    await annotator.detach();
    expect(document.querySelectorAll('yidu-mark').length).toBe(0);
  });

  it('says when the first screen is marked, while the pass reads on', async () => {
    document.body.innerHTML = Array.from({ length: 300 }, (_, i) => `<p>第${i}段：坚持八八战略。${'这是一段普通的文字。'.repeat(8)}</p>`).join('');
    performance.clearMeasures('yidu:annotate');
    const annotator = new PageAnnotator(matcher, { sliceMs: 1, unscrolled: () => true });
    const pass = annotator.attach(document.body);
    await annotator.firstScreen;
    const marked = document.querySelectorAll('yidu-mark').length;
    expect(marked).toBeGreaterThan(20); // the first screen's paragraphs
    expect(performance.getEntriesByName('yidu:annotate')).toHaveLength(0); // the pass is not done
    await pass;
    annotator.flushDeferred();
    expect(document.querySelectorAll('yidu-mark').length).toBe(300);
    await annotator.detach();
  });

  it('marks the first screen in slices of at most about 30 ms of work, not in one task', async () => {
    document.body.innerHTML = Array.from({ length: 300 }, (_, i) => `<p>第${i}段：坚持八八战略。${'这是一段普通的文字。'.repeat(8)}</p>`).join('');
    // A clock that only the matcher moves: each sweep "costs" 10 ms, so slices are counted exactly.
    let clock = 0;
    const now = vi.spyOn(performance, 'now').mockImplementation(() => clock);
    let sweeps = 0;
    const slow = { find: (text: string) => ((clock += 10), sweeps++, matcher.find(text)) };
    try {
      performance.clearMeasures('yidu:annotate');
      const annotator = new PageAnnotator(slow, { sliceMs: 8, unscrolled: () => true });
      const pass = annotator.attach(document.body);
      await annotator.firstScreen;
      expect(sweeps).toBeGreaterThanOrEqual(4); // about 4,000 characters in sweeps of 800
      await pass;
      const detail = (performance.getEntriesByName('yidu:annotate')[0] as PerformanceMeasure).detail as { early: number; longest: number };
      expect(detail.early).toBeGreaterThan(20);
      expect(detail.longest).toBeLessThanOrEqual(40); // one sweep past the 30 ms bound at most
      await annotator.detach();
    } finally {
      now.mockRestore();
    }
  });

  it('knows a page that never scrolled is at its top without reading scrollY (a forced layout)', async () => {
    document.body.innerHTML = Array.from({ length: 300 }, (_, i) => `<p>第${i}段：坚持八八战略。${'这是一段普通的文字。'.repeat(8)}</p>`).join('');
    let reads = 0;
    const scrollY = vi.spyOn(window, 'scrollY', 'get').mockImplementation(() => (reads++, 0));
    try {
      for (const unscrolled of [true, undefined]) {
        reads = 0;
        performance.clearMeasures('yidu:annotate');
        const annotator = new PageAnnotator(matcher, { sliceMs: 1, unscrolled: () => unscrolled });
        await annotator.attach(document.body);
        const detail = (performance.getEntriesByName('yidu:annotate')[0] as PerformanceMeasure).detail as { early: number };
        // Either way the first screen is marked first; only without the hint is the layout asked.
        expect(detail.early).toBeGreaterThan(20);
        expect(reads).toBe(unscrolled ? 0 : 1);
        await annotator.detach();
      }
    } finally {
      scrollY.mockRestore();
    }
  });
});
