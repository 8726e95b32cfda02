// @vitest-environment jsdom
/**
 * How a marking pass (lib/annotate/marking-pass.ts) cuts the first screen: in long slices ahead of the
 * page's tasks on a page still to be laid out, in ordinary slices behind them on a huge page that
 * already is. A stubbed clock: each batch of marks takes 10 ms.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { RunWalker } from '@/lib/annotate/blocks';
import { markingPass, type PassHost } from '@/lib/annotate/marking-pass';

const g = globalThis as { scheduler?: { yield: () => Promise<void> } };

afterEach(() => {
  vi.restoreAllMocks();
  delete g.scheduler;
});

async function firstScreenOf(firstScreenAhead: boolean) {
  document.body.innerHTML = Array.from({ length: 100 }, (_, i) => `<p>${'推进共同富裕示范区建设'.repeat(10)}${i}</p>`).join('');
  let clock = 0;
  vi.spyOn(performance, 'now').mockImplementation(() => clock);
  const ahead = vi.fn(() => Promise.resolve());
  g.scheduler = { yield: ahead };
  const measured = vi.spyOn(performance, 'measure').mockImplementation(() => undefined as unknown as PerformanceMeasure);
  let screenAt = -1;
  const host: PassHost = {
    markBatch: () => void (clock += 10),
    pause: () => undefined,
    resume: () => undefined,
    closeChunks: () => undefined,
    screenMarked: () => void (screenAt < 0 && (screenAt = ahead.mock.calls.length)),
    walked: () => undefined,
    stopped: () => false,
    firstScreenAhead,
    deferredRuns: () => 0,
    passDone: () => undefined,
  };
  await markingPass([new RunWalker(document.body)], true, 8, host);
  const detail = measured.mock.calls.find(([name]) => name === 'yidu:annotate')![1] as { detail: { longest: number; early: number } };
  return { yieldsAhead: screenAt, longest: detail.detail.longest, early: detail.detail.early };
}

describe('markingPass', () => {
  it('marks the first screen of a page yet to be laid out in slices of 30 ms, ahead of the page\'s tasks', async () => {
    const { yieldsAhead, longest, early } = await firstScreenOf(true);
    expect(early).toBeGreaterThan(30); // about 4,000 characters of 100-character paragraphs
    expect(yieldsAhead).toBeGreaterThan(0);
    expect(longest).toBe(30);
  });

  it('marks a huge page\'s first screen in ordinary slices, behind the page\'s tasks', async () => {
    const { yieldsAhead, longest, early } = await firstScreenOf(false);
    expect(early).toBeGreaterThan(30);
    expect(yieldsAhead).toBe(0);
    expect(longest).toBe(10); // one batch, then the slice of 8 ms is over
  });
});
