import { readFileSync } from 'node:fs';
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
    await reader.getByLabel('Search saved articles').fill('freight');
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
    // Pinyin over jargon: ruby inside the marks, read from what is written.
    await reader.getByLabel('Pinyin').selectOption('jargon');
    const reading = reader.getByTestId('article-body').locator('yidu-mark[data-yidu-term="yixinou-railway"] rt').first();
    await expect.poll(() => reading.count(), { timeout: 10_000 }).toBe(1);
    expect(await reading.textContent()).toMatch(/yì xīn ōu/);
    await reader.getByLabel('Pinyin').selectOption('off');
    await reader.getByRole('link', { name: 'Library' }).click();
    await reader.getByRole('button', { name: 'Delete “五水共治成效明显”' }).click();
    await expect.poll(() => reader.getByTestId('article-list').locator('li').count()).toBe(1);
    await reader.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => reader.getByTestId('article-list').locator('li').count()).toBe(2);
  });

  it('saves a term from a card in a saved article and exports the vocabulary for Anki', async () => {
    await reader.getByTestId('article-list').getByRole('link', { name: '五水共治成效明显' }).click();
    const mark = reader.getByTestId('article-body').locator('yidu-mark[data-yidu-term="five-water-co-governance"]').first();
    await mark.waitFor();
    await mark.hover();
    await reader.locator('yidu-card').getByRole('button', { name: 'Save to vocabulary' }).click();
    await expect.poll(() => reader.locator('yidu-card').getByRole('button', { name: /Saved to vocabulary/ }).count()).toBe(1);
    await reader.keyboard.press('Escape');
    await reader.getByRole('link', { name: 'Vocabulary' }).click();
    await expect.poll(() => reader.locator('#vocabulary-heading').count()).toBe(1);
    const [download] = await Promise.all([reader.waitForEvent('download'), reader.getByRole('button', { name: 'Export for Anki (TSV)' }).click()]);
    const rows = readFileSync((await download.path())!, 'utf8').split('\n').filter((line) => line && !line.startsWith('#'));
    expect(rows).toHaveLength(1);
    const [front, back, pinyin, definition, context, tags] = rows[0]!.split('\t');
    expect(front).toBe('五水共治');
    expect(back).toBeTruthy();
    expect(definition).toBeTruthy(); // the glossary's explanation
    expect(pinyin).toBe('wǔ shuǐ gòng zhì');
    expect(context).toContain('五水共治');
    expect(tags).toContain('yidu');
  });

  it('shows the card dark in the reader’s dark theme (the system theme here is light)', async () => {
    await reader.getByRole('link', { name: 'Library' }).click();
    await reader.getByTestId('article-list').getByRole('link', { name: '五水共治成效明显' }).click();
    await reader.getByLabel('Theme').selectOption('dark');
    const mark = reader.getByTestId('article-body').locator('yidu-mark[data-yidu-term="five-water-co-governance"]').first();
    await mark.hover();
    const background = () => reader.locator('yidu-card .card').evaluate((card) => getComputedStyle(card).backgroundColor);
    await expect.poll(async () => (((await background()).match(/\d+/g) ?? []).slice(0, 3).map(Number).reduce((a, b) => a + b, 0)), { timeout: 5000 }).toBeLessThan(200);
    await reader.keyboard.press('Escape');
    await reader.getByLabel('Theme').selectOption('auto');
  });

  it('backs up, clears all data, restores, and finds the same library', async () => {
    await reader.getByRole('link', { name: 'Backup' }).click();
    const [download] = await Promise.all([reader.waitForEvent('download'), reader.getByRole('button', { name: 'Download a backup' }).click()]);
    const backupPath = (await download.path())!;
    await reader.getByRole('button', { name: 'Clear all data…' }).click();
    await reader.getByRole('button', { name: 'Delete everything' }).click();
    await reader.getByRole('link', { name: 'Library' }).click();
    await expect.poll(() => reader.getByTestId('library-empty').count(), { timeout: 10_000 }).toBe(1);
    await reader.getByRole('link', { name: 'Backup' }).click();
    // Restoring merges by default; this test replaces, as after clearing everything.
    await reader.getByLabel('Replace everything in Yidu with the backup').check();
    await reader.locator('input[type="file"]').setInputFiles(backupPath);
    await reader.getByRole('button', { name: 'Replace and restore' }).click();
    await reader.getByRole('link', { name: 'Library' }).click();
    await expect.poll(() => reader.getByTestId('article-list').locator('li a').allInnerTexts(), { timeout: 15_000 }).toEqual(
      expect.arrayContaining(['义新欧班列开行再创新高', '五水共治成效明显']),
    );
    await reader.getByLabel('Search saved articles').fill('水质');
    await expect.poll(() => reader.getByTestId('search-results').locator('li').count(), { timeout: 15_000 }).toBe(1);
    await reader.getByRole('link', { name: 'Vocabulary' }).click();
    await expect.poll(() => reader.getByText('wǔ shuǐ gòng zhì').count()).toBeGreaterThan(0);
  });

  it('logged no console error', () => {
    expect(browser.errors).toEqual([]);
  });
});
