/**
 * The popup as a reader meets it: the page's state and the main actions first (within the first
 * 300 px, even on a page with a hundred terms), the ten most frequent terms with "Show all N", the
 * site switched off and said so after a reload (in both languages), pausing one tab, and a worded
 * message where the browser refuses to let Yidu into a page.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { EXTENSION_DIR, launchWithExtension, newsPage, serve, type ExtensionBrowser, type Site } from './harness';
import { en, zhCN } from '@/lib/i18n-messages';

/** Built-in terms a page can show one per paragraph without one hiding another (no guards, no overlaps). */
function distinctTerms(count: number): string[] {
  const entries = JSON.parse(readFileSync(join(EXTENSION_DIR, 'glossary.json'), 'utf8')) as { term: string; forms?: string[]; guards?: unknown }[];
  const chosen: string[] = [];
  const surfaces: string[] = [];
  for (const e of entries) {
    if (e.guards || e.term.length < 4 || !/^[\u4e00-\u9fff]+$/.test(e.term)) continue;
    const own = [e.term, ...(e.forms ?? [])];
    if (own.some((s) => surfaces.some((o) => o.includes(s) || s.includes(o)))) continue;
    chosen.push(e.term);
    surfaces.push(...own);
    if (chosen.length === count) break;
  }
  return chosen;
}

/** The popup at its real size (Chrome's popups are at most 800 × 600; Yidu's body is 340 px wide). */
async function openPopup(browser: ExtensionBrowser, tabId: number): Promise<Page> {
  const popup = await browser.context.newPage();
  await popup.setViewportSize({ width: 340, height: 600 });
  await popup.goto(browser.extensionUrl(`popup.html?tabId=${tabId}`));
  return popup;
}

