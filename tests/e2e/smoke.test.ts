import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, newsPage, serve, type ExtensionBrowser, type Site } from './harness';

describe('the built extension in Chromium', () => {
  let browser: ExtensionBrowser;
  let site: Site;

  beforeAll(async () => {
    site = await serve({
      '/article.html': newsPage('义乌召开大会', [
        '会议强调，要坚持八八战略，奋力打造重要窗口。',
        '今年义新欧班列开行1000列，义新欧再创新高。',
        '深化党建+单元+警务模式，推动五水共治。',
      ]),
      '/english.html': '<!doctype html><html><head><title>Plain English</title></head><body><p>Nothing to see.</p></body></html>',
    });
    browser = await launchWithExtension();
  });

  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });

  let articleTab: number;

  it('finds glossary terms on a served page and shows their count on the toolbar badge', async () => {
    const { page, tabId } = await browser.openTab(`${site.origin}/article.html`);
    articleTab = tabId;
    await expect.poll(() => page.locator('[data-yidu-term="double-eight-strategy"]').count()).toBe(1);
    await expect
      .poll(() => browser.worker.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId), { timeout: 10_000 })
      .toBe('5');
  });

  it('opens the popup for that page and lists the terms with their English', async () => {
    const popup = await browser.open(browser.extensionUrl(`popup.html?tabId=${articleTab}`));
    await expect.poll(() => popup.getByTestId('term-count').textContent()).toBe('5');
    const list = await popup.getByTestId('term-list').innerText();
    expect(list).toContain('八八战略');
    expect(list).toContain('Double-Eight Strategy');
    expect(await popup.getByTestId('page-language').innerText()).toContain('Chinese text found');
    await popup.close();
  });

  it('tells a page without Chinese apart in the popup', async () => {
    const { tabId } = await browser.openTab(`${site.origin}/english.html`);
    const popup = await browser.open(browser.extensionUrl(`popup.html?tabId=${tabId}`));
    await expect.poll(() => popup.getByTestId('page-language').textContent()).toContain('No Chinese text');
    await popup.close();
  });

  it('opens reader.html with the glossary, searchable by English', async () => {
    const reader = await browser.open(browser.extensionUrl('reader.html#tab=glossary'));
    await expect.poll(() => reader.getByTestId('glossary-count').textContent()).toMatch(/^\d+ of \d+ entries$/);
    await reader.getByLabel('Search by hanzi, pinyin or English').fill('Double-Eight');
    await expect.poll(() => reader.locator('[data-entry-id="double-eight-strategy"]').count()).toBe(1);
    await reader.close();
  });

  it('logged no console error and no uncaught exception anywhere', () => {
    expect(browser.errors).toEqual([]);
  });
});
