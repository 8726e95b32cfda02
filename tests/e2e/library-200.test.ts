import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchWithExtension, type ExtensionBrowser } from './harness';
import { fillLibrary, savedArticle } from './library-fill';

const COUNT = 200;

describe('a library of 200 saved articles', () => {
  let browser: ExtensionBrowser;
  let reader: Page;

  beforeAll(async () => {
    browser = await launchWithExtension();
    reader = await browser.open(browser.extensionUrl('reader.html'));
    await reader.getByTestId('library-empty').waitFor();
    const articles = Array.from({ length: COUNT }, (_, i) =>
      savedArticle(i, `义乌市坚持八八战略，推进义新欧班列和市场采购贸易方式。第${i}段。`.repeat(20), i % 2 ? { 'double-eight-strategy': 20 } : { 'yixinou-railway': 20, 'double-eight-strategy': 20 }),
    );
    await fillLibrary(reader, articles);
    await reader.reload();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('opens and lists every one, newest first', async () => {
    const list = reader.getByTestId('article-list');
    await expect.poll(() => list.locator('li').count(), { timeout: 20_000 }).toBe(COUNT);
    const titles = await list.locator('li a').allInnerTexts();
    expect(titles[0]).toMatch(/^第0篇 /);
    expect(titles[COUNT - 1]).toMatch(/^第199篇 /);
    expect(await list.locator('li').first().innerText()).toMatch(/site0 · .* · 2 terms · unread/);
  });

  it('filters by a term, from the articles\' entry ids', async () => {
    await reader.getByLabel('Mentions').selectOption('yixinou-railway');
    await expect.poll(() => reader.getByTestId('article-list').locator('li').count()).toBe(COUNT / 2);
    await reader.getByLabel('Mentions').selectOption('');
  });

  it('lists the articles that use an entry in the glossary view', async () => {
    await reader.getByRole('link', { name: 'Glossary' }).click();
    await reader.getByLabel('Search by hanzi, pinyin or English').fill('义新欧');
    await expect.poll(() => reader.locator('.used-in a').count(), { timeout: 10_000 }).toBe(COUNT / 2);
  });

  it('indexes them for search on opening', async () => {
    await reader.getByRole('link', { name: 'Library' }).click();
    // Each article indexed leaves a `yidu-index` performance measure.
    await expect.poll(() => reader.evaluate(() => performance.getEntriesByName('yidu-index').length), { timeout: 80_000 }).toBe(COUNT);
    // Found through the glossary rendering of 义新欧, which only the even-numbered articles mention.
    await reader.getByLabel('Search saved articles').fill('freight');
    const titles = () => reader.getByTestId('search-results').locator('li a').allInnerTexts();
    await expect.poll(async () => (await titles()).length, { timeout: 60_000 }).toBe(20);
    for (const title of await titles()) expect(Number(/^第(\d+)篇/.exec(title)?.[1]) % 2).toBe(0);
  }, 120_000);

  it('logged no console error', () => {
    expect(browser.errors).toEqual([]);
  });
});
