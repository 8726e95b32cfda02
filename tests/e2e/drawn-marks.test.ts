/**
 * Huge pages: marks drawn over the text with CSS highlights (lib/annotate/drawn-marks.ts), the page's
 * DOM untouched until the reader reaches for a term, which then becomes a real mark with its card.
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
${rows.join('\n')}
</body></html>`;
const TERMS = ROWS / TERM_EVERY + 1;

const drawnCount = (page: Page) => page.evaluate(() => CSS.highlights.get('yidu-term')?.size ?? 0);

/** The viewport centre of the first occurrence of `text` inside element `selector`. */
const centreOf = (page: Page, selector: string, text: string) =>
  page.evaluate(
    ([sel, word]) => {
      const el = document.querySelector(sel)!;
      el.scrollIntoView({ block: 'center' });
      const node = [...el.childNodes].find((n) => n.nodeType === 3 && (n as Text).data.includes(word)) as Text;
      const range = document.createRange();
      const at = node.data.indexOf(word);
      range.setStart(node, at);
      range.setEnd(node, at + word.length);
      const box = range.getBoundingClientRect();
      return { x: box.left + box.width / 2, y: box.top + box.height / 2 };
    },
    [selector, text] as const,
  );

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
    await page.waitForFunction(() => (CSS.highlights.get('yidu-term')?.size ?? 0) > 0, undefined, { timeout: 20_000, polling: 100 });
    original = await page.evaluate(async () => new DOMParser().parseFromString(await (await fetch(location.href)).text(), 'text/html').body.innerHTML);
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });

  it('draws its marks without changing the page, and counts every occurrence', async () => {
    expect(await page.locator('yidu-mark').count()).toBe(0);
    expect(await page.evaluate(() => document.body.innerHTML)).toBe(original);
    const popup = await browser.open(browser.extensionUrl(`popup.html?tabId=${tabId}`));
    await expect.poll(() => popup.locator('[data-term-id="five-water-co-governance"] .count').innerText()).toBe(String(TERMS));
    await popup.close();
  });

  it('opens a card when the pointer rests on a drawn term, with the full number of occurrences', async () => {
    const { x, y } = await centreOf(page, '#r40 b', '五水共治');
    await page.mouse.move(x - 40, y);
    await page.mouse.move(x, y, { steps: 3 });
    const card = page.locator('yidu-card .card');
    await expect.poll(() => card.count(), { timeout: 5000 }).toBe(1);
    expect(await page.locator('#r40 yidu-mark[data-yidu-term="five-water-co-governance"]').count()).toBe(1);
    await expect.poll(() => page.locator('yidu-card [data-testid="occurrence"]').innerText()).toMatch(new RegExp(` of ${TERMS}$`));
    await page.keyboard.press('Escape');
    await expect.poll(() => card.count()).toBe(0);
  });

  it('pins a card on a click on a drawn term (another entry: a card wraps every occurrence of its own)', async () => {
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
    const drawn = await page.evaluate(() => {
      const text = document.querySelector('#clock')!.firstChild as Text;
      return [...(CSS.highlights.get('yidu-term') ?? [])].filter((r) => r.startContainer === text).map((r) => text.data.slice(r.startOffset, r.endOffset));
    });
    expect(await page.locator('#clock').innerText()).toBe('实时：五水共治 20');
    expect(drawn).toEqual(['五水共治']);
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
    const now = await page.evaluate(() => document.body.innerHTML);
    // The clock's node holds what the page last wrote; everything else is as sent.
    expect(now.replace(/实时：五水共治 \d+/, '实时：五水共治 0')).toBe(original);
  });

  it('logged no console error', () => {
    expect(browser.errors).toEqual([]);
  });
});
