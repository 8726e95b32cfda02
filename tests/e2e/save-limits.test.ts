/**
 * Saving at the edges: a lazy image with a relative data-src and a relative link keep their real
 * targets (the image is stored and shown offline); an image over the 15 MB cap is refused; a page
 * of 200,000 elements is saved as text with a clear message, without hanging the popup.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, makePng, serve, type ExtensionBrowser, type Site } from './harness';

const paragraphs = (n: number, what: string) =>
  Array.from({ length: n }, (_, i) => `<p>第${i + 1}段：${what}深入实施八八战略，推进五水共治，奋力推动共同富裕示范区建设取得新成效。</p>`).join('\n');

const LAZY = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>懒加载图片报道</title></head><body>
<article><h1>懒加载图片报道</h1>
${paragraphs(10, '义乌')}
<p><img data-src="/img/b.png" src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" alt="班列"></p>
<p><img src="/img/huge.png" alt="超大图片"></p>
<p>详细情况请见<a href="/news/other.html">另一篇报道</a>，其中介绍了义乌市场采购贸易方式试点的最新进展和经验做法。</p>
</article></body></html>`;

const HUGE = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>超大页面报道</title></head><body>
<article><h1>超大页面报道</h1>
${paragraphs(6, '金华')}
<div>${'<i></i>'.repeat(200_000)}</div>
</article></body></html>`;

describe('saving images, links and huge pages', () => {
  let browser: ExtensionBrowser;
  let site: Site | undefined;

  beforeAll(async () => {
    browser = await launchWithExtension();
  });

  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });

  it('stores the real image of a lazy <img> with a relative data-src, refuses one over 15 MB, and keeps a relative link absolute', async () => {
    site = await serve({ '/news/lazy.html': LAZY, '/img/b.png': makePng(32, 24, [20, 120, 200]), '/img/huge.png': Buffer.alloc(16 * 1024 * 1024, 1) });
    const { tabId } = await browser.openTab(`${site.origin}/news/lazy.html`);
    const popup = await browser.open(browser.extensionUrl(`popup.html?tabId=${tabId}`));
    await popup.getByRole('button', { name: 'Save for offline' }).click();
    await expect.poll(() => popup.getByTestId('save-message').textContent(), { timeout: 30_000 }).toMatch(/^Saved/);
    expect(await popup.getByTestId('save-message').textContent()).toContain('1 of 2 images saved');
    const origin = site.origin;
    await site.close(); // offline from here on: the image must come from the library
    site = undefined;

    const reader = await browser.open(browser.extensionUrl('reader.html'));
    await reader.getByRole('link', { name: '懒加载图片报道' }).click();
    const body = reader.getByTestId('article-body');
    await expect.poll(() => body.innerText()).toContain('第10段');
    await expect
      .poll(() => reader.$$eval('[data-testid="article-body"] img', (imgs) => imgs.map((i) => (i as HTMLImageElement).naturalWidth)), { timeout: 10_000 })
      .toEqual([32, 0]);
    expect(await body.getByRole('link', { name: '另一篇报道' }).getAttribute('href')).toBe(`${origin}/news/other.html`);
  });

  it('saves a page of 200,000 elements as its text, says why, and the popup stays responsive', { timeout: 120_000 }, async () => {
    site = await serve({ '/news/huge.html': HUGE });
    const { tabId } = await browser.openTab(`${site.origin}/news/huge.html`);
    const popup = await browser.open(browser.extensionUrl(`popup.html?tabId=${tabId}`));
    await popup.getByRole('button', { name: 'Save for offline' }).click();
    await expect.poll(() => popup.getByTestId('save-message').textContent(), { timeout: 90_000 }).toMatch(/^Saved/);
    expect(await popup.getByTestId('save-message').textContent()).toMatch(/too large to look for its article in \(2\d{5} elements\)/);
    expect(await popup.evaluate(() => 1 + 1)).toBe(2);
    const reader = await browser.open(browser.extensionUrl('reader.html'));
    await reader.getByRole('link', { name: '超大页面报道' }).click();
    await expect.poll(() => reader.getByTestId('article-body').innerText()).toContain('第6段：金华');
    expect(browser.errors).toEqual([]);
  });
});
