/**
 * Accessibility audit with axe-core of every screen a reader meets: the popup on a page with terms,
 * each reader view (with data in it), and an open term card in its shadow root, in the English and
 * the Chinese interface, in light and dark colours (the system's, and the reader's own theme). Fails on any violation axe
 * rates serious or critical, and prints them (rule, impact, elements).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchWithExtension, newsPage, serve, type ExtensionBrowser, type Site } from './harness';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

const NEWS = newsPage(
  '义乌深化八八战略',
  Array.from({ length: 6 }, (_, i) => `第${i + 1}段：义乌坚持八八战略，推进义新欧班列和五水共治，建设共同富裕示范区。`),
);

interface Finding {
  id: string;
  impact: string | null | undefined;
  help: string;
  targets: unknown[];
}

/**
 * Runs axe on `page` (or inside the shadow root of `shadowHost`) and returns the serious and critical
 * violations. axe is evaluated as a script rather than added as an inline <script>, which the
 * extension pages' content security policy would refuse.
 */
async function audit(page: Page, shadowHost?: string): Promise<Finding[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  // axe reads colours only under <body> ("unable to determine contrast" elsewhere), and the card's host
  // sits after it, in <html>: for the audit it is moved into <body>, where its fixed card looks the same.
  if (shadowHost) await page.evaluate((host) => document.body.append(document.querySelector(host)!), shadowHost);
  return page.evaluate(async (host) => {
    const axe = (window as unknown as { axe: typeof import('axe-core') }).axe;
    const context: import('axe-core').ElementContext = host ? { include: [{ fromShadowDom: [host, '.card'] }], exclude: [] } : document;
    const result = await axe.run(context, { resultTypes: ['violations'] });
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map((n) => n.target) }));
  }, shadowHost);
}

/** The findings as lines a person can act on, so a failing test says what to fix. */
const report = (where: string, findings: Finding[]) => findings.map((f) => `${where}: ${f.id} (${f.impact}) ${f.help} — ${JSON.stringify(f.targets)}`);

