import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchWithExtension, serve, type ExtensionBrowser, type Site } from './harness';

const page = (title: string, paragraphs: string[]) => `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${title}</title></head>
<body><div class="content"><h1>${title}</h1>${paragraphs.map((p) => `<p>${p}</p>`).join('\n')}</div></body></html>`;

const RAIL = page('义新欧班列开行再创新高', Array.from({ length: 12 }, (_, i) => `第${i + 1}段：今年义新欧班列开行1000列，义乌深化市场采购贸易方式试点，外贸持续向好。`));
const WATER = page('五水共治成效明显', Array.from({ length: 12 }, (_, i) => `第${i + 1}段：全市深化五水共治，河道水质持续改善，群众满意度不断提升。`));

describe('the library: save, search, read offline', () => {
  let browser: ExtensionBrowser;
  let site: Site;
  let reader: Page;

  beforeAll(async () => {
    site = await serve({ '/rail.html': RAIL, '/water.html': WATER });
    browser = await launchWithExtension();
    for (const path of ['/rail.html', '/water.html']) {
      const { tabId } = await browser.openTab(`${site.origin}${path}`);
      const saving = await browser.open(browser.extensionUrl(`reader.html#save=${tabId}`));
      await saving.getByTestId('article-title').waitFor({ timeout: 20_000 });
      await saving.close();
    }
    await site.close(); // everything from here on is offline
    reader = await browser.open(browser.extensionUrl('reader.html'));
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('lists both saved articles with their sites and term counts', async () => {
    await expect.poll(() => reader.getByTestId('article-list').locator('li').count()).toBe(2);
    expect(await reader.getByTestId('article-list').innerText()).toMatch(/五水共治成效明显[\s\S]*terms/);
  });

  it('finds a Chinese word and shows the sentence with the hit highlighted', async () => {
    await reader.getByLabel('Search saved articles').fill('水质');
    const results = reader.getByTestId('search-results');
    await expect.poll(() => results.locator('li').count(), { timeout: 15_000 }).toBe(1);
    expect(await results.locator('li a').innerText()).toBe('五水共治成效明显');
    expect(await results.locator('mark').first().innerText()).toBe('水质');
  });

  it('finds an English word through the glossary renderings of the terms in an article', async () => {
    await reader.getByLabel('Search saved articles').fill('railway');
    const results = reader.getByTestId('search-results');
    await expect.poll(() => results.locator('li a').allInnerTexts(), { timeout: 15_000 }).toEqual(['义新欧班列开行再创新高']);
  });

  it('filters the list by a term it mentions', async () => {
    await reader.getByLabel('Mentions').selectOption('five-water-co-governance');
    await expect.poll(() => reader.getByTestId('article-list').locator('li a').allInnerTexts()).toEqual(['五水共治成效明显']);
    await reader.getByLabel('Mentions').selectOption('');
  });

  it('opens an article offline with its marks, and deletes one with undo', async () => {
    await reader.getByTestId('article-list').getByRole('link', { name: '义新欧班列开行再创新高' }).click();
    const body = reader.getByTestId('article-body');
    await expect.poll(() => body.locator('yidu-mark[data-yidu-term="yixinou-railway"]').count()).toBeGreaterThanOrEqual(12);
    const occurrences = (await body.innerText()).split('义新欧').length - 1;
    expect(await body.locator('yidu-mark[data-yidu-term="yixinou-railway"]').count()).toBe(occurrences);
    await reader.getByRole('checkbox', { name: 'Pinyin over terms' }).check();
    expect(await reader.getByTestId('article-body').locator('yidu-mark[data-pinyin]').first().getAttribute('data-pinyin')).toMatch(/yì xīn ōu/);
    await reader.getByRole('link', { name: 'Library' }).click();
    await reader.getByRole('button', { name: 'Delete “五水共治成效明显”' }).click();
    await expect.poll(() => reader.getByTestId('article-list').locator('li').count()).toBe(1);
    await reader.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => reader.getByTestId('article-list').locator('li').count()).toBe(2);
  });

  it('logged no console error', () => {
    expect(browser.errors).toEqual([]);
  });
});