describe('the popup', () => {
  let browser: ExtensionBrowser;
  let site: Site;
  let elsewhere: Server;
  let elsewhereOrigin: string;
  const terms = distinctTerms(120);

  beforeAll(async () => {
    site = await serve({
      // Term i appears (i % 5) + 1 times, so the most frequent ten are not simply the first ten.
      '/many.html': newsPage('术语很多的页面', terms.map((term, i) => Array.from({ length: (i % 5) + 1 }, () => `${term}。`).join(''))),
      '/article.html': newsPage('义乌召开大会', ['会议强调，要坚持八八战略，奋力打造重要窗口。', '深化党建+单元+警务模式，推动五水共治。五水共治成效明显。']),
    });
    // A site off Yidu's list (127.0.0.2 is loopback too, but no declared match covers it): the extension
    // has no host permission there, so without a toolbar click's activeTab grant it cannot run.
    elsewhere = createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(newsPage('别处', ['坚持八八战略。'])));
    await new Promise<void>((ok) => elsewhere.listen(0, '127.0.0.2', ok));
    elsewhereOrigin = `http://127.0.0.2:${(elsewhere.address() as AddressInfo).port}`;
    browser = await launchWithExtension();
  });

  afterAll(async () => {
    await browser?.close();
    await site?.close();
    await new Promise((ok) => elsewhere?.close(ok));
  });

  it('puts Save first and lists the ten most frequent terms until "Show all N", on a page with 100+ terms', async () => {
    expect(terms.length).toBe(120);
    const { page, tabId } = await browser.openTab(`${site.origin}/many.html`);
    await page.waitForSelector('yidu-mark');
    const popup = await openPopup(browser, tabId);
    const count = Number(await popup.getByTestId('term-count').textContent());
    expect(count).toBeGreaterThanOrEqual(100);
    const save = popup.getByRole('button', { name: en.saveForOffline });
    const box = (await save.boundingBox())!;
    expect(box.y + box.height).toBeLessThanOrEqual(300);
    // The state line and the pause button sit with it.
    expect(await popup.getByTestId('page-state').textContent()).toBe(en.stateAnnotating);
    expect((await popup.getByRole('button', { name: en.pauseOnPage }).boundingBox())!.y).toBeLessThan(300);

    const rows = popup.locator('[data-testid="term-list"] li');
    expect(await rows.count()).toBe(10);
    // The ten shown are the most frequent: none of them occurs less often than any term left out.
    const shownCounts = (await rows.locator('.count').allInnerTexts()).map(Number);
    expect(Math.min(...shownCounts)).toBe(5);
    await popup.getByRole('button', { name: en.showAllTerms.replace('$1', String(count)) }).click();
    await expect.poll(() => rows.count()).toBe(count);
    await popup.close();
    await page.close();
  });

  it('says "off on this site" after "Never on this site" and a reload, in English and in Chinese, and how to turn it on', async () => {
    const { page, tabId } = await browser.openTab(`${site.origin}/article.html`);
    await page.waitForSelector('yidu-mark');
    let popup = await openPopup(browser, tabId);
    await popup.getByRole('radio', { name: en.siteNever }).click();
    await expect.poll(() => page.locator('yidu-mark').count()).toBe(0);
    await popup.close();

    await page.reload();
    await page.waitForLoadState('load');
    popup = await openPopup(browser, tabId);
    await expect.poll(() => popup.getByTestId('page-state').textContent()).toBe(en.stateOffSite);
    expect(await popup.locator('.page-state').innerText()).toContain(en.offSiteHowTo);
    expect(await popup.locator('body').innerText()).not.toContain(en.noGlossaryTerms);
    expect(await page.locator('yidu-mark').count()).toBe(0);

    await popup.getByLabel(en.languageLabel).selectOption('zh-CN');
    await expect.poll(() => popup.getByTestId('page-state').textContent()).toBe(zhCN.stateOffSite);
    expect(await popup.locator('.page-state').innerText()).toContain(zhCN.offSiteHowTo);
    await popup.getByLabel(zhCN.languageLabel).selectOption('auto');

    // "Annotate this page" turns it on for this visit, from a popup opened anywhere (Yidu runs there already).
    await popup.getByRole('button', { name: en.annotateThisPage }).click();
    await expect.poll(() => page.locator('yidu-mark[data-yidu-term="five-water-co-governance"]').count()).toBe(2);
    await expect.poll(() => popup.getByTestId('page-state').textContent()).toBe(en.stateAnnotating);
    await popup.close();
    await page.reload();
    await page.waitForLoadState('load');
    popup = await openPopup(browser, tabId);
    await expect.poll(() => popup.getByTestId('page-state').textContent()).toBe(en.stateOffSite);
    expect(await page.locator('yidu-mark').count()).toBe(0);

    // "Automatic" turns the site back on in the open tab.
    await popup.getByRole('radio', { name: en.siteAutomatic }).click();
    await expect.poll(() => page.locator('yidu-mark[data-yidu-term="five-water-co-governance"]').count()).toBe(2);
    await expect.poll(() => popup.getByTestId('page-state').textContent()).toBe(en.stateAnnotating);
    await popup.close();
    await page.close();
  });

  it('pauses one tab ("Pause on this page") and resumes it, leaving other tabs marked', async () => {
    const { page, tabId } = await browser.openTab(`${site.origin}/article.html`);
    const other = await browser.openTab(`${site.origin}/article.html`);
    await page.waitForSelector('yidu-mark');
    await other.page.waitForSelector('yidu-mark');
    const marked = await page.locator('yidu-mark').count();
    const popup = await openPopup(browser, tabId);
    await popup.getByRole('button', { name: en.pauseOnPage }).click();
    await expect.poll(() => page.locator('yidu-mark').count()).toBe(0);
    await expect.poll(() => popup.getByTestId('page-state').textContent()).toBe(en.statePaused);
    expect(await other.page.locator('yidu-mark').count()).toBe(marked);

    // A setting changed meanwhile does not undo the pause.
    await popup.getByLabel(en.lookupWords).selectOption('alt');
    await page.waitForTimeout(300);
    expect(await page.locator('yidu-mark').count()).toBe(0);
    await popup.getByLabel(en.lookupWords).selectOption('hover');

    await popup.getByRole('button', { name: en.resumeOnPage }).click();
    await expect.poll(() => page.locator('yidu-mark').count()).toBe(marked);
    await expect.poll(() => popup.getByTestId('page-state').textContent()).toBe(en.stateAnnotating);
    await popup.close();
    await page.close();
    await other.page.close();
  });

  it('words the failure when it cannot annotate a page (no toolbar click, site off the list)', async () => {
    const { page, tabId } = await browser.openTab(`${elsewhereOrigin}/a.html`);
    const popup = await openPopup(browser, tabId);
    await popup.getByRole('button', { name: en.annotateThisPage }).click();
    await expect.poll(() => popup.getByTestId('annotate-error').textContent()).toBe(en.annotateNoAccess);
    expect(await popup.locator('body').innerText()).not.toMatch(/Cannot access|permission to access|No response/);
    expect(await page.locator('yidu-mark').count()).toBe(0);
    await popup.close();
    await page.close();
  });

  it('keeps settings chosen just before the popup closes, and two quick choices both', async () => {
    const { page, tabId } = await browser.openTab(`${site.origin}/article.html`);
    const popup = await openPopup(browser, tabId);
    // Two choices, then the popup closes at once, as a click elsewhere closes it.
    await popup.getByLabel(en.lookupWords).selectOption('shift');
    await popup.getByLabel(en.englishAfterTerms).selectOption('every');
    await popup.close();
    const stored = () =>
      browser.worker.evaluate(async () => {
        const { settings } = (await chrome.storage.local.get('settings')) as { settings?: { lookup?: string; inlineEnglish?: string } };
        return `${settings?.lookup}/${settings?.inlineEnglish}`;
      });
    await expect.poll(stored).toBe('shift/every');
    const again = await openPopup(browser, tabId);
    await again.getByLabel(en.lookupWords).selectOption('hover');
    await again.getByLabel(en.englishAfterTerms).selectOption('off');
    await expect.poll(stored).toBe('hover/off');
    await again.close();
    await page.close();
  });

  it('logged no console error (no unchecked runtime.lastError) and no uncaught exception', () => {
    expect(browser.errors).toEqual([]);
  });
});
