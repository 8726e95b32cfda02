import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchWithExtension, serve, type ExtensionBrowser, type Site } from './harness';

const ARTICLE = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>健康新闻</title>
<style>p { font-size: 20px; line-height: 2 }</style></head>
<body><article id="main"><h1>健康新闻</h1>
  <p id="p1">他患有糖尿病多年，经常去<b>医院</b>复查。</p>
  <p id="p2">义乌推进五水共治，海关数据显示出口增长。</p>
  <p id="p3">糖尿病患者越来越多。</p>
</article></body></html>`;

/** The centre of character `index` of the first occurrence of `text` inside `selector`. */
async function pointAt(page: Page, selector: string, text: string, index = 0): Promise<{ x: number; y: number; width: number }> {
  return page.evaluate(
    ([sel, wanted, i]) => {
      const walker = document.createTreeWalker(document.querySelector(sel)!, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
        const at = node.data.indexOf(wanted);
        if (at < 0) continue;
        const range = document.createRange();
        range.setStart(node, at + i);
        range.setEnd(node, at + i + 1);
        const r = range.getBoundingClientRect();
        return { x: r.left + r.width / 2, y: r.top + r.height / 2, width: r.width };
      }
      throw new Error(`${wanted} not found in ${sel}`);
    },
    [selector, text, index] as const,
  );
}

const cardText = (page: Page) => page.locator('yidu-card .card').innerText();
const cardWord = (page: Page) => page.locator('yidu-card .word-card h2 .term').innerText();
const highlighted = (page: Page) => page.evaluate(() => (CSS as unknown as { highlights: Map<string, unknown> }).highlights.has('yidu-lookup'));

describe('looking up any word of a served page', () => {
  let browser: ExtensionBrowser;
  let site: Site;
  let page: Page;
  let tabId: number;

  const hover = async (selector: string, text: string, index = 0) => {
    await page.mouse.move(1, 1);
    const { x, y } = await pointAt(page, selector, text, index);
    await page.mouse.move(x, y);
  };

  beforeAll(async () => {
    site = await serve({ '/article.html': ARTICLE });
    browser = await launchWithExtension();
    ({ page, tabId } = await browser.openTab(`${site.origin}/article.html`));
    await page.waitForSelector('#p2 [data-yidu-term="five-water-co-governance"]');
  });

  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });

  it('shows a dictionary card for 糖尿病 on hover, and highlights it without touching the page', async () => {
    const before = await page.evaluate(() => document.body.innerHTML);
    await hover('#p1', '糖尿病', 1);
    await expect.poll(() => page.locator('yidu-card .word-card').count(), { timeout: 5000 }).toBe(1);
    const text = await cardText(page);
    expect(await cardWord(page)).toBe('糖尿病');
    expect(text).toContain('táng niào bìng');
    expect(text).toContain('diabetes');
    expect(await highlighted(page)).toBe(true);
    expect(await page.evaluate(() => document.body.innerHTML)).toBe(before);
  });

  it('steps to the next and previous word with n and b, and closes on Escape', async () => {
    // Generous waits: jieba may be loading in the worker just after its first answer.
    const word = { timeout: 15_000 };
    await page.keyboard.press('n');
    await expect.poll(() => cardWord(page), word).toBe('多年');
    await page.keyboard.press('n'); // past the comma
    await expect.poll(() => cardWord(page), word).toBe('经常');
    await page.keyboard.press('b');
    await expect.poll(() => cardWord(page), word).toBe('多年');
    await page.keyboard.press('b');
    await expect.poll(() => cardWord(page), word).toBe('糖尿病');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('yidu-card').count()).toBe(0);
    expect(await highlighted(page)).toBe(false);
  });

  it('keeps the glossary card for a jargon term', async () => {
    await page.mouse.move(1, 1);
    await page.hover('#p2 yidu-mark[data-yidu-term="five-water-co-governance"]');
    await expect.poll(() => page.locator('yidu-card .card').count(), { timeout: 5000 }).toBe(1);
    await page.waitForTimeout(400); // past the lookup delay: the glossary card stays
    expect(await page.locator('yidu-card .word-card').count()).toBe(0);
    expect(await cardText(page)).toMatch(/Five Water/i);
    await page.keyboard.press('Escape');
  });

  it('looks up a selected phrase, word by word', async () => {
    const from = await pointAt(page, '#p3', '糖尿病患者', 0);
    const to = await pointAt(page, '#p3', '糖尿病患者', 4);
    // From just inside the first character to just inside the last, whatever the font's widths (a
    // machine without a Chinese font draws narrower boxes, and a fixed 8 px reached the next character).
    await page.mouse.move(from.x - from.width * 0.4, from.y);
    await page.mouse.down();
    await page.mouse.move(to.x + to.width * 0.4, to.y, { steps: 4 });
    await page.mouse.up();
    expect(await page.evaluate(() => getSelection()?.toString())).toBe('糖尿病患者');
    await expect.poll(() => page.locator('yidu-card .word-card').count(), { timeout: 5000 }).toBe(1);
    const text = await cardText(page);
    expect(await cardWord(page)).toBe('糖尿病患者');
    expect(text).toContain('diabetes');
    expect(text).toMatch(/patient/);
    await page.locator('yidu-card').getByRole('button', { name: 'Save to vocabulary' }).click();
    await expect.poll(() => page.locator('yidu-card').getByRole('button', { name: /Saved to vocabulary/ }).count()).toBe(1);
    await page.keyboard.press('Escape');
    await page.evaluate(() => getSelection()?.removeAllRanges());
  });

  it('follows the setting: nothing on plain hover with Alt chosen, a card with Alt held; nothing when off', async () => {
    const popup = await browser.open(browser.extensionUrl(`popup.html?tabId=${tabId}`));
    // The popup writes the setting itself: wait until it is stored, so that closing the popup (or a
    // slow machine) cannot leave the page on the previous mode.
    const setLookup = async (label: string, value: string) => {
      await popup.getByLabel('Look up words').selectOption({ label });
      await expect
        .poll(() => popup.evaluate(async () => ((await chrome.storage.local.get('settings')).settings as { lookup?: string } | undefined)?.lookup))
        .toBe(value);
    };
    await setLookup('on hover with Alt', 'alt');
    await page.bringToFront();
    await hover('#p2', '海关', 0);
    await page.waitForTimeout(600);
    expect(await page.locator('yidu-card').count()).toBe(0);
    await page.keyboard.down('Alt');
    await expect.poll(() => page.locator('yidu-card .word-card').count(), { timeout: 5000 }).toBe(1);
    await page.keyboard.up('Alt');
    expect(await cardText(page)).toMatch(/customs/i);
    await page.keyboard.press('Escape');
    await setLookup('off', 'off');
    await hover('#p1', '医院', 0);
    await page.keyboard.down('Alt');
    await page.waitForTimeout(600);
    await page.keyboard.up('Alt');
    expect(await page.locator('yidu-card').count()).toBe(0);
    await setLookup('on hover', 'hover');
    await popup.close();
  });

  it('answers after the service worker was stopped', async () => {
    const cdp = await browser.context.newCDPSession(page);
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    await page.waitForTimeout(300);
    await hover('#p1', '医院', 1);
    await expect.poll(() => page.locator('yidu-card .word-card').count(), { timeout: 10_000 }).toBe(1);
    expect(await cardWord(page)).toBe('医院');
    expect(await cardText(page)).toMatch(/hospital/);
  });

  it('logged no errors', () => {
    expect(browser.errors).toEqual([]);
  });
});
