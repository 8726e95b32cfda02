// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { collectRuns } from '@/lib/annotate/blocks';
import { newLedger, wrapSpans } from '@/lib/annotate/wrap';
import { FIRST_SLICE_MS, FRAME_BUDGET_MS, nextSliceMs, unwrapPaced } from '@/lib/annotate/paced-unwrap';
import { Matcher } from '@/lib/matcher/matcher';

const matcher = new Matcher([{ id: 'double-eight-strategy', surfaces: ['八八战略'] }]);

describe('slices paced by the frames after them', () => {
  it('halves the slice after a frame over budget, grows it after a cheap one, within bounds', () => {
    expect(nextSliceMs(8, FRAME_BUDGET_MS + 10)).toBe(4);
    expect(nextSliceMs(1, 90)).toBe(1);
    expect(nextSliceMs(4, 5)).toBe(6);
    expect(nextSliceMs(20, 5)).toBe(20);
    expect(nextSliceMs(4, FRAME_BUDGET_MS - 5)).toBe(4);
    // No frame came (a hidden tab): nothing was rendered, so slices may grow.
    expect(nextSliceMs(4, undefined)).toBe(6);
  });
});

describe('unwrapPaced', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
  });

  it('restores the page exactly, one slice per frame, the slices sized by what each frame cost', async () => {
    const root = document.createElement('div');
    const html = Array.from({ length: 1000 }, (_, i) => `<p>第${i}段：忠实践行八八战略，<b>八八</b>战略。</p>`).join('');
    root.innerHTML = html;
    document.body.replaceChildren(root);
    const ledger = newLedger();
    for (const run of collectRuns(root)) wrapSpans(run, matcher.find(run.text), ledger);
    // The term split by <b> is two marks: three a paragraph.
    expect(root.querySelectorAll('yidu-mark').length).toBe(3000);

    // Frames the test runs by hand: each "costs" 60 ms (its callbacks run, then the clock moves on).
    const frames: FrameRequestCallback[] = [];
    vi.stubGlobal('requestAnimationFrame', (callback: FrameRequestCallback) => frames.push(callback));
    // A slice reads the clock every 64 splits: each read moves it by 1 ms, so a slice of s ms takes about 64·s splits.
    let clock = 0;
    vi.spyOn(performance, 'now').mockImplementation(() => clock++);
    const marksLeft: number[] = [];
    const done = unwrapPaced(ledger, { sliceMs: 8 });
    let finished = false;
    void done.then(() => (finished = true));
    for (let frame = 0; frame < 500 && !finished; frame++) {
      for (let wait = 0; wait < 100 && !frames.length && !finished; wait++) await new Promise((r) => setTimeout(r, 0));
      if (finished) break;
      marksLeft.push(root.querySelectorAll('yidu-mark').length);
      const callback = frames.shift()!;
      callback(clock);
      clock += 60; // the page's rendering after the rAF callbacks
      await new Promise((r) => setTimeout(r, 0));
    }
    await done;
    expect(root.innerHTML).toBe(html);
    // The slices went down from the first: each frame cost more than the budget.
    const removed = marksLeft.slice(1).map((left, i) => marksLeft[i]! - left);
    expect(removed.length).toBeGreaterThan(3);
    expect(removed.at(-1)!).toBeLessThan(removed[0]!);
  });

  it('defaults to a short first slice and needs no frames where there are none', async () => {
    expect(FIRST_SLICE_MS).toBeLessThanOrEqual(4);
    const root = document.createElement('div');
    const html = '<p>八八战略与八八战略</p>'.repeat(50);
    root.innerHTML = html;
    const ledger = newLedger();
    for (const run of collectRuns(root)) wrapSpans(run, matcher.find(run.text), ledger);
    vi.stubGlobal('requestAnimationFrame', undefined);
    await unwrapPaced(ledger, {});
    expect(root.innerHTML).toBe(html);
  });
});
