/**
 * The annotating script takes over a storage read its tiny document_start script began
 * (lib/page-start.ts). A glossary change between that read and document_idle must not leave the page
 * on the old patterns: here an entry is added while the page is held loading by a script the server
 * keeps back, and the page, once loaded, marks the new entry.
 */
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, type ExtensionBrowser } from './harness';

const PAGE = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>蜜柚工程推进会</title></head>
<body><article><h1>蜜柚工程推进会召开</h1><p>全市推进八八战略，蜜柚工程带动三千农户增收。</p>
<script src="/held.js"></script><p>会议要求把蜜柚工程与乡村振兴结合起来。</p></article></body></html>`;

describe('a glossary change while a page loads', () => {
  let browser: ExtensionBrowser;
  let server: Server;
  let origin: string;
  let held: ServerResponse | undefined;
  let scriptAsked: () => void;
  const asked = new Promise<void>((resolve) => (scriptAsked = resolve));

  beforeAll(async () => {
    server = createServer((req, res) => {
      if (req.url === '/held.js') {
        held = res; // answered by the test, after the entry is added
        scriptAsked();
        return;
      }
      if (req.url === '/page.html') return void res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(PAGE);
      res.writeHead(req.url === '/favicon.ico' ? 204 : 404).end();
    });
    await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await launchWithExtension();
  });

  afterAll(async () => {
    held?.end();
    await browser?.close();
    server.closeAllConnections();
    await new Promise<void>((ok) => server.close(() => ok()));
  });

  it('marks an entry added after the page began loading and before it was annotated', async () => {
    const reader = await browser.open(browser.extensionUrl('reader.html#tab=entries'));
    // The background stores the pattern pack for the current glossary: pages read it, not the background.
    const packIsCurrent = () =>
      browser.worker.evaluate(async () => {
        const got = (await chrome.storage.local.get(['patternPack', 'glossaryVersion'])) as { patternPack?: string; glossaryVersion?: number };
        return !!got.patternPack && (JSON.parse(got.patternPack) as { glossaryVersion: number }).glossaryVersion === (got.glossaryVersion ?? 0);
      });
    await expect.poll(packIsCurrent, { timeout: 10_000 }).toBe(true);
    const page = await browser.context.newPage();
    void page.goto(`${origin}/page.html`).catch(() => undefined);
    await asked; // the page is parsing, its document_start read long begun; no annotation yet (no DOMContentLoaded)
    const before = await browser.worker.evaluate(async () => ((await chrome.storage.local.get('glossaryVersion')) as { glossaryVersion?: number }).glossaryVersion ?? 0);

    await reader.getByRole('button', { name: 'Add an entry' }).click();
    const form = reader.locator('form.entry-form');
    const fill = (label: string, value: string) => form.locator('label', { hasText: label }).locator('input, textarea').first().fill(value);
    await fill('Term (Chinese)', '蜜柚工程');
    await fill('English', 'Honey Pomelo Project');
    await fill('Explanation', 'A county programme invented for this test.');
    await form.getByRole('button', { name: 'Add entry' }).click();
    await expect.poll(() => browser.worker.evaluate(async () => ((await chrome.storage.local.get('glossaryVersion')) as { glossaryVersion?: number }).glossaryVersion ?? 0)).toBeGreaterThan(before);
    expect(await page.locator('yidu-mark').count()).toBe(0);

    held!.writeHead(200, { 'content-type': 'text/javascript' }).end('window.heldScriptRan = true;');
    await page.waitForFunction(() => performance.getEntriesByName('yidu:annotate').length > 0);
    // Built-in entries are marked either way; the new one only if the page saw the change.
    await expect.poll(() => page.locator('yidu-mark[data-yidu-term^="user-"]').count(), { timeout: 5000 }).toBe(3);
    // The first matcher came from the early read's (then stale) stored pack: the path this test is about.
    expect(await page.evaluate(() => ((performance.getEntriesByName('yidu:matcher')[0] as PerformanceMeasure).detail as { source: string }).source)).toBe('storage');
    expect(await page.locator('yidu-mark[data-yidu-term="double-eight-strategy"]').count()).toBe(1);
  });

  it('logged no console error and no uncaught exception', () => {
    expect(browser.errors).toEqual([]);
  });
});
