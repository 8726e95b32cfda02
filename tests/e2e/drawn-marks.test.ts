/**
 * Huge pages: marks drawn over the text (lib/annotate/drawn-marks.ts) as boxes in Yidu's layer
 * (lib/annotate/mark-overlay.ts), or with CSS highlights where the text scrolls in a box of its own;
 * the page's DOM untouched until the reader reaches for a term, which then becomes a real mark with its card.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchWithExtension, serve, type ExtensionBrowser, type Site } from './harness';

const ROWS = 6_000; // 9 elements a row: 54,000 elements, over the 50,000 that make a page huge
const TERM_EVERY = 20;
const rows = Array.from({ length: ROWS }, (_, i) =>
  `<div id="r${i}"><span>第${i}行</span><b>${i % TERM_EVERY === 0 ? '深化五水共治，推进改革' : i % TERM_EVERY === 10 ? '开行义新欧班列' : '普通的文字内容'}</b><i>${i}</i><em></em><small>说明</small><u></u><s></s><a href="#r${i}">链接</a></div>`,
);
const HUGE = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>巨大页面</title></head><body>
<p id="clock">实时：五水共治 0</p>
<div id="scroller" style="height: 40px; overflow: auto"><p>滚动框里的五水共治</p><p>第二行</p><p>第三行</p></div>
${rows.join('\n')}
</body></html>`;
const TERMS = ROWS / TERM_EVERY + 2;
const SURFACE: Record<string, string> = { 'five-water-co-governance': '五水共治', 'yixinou-railway': '义新欧' };

/** The boxes Yidu's layer draws, in viewport coordinates, with their entry: what shows of each, its clip-path's inset cut away. */
const boxes = (page: Page) =>
  page.evaluate(() =>
    [...(document.querySelector('yidu-overlay')?.shadowRoot?.querySelectorAll<HTMLElement>('[data-yidu-term]') ?? [])].map((b) => {
      const whole = b.getBoundingClientRect();
      const [cutTop, cutRight] = /inset\(([\d.]+)px ([\d.]+)px/.exec(b.style.clipPath)!.slice(1).map(Number);
      return { id: b.dataset.yiduTerm!, left: whole.left, top: whole.top + cutTop!, width: whole.width - cutRight!, height: whole.height - cutTop! };
    }),
  );
/** Drawn marks: boxes and highlighted ranges. */
const drawnCount = (page: Page) =>
  page.evaluate(() => (CSS.highlights.get('yidu-term')?.size ?? 0) + (document.querySelector('yidu-overlay')?.shadowRoot?.querySelectorAll('[data-yidu-term]').length ?? 0));
/** The viewport rectangle of `word` in the first text node of `selector` holding it. */
const rectOf = (page: Page, selector: string, word: string) =>
  page.evaluate(
    ([sel, w]) => {
      const el = document.querySelector(sel)!;
      const node = [...el.childNodes].find((n) => n.nodeType === 3 && (n as Text).data.includes(w)) as Text;
      const range = document.createRange();
      range.setStart(node, node.data.indexOf(w));
      range.setEnd(node, node.data.indexOf(w) + w.length);
      const { left, top, width, height } = range.getBoundingClientRect();
      return { left, top, width, height };
    },
    [selector, word] as const,
  );
const near = (a: { left: number; top: number; width: number }, b: { left: number; top: number; width: number }) =>
  Math.abs(a.left - b.left) < 1 && Math.abs(a.top - b.top) < 1 && Math.abs(a.width - b.width) < 1;

/** The viewport centre of the first occurrence of `text` inside element `selector`, scrolled to the middle. */
async function centreOf(page: Page, selector: string, text: string) {
  await page.evaluate((sel) => document.querySelector(sel)!.scrollIntoView({ block: 'center' }), selector);
  const { left, top, width, height } = await rectOf(page, selector, text);
  return { x: left + width / 2, y: top + height / 2 };
}

describe('a huge page', () => {
  let browser: ExtensionBrowser;
  let site: Site;
  let page: Page;
  let tabId: number;
  let original: string;

  beforeAll(async () => {
    site = await serve({ '/huge.html': HUGE });
    browser = await launchWithExtension();
    ({ page, tabId } = await browser.openTab(`${site.origin}/huge.html`));
    await page.waitForFunction(() => (document.querySelector('yidu-overlay')?.shadowRoot?.childElementCount ?? 0) > 0, undefined, { timeout: 20_000, polling: 100 });
    original = await page.evaluate(async () => new DOMParser().parseFromString(await (await fetch(location.href)).text(), 'text/html').body.innerHTML);
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });

  it('draws its marks without changing the page, and counts every occurrence', async () => {
    expect(await page.locator('yidu-mark').count()).toBe(0);
    expect(await page.evaluate(() => document.body.innerHTML)).toBe(original);
    // Each box lies over an occurrence of its term: the text under its centre is inside one.
    const shown = (await boxes(page)).filter((b) => b.top >= 0 && b.top < 700);
    expect(shown.length).toBeGreaterThanOrEqual(3);
    const under = await page.evaluate(
      (list) =>
        list.map((b) => {
          const caret = document.caretPositionFromPoint(b.left + b.width / 2, b.top + b.height / 2)!;
          const data = (caret.offsetNode as Text).data;
          return { id: b.id, data, at: caret.offset };
        }),
      shown,
    );
    for (const { id, data, at } of under) {
      const word = SURFACE[id]!;
      const start = data.indexOf(word);
      expect(start >= 0 && start <= at && at <= start + word.length, `${word} at ${at} of "${data}"`).toBe(true);
    }
    // The term in the scrolling box (which the layer cannot follow) is a highlight instead.
    const scrolled = await page.evaluate(() =>
      [...(CSS.highlights.get('yidu-term') ?? [])].map((r) => document.querySelector('#scroller')!.contains(r.startContainer) && (r.startContainer as Text).data.slice(r.startOffset, r.endOffset)),
    );
    expect(scrolled).toEqual(['五水共治']);
    const popup = await browser.open(browser.extensionUrl(`popup.html?tabId=${tabId}`));
    await expect.poll(() => popup.locator('[data-term-id="five-water-co-governance"] .count').innerText()).toBe(String(TERMS));
    await popup.close();
  });

  // (Before the cards: a card wraps the occurrences it goes to, which are then marks, not boxes.)
  it("moves its boxes with the text when the page's layout changes", async () => {
    await page.evaluate(() => scrollTo(0, 0));
    const term = () => rectOf(page, '#r0 b', '五水共治');
    await expect.poll(async () => { const t = await term(); return (await boxes(page)).some((b) => near(b, t)); }).toBe(true);
    const before = await term();
    // The page puts a banner above (as an image loading or an ad would).
    await page.evaluate(() => {
      const banner = document.createElement('div');
      banner.id = 'banner';
      banner.style.height = '150px';
      document.body.prepend(banner);
    });
    const after = await term();
    expect(after.top - before.top).toBeGreaterThan(140); // 150, and the margins that no longer collapse
    await expect.poll(async () => (await boxes(page)).some((b) => near(b, after)), { timeout: 3000 }).toBe(true);
    expect((await boxes(page)).some((b) => near(b, before))).toBe(false);
    await page.evaluate(() => document.querySelector('#banner')!.remove());
  });

  it('draws the terms of whatever rows are read, however far from where a group of runs begins', async () => {
    // Rows that fell in the middle of a group reaching over 400 rows, so neither of its observed ends
    // came near: 14 of 36 such reads had no marks before the groups were bounded by the walk too.
    for (const row of [1000, 3000, 3300, 4100, 5200, 1400]) {
      await page.evaluate((r) => document.querySelector(`#r${r}`)!.scrollIntoView({ block: 'center' }), row);
      const word = row % TERM_EVERY === 0 ? '五水共治' : '义新欧';
      const term = await rectOf(page, `#r${row} b`, word);
      await expect.poll(async () => (await boxes(page)).some((b) => near(b, term)), { timeout: 5000, message: `row ${row}` }).toBe(true);
    }
    await page.evaluate(() => scrollTo(0, 0));
  });

  it('opens a card when the pointer rests on a drawn term, with the full number of occurrences', async () => {
    const { x, y } = await centreOf(page, '#r40 b', '五水共治');
    await page.mouse.move(x - 40, y);
    await page.mouse.move(x, y, { steps: 3 });
    const card = page.locator('yidu-card .card');
    await expect.poll(() => card.count(), { timeout: 5000 }).toBe(1);
    expect(await page.locator('#r40 yidu-mark[data-yidu-term="five-water-co-governance"]').count()).toBe(1);
    // Rows 0, 20 and 40 hold the term, after the clock's and the scrolling box's occurrences.
    await expect.poll(() => page.locator('yidu-card [data-testid="occurrence"]').innerText()).toBe(`occurrence 5 of ${TERMS}`);
    // Counted without being wrapped: only the run pointed at became marks.
    expect(await page.locator('yidu-mark[data-yidu-term="five-water-co-governance"]').count()).toBe(1);
    // The next occurrence (row 60) is wrapped when the card goes to it, and only it.
    await page.locator('yidu-card').getByRole('button', { name: 'Next occurrence' }).click();
    await expect.poll(() => page.locator('yidu-card [data-testid="occurrence"]').innerText()).toBe(`occurrence 6 of ${TERMS}`);
    expect(await page.locator('#r60 yidu-mark[data-yidu-term="five-water-co-governance"]').count()).toBe(1);
    expect(await page.locator('yidu-mark[data-yidu-term="five-water-co-governance"]').count()).toBe(2);
    await page.locator('yidu-card').getByRole('button', { name: 'Previous occurrence' }).click();
    await expect.poll(() => page.locator('yidu-card [data-testid="occurrence"]').innerText()).toBe(`occurrence 5 of ${TERMS}`);
    await page.keyboard.press('Escape');
    await expect.poll(() => card.count()).toBe(0);
  });

  it('pins a card on a click on a drawn term', async () => {
    const { x, y } = await centreOf(page, '#r2010 b', '义新欧');
    const before = await page.locator('#r2010 yidu-mark').count();
    await page.mouse.click(x, y);
    await expect.poll(() => page.locator('yidu-card .card').count(), { timeout: 5000 }).toBe(1);
    expect(before).toBe(0);
    expect(await page.locator('#r2010 yidu-mark').count()).toBe(1);
    await page.mouse.move(0, 0);
    await page.waitForTimeout(500);
    expect(await page.locator('yidu-card .card').count()).toBe(1); // pinned: the pointer leaving does not close it
    await page.keyboard.press('Escape');
  });

  it('shows the first occurrence of a term picked in the popup, as a focused mark', async () => {
    await page.evaluate(() => scrollTo(0, document.documentElement.scrollHeight / 2));
    const popup = await browser.open(browser.extensionUrl(`popup.html?tabId=${tabId}`));
    await popup.locator('[data-term-id="yixinou-railway"] .term-link').click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.closest('div')?.id)).toBe('r10');
    expect(await page.evaluate(() => document.activeElement?.localName)).toBe('yidu-mark');
    await popup.close();
  });

  it('puts keyboard focus on a term in view with Alt+Shift+J', async () => {
    await page.evaluate(() => document.querySelector('#r3000')!.scrollIntoView({ block: 'start' }));
    await page.keyboard.press('Alt+Shift+KeyJ');
    await expect.poll(() => page.evaluate(() => document.activeElement?.closest('div')?.id)).toBe('r3000');
    await page.keyboard.press('Escape');
  });

  it('shows only the latest text of a node the page rewrites', async () => {
    await page.evaluate(() => {
      scrollTo(0, 0);
      const text = document.querySelector('#clock')!.firstChild as Text;
      let n = 0;
      const tick = setInterval(() => {
        text.data = `实时：五水共治 ${++n}`;
        if (n === 20) clearInterval(tick);
      }, 50);
    });
    await page.waitForTimeout(1500);
    expect(await page.locator('#clock').innerText()).toBe('实时：五水共治 20');
    // One box over the clock's line, over its term as it reads now.
    const clock = await page.evaluate(() => document.querySelector('#clock')!.getBoundingClientRect().toJSON() as DOMRect);
    const onClock = (await boxes(page)).filter((b) => b.top >= clock.top && b.top < clock.bottom);
    expect(onClock).toHaveLength(1);
    expect(near(onClock[0]!, await rectOf(page, '#clock', '五水共治'))).toBe(true);
    const popup = await browser.open(browser.extensionUrl(`popup.html?tabId=${tabId}`));
    await expect.poll(() => popup.locator('[data-term-id="five-water-co-governance"] .count').innerText()).toBe(String(TERMS));
    await popup.close();
  });

  it('switches off at once, leaving the page as it was sent', async () => {
    await page.evaluate(() => document.querySelector('#r3000')!.scrollIntoView());
    await browser.worker.evaluate(async () => {
      const { settings } = (await chrome.storage.local.get('settings')) as { settings?: Record<string, unknown> };
      await chrome.storage.local.set({ settings: { ...(settings ?? {}), siteModes: { '127.0.0.1': 'never' } } });
    });
    await expect.poll(() => drawnCount(page)).toBe(0);
    await expect.poll(() => page.locator('yidu-mark').count()).toBe(0);
    // The layer stays in <html>, emptied and sized to nothing: taking it out of a huge page would lay
    // the whole page out again (lib/annotate/mark-overlay.ts). The body is as sent.
    expect(await page.evaluate(() => [...document.querySelectorAll('yidu-overlay')].map((layer) => [layer.parentElement?.localName, layer.shadowRoot?.childElementCount, layer.getBoundingClientRect().width, layer.getBoundingClientRect().height]))).toEqual([['html', 0, 0, 0]]);
    const now = await page.evaluate(() => document.body.innerHTML);
    // The clock's node holds what the page last wrote; everything else is as sent.
    expect(now.replace(/实时：五水共治 \d+/, '实时：五水共治 0')).toBe(original);
  });

  it('puts no layer into the page on a site set to "never" (it is readied at DOMContentLoaded only where Yidu is on)', async () => {
    await page.reload();
    await page.waitForFunction(() => document.readyState === 'complete');
    await page.waitForTimeout(500);
    expect(await page.locator('yidu-overlay').count()).toBe(0);
    expect(await drawnCount(page)).toBe(0);
  });

  it('logged no console error', () => {
    expect(browser.errors).toEqual([]);
  });
});
