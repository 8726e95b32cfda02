/**
 * One glossary owner, seen from the outside: an entry added, edited or deleted in the reader reaches a
 * page already open in another tab without a reload, and the reader's own search keeps it whole. Pages
 * read the spellings from the pattern pack the background keeps in storage.local: a page opened after
 * a change finds it rebuilt for the new glossary version, not stale.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchWithExtension, newsPage, serve, type ExtensionBrowser, type Site } from './harness';

const PAGE = newsPage('甜橙计划推进会召开', [
  '今年全市全面推进甜橙计划，甜橙计划带动三千农户增收。',
  '会议要求，各镇街把甜橙计划与乡村振兴结合起来。',
]);

describe('one glossary owner for every context', () => {
  let browser: ExtensionBrowser;
  let site: Site;
  let page: Page;
  let reader: Page;
  const marks = () => page.locator('yidu-mark', { hasText: '甜橙计划' });

  beforeAll(async () => {
    site = await serve({ '/orange.html': PAGE });
    browser = await launchWithExtension();
    const opened = await browser.openTab(`${site.origin}/orange.html`);
    page = opened.page;
    // The article is saved before the entry exists, so jieba indexed it as 甜橙|计划.
    const saving = await browser.open(browser.extensionUrl(`reader.html#save=${opened.tabId}`));
    await saving.getByTestId('article-title').waitFor({ timeout: 20_000 });
    await saving.close();
    await page.locator('yidu-mark').first().waitFor();
    expect(await marks().count()).toBe(0);
    reader = await browser.open(browser.extensionUrl('reader.html#tab=entries'));
  });

  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });

  /** The stored pack's glossary version and entry ids, and the current glossary version. */
  const storedPack = () =>
    browser.worker.evaluate(async () => {
      const got = (await chrome.storage.local.get(['patternPack', 'glossaryVersion'])) as { patternPack?: string; glossaryVersion?: number };
      const pack = got.patternPack ? (JSON.parse(got.patternPack) as { glossaryVersion: number; trie: { ids: string[] } }) : undefined;
      return { packVersion: pack?.glossaryVersion, version: got.glossaryVersion ?? 0, ids: pack?.trie.ids ?? [] };
    });

  /** Opens the page anew: how many times it marks 甜橙计划, and where its matcher came from. */
  const openFresh = async () => {
    const fresh = await browser.open(`${site.origin}/orange.html`);
    await fresh.waitForFunction(() => performance.getEntriesByName('yidu:annotate').length > 0);
    const result = await fresh.evaluate(() => ({
      marks: document.querySelectorAll('yidu-mark[data-yidu-term^="user-"]').length,
      source: ((performance.getEntriesByName('yidu:matcher')[0] as PerformanceMeasure | undefined)?.detail as { source?: string } | undefined)?.source,
    }));
    await fresh.close();
    return result;
  };

  const fill = async (form: ReturnType<Page['locator']>, label: string, value: string) => {
    const field = form.locator('label', { hasText: label }).locator('input, textarea').first();
    await field.fill(value);
  };

  it('marks an entry added in the reader in a tab that was already open, without a reload', async () => {
    await reader.getByRole('button', { name: 'Add an entry' }).click();
    const form = reader.locator('form.entry-form');
    await fill(form, 'Term (Chinese)', '甜橙计划');
    await fill(form, 'English', 'Sweet Orange Plan');
    await fill(form, 'Explanation', 'A county programme invented for this test.');
    const started = Date.now();
    await form.getByRole('button', { name: 'Add entry' }).click();
    await expect.poll(() => marks().count(), { timeout: 3000, interval: 50 }).toBe(4); // the headline and three in the text
    console.log(`new entry marked in the open tab ${Date.now() - started} ms after the click`);
    expect(await marks().first().getAttribute('data-yidu-term')).toMatch(/^user-/);
  });

  it('stores the pack rebuilt for the new glossary version, and a newly opened page marks the entry from it', async () => {
    await expect.poll(async () => {
      const { packVersion, version } = await storedPack();
      return packVersion === version && version > 0;
    }, { timeout: 5000, interval: 100 }).toBe(true);
    expect((await storedPack()).ids.some((id) => id.startsWith('user-'))).toBe(true);
    // From the stored pack (unpacked by the early script at document_start), not from the background:
    // the stored pack was current for the page.
    expect(await openFresh()).toEqual({ marks: 4, source: 'document_start' });
  });

  it('shows the new English on the card after the entry is edited', async () => {
    await reader.getByRole('button', { name: 'Edit 甜橙计划' }).click();
    const form = reader.locator('form.entry-form');
    await fill(form, 'English', 'Sweet Orange Programme');
    await form.getByRole('button', { name: 'Save changes' }).click();
    await expect.poll(async () => {
      await page.mouse.move(0, 0);
      await marks().first().hover();
      return page.locator('yidu-card .card').innerText().catch(() => '');
    }, { timeout: 5000, interval: 300 }).toContain('Sweet Orange Programme');
    await page.keyboard.press('Escape');
  });

  it('finds the new entry in saved articles as one word', async () => {
    const library = await browser.open(browser.extensionUrl('reader.html'));
    await library.getByLabel('Search saved articles').fill('甜橙计划');
    const results = library.getByTestId('search-results');
    await expect.poll(() => results.locator('li').count(), { timeout: 15_000 }).toBe(1);
    expect(await results.locator('mark').first().innerText()).toBe('甜橙计划');
    await library.close();
  });

  it('unmarks the page when the entry is deleted', async () => {
    await reader.getByRole('button', { name: 'Delete 甜橙计划…' }).click();
    await reader.getByRole('button', { name: 'Delete 甜橙计划', exact: true }).click();
    await expect.poll(() => marks().count(), { timeout: 3000, interval: 50 }).toBe(0);
    expect(await page.locator('#p1, p').first().innerText()).toContain('甜橙计划');
    await expect.poll(async () => {
      const { packVersion, version, ids } = await storedPack();
      return packVersion === version && !ids.some((id) => id.startsWith('user-'));
    }, { timeout: 5000, interval: 100 }).toBe(true);
    // With no entry of the user's left, the background registers the build's own pack again: a fresh
    // page starts from it, and the stored pack (a later glossary version, built-in entries only) agrees.
    const registered = () =>
      browser.worker.evaluate(async () => (await chrome.scripting.getRegisteredContentScripts({ ids: ['yidu-builtin-patterns'] })).length);
    await expect.poll(registered, { timeout: 5000 }).toBe(1);
    expect(await openFresh()).toEqual({ marks: 0, source: 'builtin' });
  });

  it('refuses a pack with a bad entry, names the problem in Chinese in the Chinese interface, and changes nothing', async () => {
    await reader.getByLabel('Interface language').selectOption('zh-CN');
    const pack = {
      format: 'yidu-glossary-pack',
      version: 1,
      entries: [
        { id: 'user-good', term: '蜜橘工程', forms: [], pinyin: 'mì jú gōng chéng', english: 'Tangerine Project', englishSource: 'mine', explanation: 'A test entry that would be fine on its own.', category: 'programme', scope: 'national', related: [] },
        { id: 'user-bad', term: '八八战略', forms: [], pinyin: 'ba1 ba1', english: '', englishSource: 'mine', explanation: 'Clashes with a built-in entry.', category: 'programme', scope: 'national', related: [] },
      ],
    };
    await reader.locator('input[type=file][accept*="json"]').first().setInputFiles({ name: '坏词库.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(pack)) });
    const alert = reader.getByRole('alert');
    await alert.waitFor();
    const text = await alert.innerText();
    expect(text).toMatch(/未导入|没有导入|坏词库\.json/);
    expect(text).toMatch(/内置条目/); // the clash with 八八战略, in Chinese
    expect(text).toMatch(/不是拼音音节/);
    // No English sentence: what remains after removing names, ids and quoted values has no run of English words.
    expect(text.replace(/“[^”]*”|"[^"]*"|（[^）]*）|user-[a-z]+|double-eight-strategy|坏词库\.json/g, '')).not.toMatch(/[A-Za-z]{3,}\s+[A-Za-z]{3,}/);
    expect(await reader.getByTestId('user-entries-list').locator('li').count()).toBe(0);
    await reader.getByLabel('界面语言').selectOption('en');
  });

  it('logged no console error and no uncaught exception', () => {
    expect(browser.errors).toEqual([]);
  });
});
