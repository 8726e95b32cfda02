/**
 * Pages that fight back: a GBK page whose meta charset lies (and no charset header), and form fields
 * that shadow the DOM properties extraction and annotation read (parentNode, tagName, hasAttribute…).
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchWithExtension, serve, type ExtensionBrowser, type Site } from './harness';

const GBK = readFileSync(resolve(import.meta.dirname, '../fixtures/extraction/gbk-sample.html'));
const CLOBBER = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>表单页面</title></head><body>
<article><h1>八八战略深入实施</h1>
<form><input name="parentNode"><input name="tagName"><input name="hasAttribute"><input name="nodeType"><input name="childNodes"></form>
${Array.from({ length: 8 }, (_, i) => `<p>第${i + 1}段：全省深入实施八八战略，推进五水共治，打造共同富裕示范区。</p>`).join('\n')}
</article></body></html>`;

// Text inside forms whose fields shadow what climbing the tree reads (parentElement, closest, localName,
// getAttribute, getBoundingClientRect): one form in the page as sent, one added by its script later.
const FIELDS = ['parentElement', 'localName', 'getAttribute', 'closest', 'getBoundingClientRect', 'tagName'].map((name) => `<input name="${name}">`).join('');
const CLIMB = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>评论表单</title></head><body>
<article><h1>五水共治见成效</h1>
${Array.from({ length: 4 }, (_, i) => `<p>第${i + 1}段：全省深入实施八八战略，推进五水共治。</p>`).join('\n')}
<form id="comment" style="padding:24px">${FIELDS}<p id="in-form">留言：我们支持八八战略，也关心糖尿病的防治。</p><span>五水共治</span></form>
</article>
<script>
  setTimeout(() => {
    const late = document.createElement('form');
    late.innerHTML = '${FIELDS}<p id="late">后来加上的段落：八八战略</p>';
    document.querySelector('article').append(late);
  }, 300);
</script></body></html>`;

/** How many elements match `selector` (the browser's own engine; see the clobbering test below). */
const count = (page: Page, selector: string) =>
  page.evaluate((sel) => {
    const [host, inner] = sel.split(' >>> ');
    return inner ? (document.querySelector(host!)?.shadowRoot?.querySelectorAll(inner).length ?? 0) : document.querySelectorAll(sel).length;
  }, selector);

describe('hostile and mis-encoded pages', () => {
  let browser: ExtensionBrowser;
  let site: Site;

  beforeAll(async () => {
    site = await serve({ '/gbk.html': GBK, '/clobber.html': CLOBBER, '/climb.html': CLIMB });
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

  it('marks, shows cards and looks up words in forms whose fields shadow what climbing the tree reads', async () => {
    // Inline English on: it asks whether a run lies in the page's chrome, climbing from its element.
    await browser.worker.evaluate(async () => {
      const { settings } = (await chrome.storage.local.get('settings')) as { settings?: Record<string, unknown> };
      await chrome.storage.local.set({ settings: { ...(settings ?? {}), inlineEnglish: 'first' } });
    });
    const { page } = await browser.openTab(`${site.origin}/climb.html`);
    await expect.poll(() => count(page, '#in-form yidu-mark[data-yidu-term="double-eight-strategy"]'), { timeout: 10_000 }).toBe(1);
    await expect.poll(() => count(page, '#comment > span yidu-mark')).toBe(1);
    await expect.poll(() => count(page, '#late yidu-mark[data-yidu-term="double-eight-strategy"]'), { timeout: 10_000 }).toBe(1);
    // A term's card, from a mark inside the form. Playwright's own selector engine and hover() climb the
    // form's parents in the page and never come back: the test counts with querySelectorAll and moves
    // the pointer by coordinates.
    const mark = await page.evaluate(() => {
      const r = document.querySelector('#in-form yidu-mark[data-yidu-term="double-eight-strategy"]')!.getBoundingClientRect();
      return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
    });
    await page.mouse.move(1, 1);
    await page.mouse.move(mark.x, mark.y);
    await expect.poll(() => count(page, 'yidu-card >>> .card'), { timeout: 5000 }).toBe(1);
    await page.keyboard.press('Escape');
    await expect.poll(() => count(page, 'yidu-card >>> .card')).toBe(0);
    // The pointer over the form itself (its padding): events whose target is the form.
    const pad = await page.evaluate(() => {
      const r = Element.prototype.getBoundingClientRect.call(document.querySelector('#comment')!); // the form's own is shadowed
      return { x: r.left + 8, y: r.top + 8 };
    });
    await page.mouse.move(pad.x, pad.y);
    await page.mouse.move(pad.x + 4, pad.y + 2);
    // A word's card (the dictionary), for a word of the form's text that no entry covers.
    await page.mouse.move(1, 1);
    const at = await page.evaluate(() => {
      const text = document.querySelector('#in-form')!.lastChild as Text;
      const from = text.data.indexOf('糖尿病') + 1;
      const range = document.createRange();
      range.setStart(text, from);
      range.setEnd(text, from + 1);
      const r = range.getBoundingClientRect();
      return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
    });
    await page.mouse.move(at.x, at.y);
    await expect.poll(() => count(page, 'yidu-card >>> .word-card'), { timeout: 10_000 }).toBe(1);
    expect(await page.evaluate(() => document.querySelector('yidu-card')?.shadowRoot?.querySelector('.word-card h2 .term')?.textContent)).toBe('糖尿病');
    await browser.worker.evaluate(async () => {
      const { settings } = (await chrome.storage.local.get('settings')) as { settings?: Record<string, unknown> };
      await chrome.storage.local.set({ settings: { ...(settings ?? {}), inlineEnglish: 'off' } });
    });
    await page.close();
  });

  it('logged no console error and no uncaught exception', () => {
    expect(browser.errors).toEqual([]);
  });
});
