import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchWithExtension, serve, type ExtensionBrowser, type Site } from './harness';

const PARAGRAPHS = 400;
const LONG = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>长页面</title></head><body><article>
${Array.from({ length: PARAGRAPHS }, (_, i) => `<p id="p${i}">第${i}段：深化五水共治，推进义新欧班列发展。</p>`).join('\n')}
</article></body></html>`;

describe('a long page', () => {
  let browser: ExtensionBrowser;
  let site: Site;
  let page: Page;
  let tabId: number;

  beforeAll(async () => {
    site = await serve({ '/long.html': LONG });
    browser = await launchWithExtension();
    ({ page, tabId } = await browser.openTab(`${site.origin}/long.html`));
    await page.waitForSelector('#p0 yidu-mark');
  });
  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });

  it('counts every occurrence at once, and marks what is near the viewport first', async () => {
    const popup = await browser.open(browser.extensionUrl(`popup.html?tabId=${tabId}`));
    await expect.poll(() => popup.locator('[data-term-id="five-water-co-governance"] .count').innerText()).toBe(String(PARAGRAPHS));
    await popup.close();
    expect(await page.locator('#p0 yidu-mark').count()).toBe(2);
    expect(await page.locator(`#p${PARAGRAPHS - 1} yidu-mark`).count()).toBe(0);
  });

  it('marks the rest as it scrolls into view', async () => {
    await page.locator(`#p${PARAGRAPHS - 1}`).scrollIntoViewIfNeeded();
    await expect.poll(() => page.locator(`#p${PARAGRAPHS - 1} yidu-mark`).count()).toBe(2);
  });

  it('gives a card the full number of occurrences, with unique occurrence numbers', async () => {
    await page.locator('#p0').scrollIntoViewIfNeeded();
    await page.locator('#p0 yidu-mark').first().hover();
    await expect.poll(() => page.locator('yidu-card [data-testid="occurrence"]').innerText()).toBe(`occurrence 1 of ${PARAGRAPHS}`);
    const numbers = await page.$$eval('yidu-mark', (marks) => marks.map((m) => m.getAttribute('data-yidu-occurrence')));
    expect(numbers).toHaveLength(2 * PARAGRAPHS);
    expect(new Set(numbers).size).toBe(2 * PARAGRAPHS);
    await page.keyboard.press('Escape');
  });

  it('logged no console error', () => {
    expect(browser.errors).toEqual([]);
  });
});
