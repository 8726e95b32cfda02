/**
 * "English after terms" touches the article only: a site's header, logo, menus, sidebar and footer
 * keep their layout, while the article's terms get their English (without nested brackets).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchWithExtension, serve, type ExtensionBrowser, type Site } from './harness';
import { en } from '@/lib/i18n-messages';

const PAGE = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>五水共治工作推进会</title></head>
<body>
<header id="top"><div class="logo">八八战略</div></header>
<nav><ul><li><a href="/a">五水共治</a></li><li><a href="/b">八八战略</a></li></ul></nav>
<div class="layout">
  <aside><h2>相关</h2><p>深化五水共治</p></aside>
  <main>
    <article>
      <h1>推进五水共治</h1>
      <p>坚持八八战略，深化五水共治。</p>
      <p>五水共治成效明显。</p>
    </article>
  </main>
  <div class="sidebar"><p>八八战略二十年</p></div>
</div>
<footer><p>五水共治办公室</p></footer>
</body></html>`;

describe('inline English on a page with navigation, sidebars and an article', () => {
  let browser: ExtensionBrowser;
  let site: Site;
  let page: Page;
  let tabId: number;

  beforeAll(async () => {
    site = await serve({ '/page.html': PAGE });
    browser = await launchWithExtension();
    ({ page, tabId } = await browser.openTab(`${site.origin}/page.html`));
    await page.waitForSelector('article yidu-mark');
  });
  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });

  it('with "every occurrence", glosses the article’s terms and nothing outside <main>/<article>', async () => {
    const popup = await browser.open(browser.extensionUrl(`popup.html?tabId=${tabId}`));
    await popup.getByLabel(en.englishAfterTerms).selectOption('every');
    // One gloss per occurrence of a glossary term in the article (four here), none elsewhere.
    const occurrences = await page.$$eval('article yidu-mark:not([data-yidu-kind])', (marks) => new Set(marks.map((m) => m.getAttribute('data-yidu-occurrence'))).size);
    expect(occurrences).toBe(4);
    await expect.poll(() => page.locator('article yidu-gloss').count(), { timeout: 5000 }).toBe(occurrences);
    const outside = await page.$$eval('yidu-gloss', (glosses) => glosses.filter((g) => !g.closest('main, article')).map((g) => g.textContent));
    expect(outside).toEqual([]);
    // The terms out there are still marked: only the inline English is kept away.
    expect(await page.locator('header yidu-mark, nav yidu-mark, aside yidu-mark, .sidebar yidu-mark, footer yidu-mark').count()).toBe(6);
    const water = await page.locator('article yidu-mark[data-yidu-term="five-water-co-governance"] + yidu-gloss').allTextContents();
    expect(water.length).toBe(3);
    for (const text of water) expect(text).toMatch(/^ \([^()]+\)$/);
    await popup.getByLabel(en.englishAfterTerms).selectOption('off');
    await expect.poll(() => page.locator('yidu-gloss').count()).toBe(0);
    await popup.close();
  });

  it('logged no console error', () => {
    expect(browser.errors).toEqual([]);
  });
});
