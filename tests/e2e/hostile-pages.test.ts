/**
 * Pages that fight back: a GBK page whose meta charset lies (and no charset header), and form fields
 * that shadow the DOM properties extraction and annotation read (parentNode, tagName, hasAttribute…).
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, serve, type ExtensionBrowser, type Site } from './harness';

const GBK = readFileSync(resolve(import.meta.dirname, '../fixtures/extraction/gbk-sample.html'));
const CLOBBER = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>表单页面</title></head><body>
<article><h1>八八战略深入实施</h1>
<form><input name="parentNode"><input name="tagName"><input name="hasAttribute"><input name="nodeType"><input name="childNodes"></form>
${Array.from({ length: 8 }, (_, i) => `<p>第${i + 1}段：全省深入实施八八战略，推进五水共治，打造共同富裕示范区。</p>`).join('\n')}
</article></body></html>`;

describe('hostile and mis-encoded pages', () => {
  let browser: ExtensionBrowser;
  let site: Site;

  beforeAll(async () => {
    site = await serve({ '/gbk.html': GBK, '/clobber.html': CLOBBER });
    browser = await launchWithExtension();
  });

  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });

  it('saves a GBK page served without a charset (and a wrong meta charset) as readable Chinese', async () => {
    const { tabId } = await browser.openTab(`${site.origin}/gbk.html`);
    const popup = await browser.open(browser.extensionUrl(`popup.html?tabId=${tabId}`));
    await popup.getByRole('button', { name: 'Save for offline' }).click();
    await expect.poll(() => popup.getByTestId('save-message').textContent(), { timeout: 20_000 }).toMatch(/^Saved/);
    const reader = await browser.open(browser.extensionUrl('reader.html'));
    await reader.getByRole('link', { name: '义乌市推进市场采购贸易方式试点' }).click();
    await expect.poll(() => reader.getByTestId('article-body').innerText()).toContain('枫桥经验');
  });

  it('marks terms and saves a page whose form fields shadow DOM properties, without hanging', async () => {
    const { page, tabId } = await browser.openTab(`${site.origin}/clobber.html`);
    await expect.poll(() => page.locator('yidu-mark[data-yidu-term="double-eight-strategy"]').count(), { timeout: 10_000 }).toBe(9);
    const popup = await browser.open(browser.extensionUrl(`popup.html?tabId=${tabId}`));
    await popup.getByRole('button', { name: 'Save for offline' }).click();
    await expect.poll(() => popup.getByTestId('save-message').textContent(), { timeout: 20_000 }).toMatch(/^Saved/);
  });

  it('logged no console error and no uncaught exception', () => {
    expect(browser.errors).toEqual([]);
  });
});