describe('accessibility (axe-core): no serious or critical violations', () => {
  let browser: ExtensionBrowser;
  let site: Site;
  let news: Page;
  let tabId: number;
  let reader: Page;

  const setLanguage = (language: 'en' | 'zh-CN') => browser.worker.evaluate((l) => chrome.storage.local.set({ uiLanguage: l }), language);
  const setTheme = (theme: 'light' | 'dark') =>
    browser.worker.evaluate((th) => chrome.storage.local.set({ readerPrefs: { fontSize: 18, theme: th, pinyinMode: 'off' } }), theme);

  beforeAll(async () => {
    site = await serve({ '/news.html': NEWS });
    browser = await launchWithExtension();
    ({ page: news, tabId } = await browser.openTab(`${site.origin}/news.html`));
    await news.waitForSelector('yidu-mark[data-yidu-term="double-eight-strategy"]');
    // A saved article (library and article view), a vocabulary item and an entry of your own.
    reader = await browser.open(browser.extensionUrl(`reader.html#save=${tabId}`));
    await reader.getByTestId('article-title').waitFor({ timeout: 20_000 });
    await reader.evaluate(async () => {
      const open = indexedDB.open('yidu');
      const db = await new Promise<IDBDatabase>((ok) => (open.onsuccess = () => ok(open.result)));
      const tx = db.transaction(['vocabulary'], 'readwrite');
      tx.objectStore('vocabulary').put({
        entryId: 'double-eight-strategy',
        term: '八八战略',
        english: 'Double-Eight Strategy',
        pinyin: 'bā bā zhàn lüè',
        sentence: '义乌坚持八八战略',
        pageTitle: '义乌深化八八战略',
        pageUrl: location.href,
        savedAt: Date.now(),
        learned: false,
      });
      await new Promise((ok) => (tx.oncomplete = ok));
    });
    await reader.goto(browser.extensionUrl('reader.html#tab=entries'));
    await reader.getByRole('button', { name: 'Add an entry' }).click();
    await reader.getByLabel('Term (Chinese)').fill('小商品指数样本户');
    await reader.getByLabel('English', { exact: true }).fill('Sample households of the commodity index');
    await reader.getByRole('button', { name: 'Add entry' }).click();
    await reader.getByTestId('user-entries-list').locator('li').first().waitFor();
  });

  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });

  for (const language of ['en', 'zh-CN'] as const) {
    describe(`${language} interface`, () => {
      beforeAll(async () => {
        await setLanguage(language);
        await setTheme('light');
      });

      for (const scheme of ['light', 'dark'] as const) {
        it(`the popup on a page with terms (${scheme} system colours)`, async () => {
          const popup = await browser.open(browser.extensionUrl(`popup.html?tabId=${tabId}`));
          await popup.emulateMedia({ colorScheme: scheme });
          await popup.locator('.term-list li').first().waitFor();
          expect(await popup.evaluate(() => document.documentElement.lang)).toBe(language);
          const findings = report(`popup (${language}, ${scheme})`, await audit(popup));
          await popup.close();
          expect(findings).toEqual([]);
        });
      }

      for (const theme of ['light', 'dark'] as const) {
        describe(`the reader, ${theme} theme`, () => {
          beforeAll(() => setTheme(theme));
          const views: [string, () => string, string][] = [
            ['library', () => 'reader.html#tab=library', '[data-testid="article-list"] li'],
            ['an open article', () => `reader.html#article=${encodeURIComponent(`${site.origin}/news.html`)}`, '[data-testid="article-terms"] li'],
            ['glossary', () => 'reader.html#tab=glossary', '.entry'],
            ['vocabulary', () => 'reader.html#tab=vocabulary', '[data-testid="vocabulary-list"] li'],
            ['your entries, with the form open', () => 'reader.html#tab=entries', '[data-testid="user-entries-list"] li'],
            ['backup', () => 'reader.html#tab=backup', 'main h2'],
          ];
          for (const [name, path, ready] of views) {
            it(name, async () => {
              const page = await browser.open(browser.extensionUrl(path()));
              // The reader's dark theme (set in its preferences) and, for every view, the system's dark colours.
              await page.emulateMedia({ colorScheme: theme });
              await page.locator(ready).first().waitFor();
              expect(await page.evaluate(() => document.documentElement.lang)).toBe(language);
              if (name === 'an open article') await expect.poll(() => page.evaluate(() => document.documentElement.dataset.theme)).toBe(theme);
              if (name.startsWith('your entries')) {
                // The add/edit form, with a related entry chosen and a problem shown, is part of this view.
                await page.locator('.view-actions button.primary').first().click();
                await page.locator('.entry-form input').first().fill('八八战略');
                await page.locator('.entry-form .two input').first().fill('Double-Eight Strategy');
                await page.locator('.related-picker input').fill('double eight');
                await page.locator('.related-matches button').first().click();
                await page.locator('.entry-form button[type=submit]').click();
                await page.locator('.entry-form [role=alert]').waitFor();
              }
              const where = `${name} (${language}, ${theme})`;
              const findings = report(where, await audit(page));
              if (name === 'an open article') {
                // The term card as the reader shows it, in the reader's theme.
                await page.hover('[data-testid="article-body"] yidu-mark[data-yidu-term="double-eight-strategy"]');
                await page.locator('yidu-card .card').waitFor();
                findings.push(...report(`card in ${where}`, await audit(page, 'yidu-card')));
              }
              await page.close();
              expect(findings).toEqual([]);
            });
          }
        });
      }

      for (const scheme of ['light', 'dark'] as const) {
        it(`an open term card on a page (${scheme} system colours)`, async () => {
          await news.bringToFront();
          await news.emulateMedia({ colorScheme: scheme });
          await news.reload();
          await news.waitForSelector('yidu-mark[data-yidu-term="double-eight-strategy"]');
          await news.hover('yidu-mark[data-yidu-term="double-eight-strategy"]');
          await news.locator('yidu-card .card').waitFor();
          expect(report(`card (${language}, ${scheme})`, await audit(news, 'yidu-card'))).toEqual([]);
          await news.keyboard.press('Escape');
        });
      }
    });
  }

  it('logged no console error or warning', () => {
    expect(browser.errors).toEqual([]);
  });
});
