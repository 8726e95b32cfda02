/**
 * The annotating script, evaluated at document_start, begins its storage read and unpacks the matcher
 * from it there, or takes the build's own pack (lib/page-start.ts). With them, it marks the first
 * screen at DOMContentLoaded. A glossary change between that read and DOMContentLoaded must not leave the page
 * on the old patterns: here an entry is added while the page is held loading by a script the server
 * keeps back, and the page, once loaded, marks the new entry.
 */
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, serve, type ExtensionBrowser } from './harness';

const PAGE = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>蜜柚工程推进会</title></head>
<body><article><h1>蜜柚工程推进会召开</h1><p>全市推进八八战略，蜜柚工程带动三千农户增收。</p>
<script src="/held.js"></script><p>会议要求把蜜柚工程与乡村振兴结合起来。</p></article></body></html>`;

// Counts the marks when the page's own DOMContentLoaded listener runs.
const READY_PAGE = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>五水共治推进会</title>
<script>
const terms = () => [...document.querySelectorAll('yidu-mark')].map((mark) => mark.dataset.yiduTerm);
document.addEventListener('DOMContentLoaded', () => {
  window.termsAtLoaded = terms();
  requestAnimationFrame(() => (window.termsAtFirstFrame = terms())); // before the frame's style and layout
});
</script></head>
<body><article><h1>五水共治推进会召开</h1><p>全市坚持八八战略，深化五水共治。</p>
<script src="/held.js"></script><p>会议强调要久久为功。</p></article></body></html>`;

// Rendered on the server for scripts to hydrate (a Next.js root), which would fail on marks put in its text first.
const HYDRATED_PAGE = READY_PAGE.replace('<body><article>', '<body><div id="__next"><article>').replace('</article></body>', '</article></div></body>');

// 54,000 elements, over the 50,000 that make a page huge (its marks drawn over the text), held at its end.
const HUGE_PAGE = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>巨大页面</title>
<script>document.addEventListener('DOMContentLoaded', () => requestAnimationFrame(() => (window.firstFrameAt = performance.now())));</script></head><body>
${Array.from({ length: 6_000 }, (_, i) => `<div><span>第${i}行</span><b>${i % 20 === 0 ? '深化五水共治' : '普通的文字'}</b><i>${i}</i><em></em><small>说明</small><u></u><s></s><a href="#">链接</a></div>`).join('\n')}
<script src="/held.js"></script></body></html>`;

describe('a glossary change while a page loads', () => {
  let browser: ExtensionBrowser;
  let server: Server;
  let origin: string;
  let held: ServerResponse | undefined;
  let scriptAsked: () => void;
  // Resolves when the page asks for its held script (again for each page that holds one).
  let asked = new Promise<void>((resolve) => (scriptAsked = resolve));
  const armHeld = () => (asked = new Promise<void>((resolve) => (scriptAsked = resolve)));
  // The background stores the pattern pack for the current glossary: pages read it, not the background.
  const packIsCurrent = () =>
    browser.worker.evaluate(async () => {
      const got = (await chrome.storage.local.get(['patternPack', 'glossaryVersion'])) as { patternPack?: string; glossaryVersion?: number };
      return !!got.patternPack && (JSON.parse(got.patternPack) as { glossaryVersion: number }).glossaryVersion === (got.glossaryVersion ?? 0);
    });

  beforeAll(async () => {
    server = createServer((req, res) => {
      if (req.url === '/held.js') {
        held = res; // answered by the test, after the entry is added
        scriptAsked();
        return;
      }
      if (req.url === '/page.html') return void res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(PAGE);
      if (req.url === '/ready.html') return void res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(READY_PAGE);
      if (req.url === '/hydrated.html') return void res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(HYDRATED_PAGE);
      if (req.url === '/huge.html') return void res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(HUGE_PAGE);
      res.writeHead(req.url === '/favicon.ico' ? 204 : 404).end();
    });
    await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await launchWithExtension();
  });

  /**
   * Opens `path`, which the server holds at its script until the content script has read and unpacked
   * the stored patterns (so they are in before DOMContentLoaded); `release` lets the page finish.
   */
  const openHeldWithPatternsRead = async (path: string) => {
    await expect.poll(packIsCurrent, { timeout: 10_000 }).toBe(true);
    armHeld();
    const page = await browser.context.newPage();
    void page.goto(`${origin}${path}`).catch(() => undefined);
    await asked;
    await expect.poll(() => page.evaluate(() => performance.getEntriesByName('yidu:early-unpack').length), { timeout: 10_000 }).toBe(1);
    return { page, release: () => held!.writeHead(200, { 'content-type': 'text/javascript' }).end('window.heldScriptRan = true;') };
  };

  afterAll(async () => {
    held?.end();
    await browser?.close();
    server.closeAllConnections();
    await new Promise<void>((ok) => server.close(() => ok()));
  });

  it('marks an entry added after the page began loading and before it was annotated', async () => {
    const reader = await browser.open(browser.extensionUrl('reader.html#tab=entries'));
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
    // The first matcher came from the build's own pack, handed over at document_start while the user
    // had no entries (entrypoints/background/builtin-start.ts): the check of the glossary version read
    // after the watchers were set up found the change. The second came from the new stored pack.
    const sources = await page.evaluate(() => performance.getEntriesByName('yidu:matcher').map((m) => ((m as PerformanceMeasure).detail as { source: string }).source));
    expect(sources[0]).toBe('builtin');
    expect(sources.length).toBeGreaterThan(1);
    expect(sources.at(-1)).not.toBe('builtin');
    expect(await page.locator('yidu-mark[data-yidu-term="double-eight-strategy"]').count()).toBe(1);
  });

  it('marks the first screen after the page\'s own DOMContentLoaded listeners and before its first frame, the patterns read while it loaded', async () => {
    const { page, release } = await openHeldWithPatternsRead('/ready.html');
    expect(await page.locator('yidu-mark').count()).toBe(0); // the body is not complete yet: nothing marked
    release();
    await page.waitForFunction(() => (window as unknown as { termsAtFirstFrame?: string[] }).termsAtFirstFrame !== undefined);
    // The page's own listeners run first (their scripts see the page as sent), the first screen's marks
    // come before the page's first frame.
    expect(await page.evaluate(() => (window as unknown as { termsAtLoaded: string[] }).termsAtLoaded)).toEqual([]);
    const terms = await page.evaluate(() => (window as unknown as { termsAtFirstFrame: string[] }).termsAtFirstFrame);
    expect(terms).toContain('double-eight-strategy');
    expect(terms.filter((id) => id === 'five-water-co-governance')).toHaveLength(2);
    await page.close();
  });

  it('leaves a page its scripts hydrate unmarked at its first frame, and marks it once the page is idle', async () => {
    const { page, release } = await openHeldWithPatternsRead('/hydrated.html');
    release();
    await page.waitForFunction(() => (window as unknown as { termsAtFirstFrame?: string[] }).termsAtFirstFrame !== undefined);
    expect(await page.evaluate(() => (window as unknown as { termsAtFirstFrame: string[] }).termsAtFirstFrame)).toEqual([]);
    await expect.poll(() => page.locator('yidu-mark[data-yidu-term="double-eight-strategy"]').count(), { timeout: 10_000 }).toBe(1);
    await page.close();
  });

  // Drawn marks measure the text: at DOMContentLoaded, before the page's first layout, that would pull
  // the whole of it into Yidu's task. Here the patterns are in before DOMContentLoaded, as above.
  it('draws a huge page\'s marks only after the page\'s first frame', async () => {
    const { page, release } = await openHeldWithPatternsRead('/huge.html');
    release();
    await page.waitForFunction(() => performance.getEntriesByName('yidu:annotate').length > 0, undefined, { timeout: 30_000 });
    const [frameAt, passAt] = await page.evaluate(() => [
      (window as unknown as { firstFrameAt: number }).firstFrameAt,
      performance.getEntriesByName('yidu:annotate')[0]!.startTime,
    ]);
    // Yidu begins right after DOMContentLoaded, on this page mostly before that frame.
    expect(passAt).toBeGreaterThan(frameAt!);
    expect(await page.evaluate(() => document.querySelector('yidu-overlay')?.shadowRoot?.childElementCount ?? 0)).toBeGreaterThan(0);
    await page.close();
  });

  // The early script also notes the document's first scroll: a page that never scrolled is known to be
  // at its top without reading scrollY, a read that forces the page's layout (lib/page-start.ts).
  it('marks an unscrolled page from its top, and a scrolled one from where the reader is', async () => {
    const paragraphs = Array.from({ length: 200 }, (_, i) => `<p>第${i}段：坚持八八战略，推动共同富裕。${'这是一段普通的文字。'.repeat(8)}</p>`).join('');
    const site = await serve({ '/long.html': `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>长文</title></head><body>${paragraphs}</body></html>` });
    try {
      const page = await browser.context.newPage();
      await page.goto(`${site.origin}/long.html`);
      const passes = () => page.evaluate(() => performance.getEntriesByName('yidu:annotate').length);
      await expect.poll(passes, { timeout: 15_000 }).toBe(1);
      const early = () => page.evaluate(() => ((performance.getEntriesByName('yidu:annotate').at(-1) as PerformanceMeasure).detail as { early: number }).early);
      expect(await early()).toBeGreaterThan(0); // the first screen marked from the top, before the rest was read
      await page.evaluate(() => scrollTo(0, document.documentElement.scrollHeight / 2));
      await page.waitForTimeout(300); // the scroll event
      // A display setting marks the page anew: this pass must not take the page for one at its top.
      // Written raw and partial, as an older version stored settings: the page reads them through the defaults.
      await browser.worker.evaluate(async () => {
        const { settings } = (await chrome.storage.local.get('settings')) as { settings?: Record<string, unknown> };
        await chrome.storage.local.set({ settings: { ...settings, inlineEnglish: 'every' } });
      });
      await expect.poll(passes, { timeout: 15_000 }).toBe(2);
      expect(await early()).toBe(0);
      const markedInView = await page.evaluate(() =>
        [...document.querySelectorAll('yidu-mark')].some((mark) => {
          const box = mark.getBoundingClientRect();
          return box.top >= 0 && box.bottom <= innerHeight;
        }),
      );
      expect(markedInView).toBe(true);
      await page.close();
    } finally {
      await site.close();
    }
  });

  it("begins at the browser's DOMContentLoaded only: not at one the page fakes, nor never when the page stops it", async () => {
    const page = (script: string) =>
      `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>八八战略</title><script>${script}</script></head><body><p>坚持八八战略。</p></body></html>`;
    const site = await serve({
      // Dispatched before the body is parsed: begun then, Yidu would find no body to mark.
      '/fake.html': page("window.dispatchEvent(new Event('DOMContentLoaded'));"),
      // Kept from the window, where Yidu listens.
      '/stopped.html': page("document.addEventListener('DOMContentLoaded', (event) => event.stopPropagation());"),
    });
    try {
      for (const path of ['/fake.html', '/stopped.html']) {
        const tab = await browser.context.newPage();
        await tab.goto(`${site.origin}${path}`);
        await expect.poll(() => tab.locator('yidu-mark[data-yidu-term="double-eight-strategy"]').count(), { timeout: 10_000 }).toBe(1);
        const [startAt, loadedAt] = await tab.evaluate(() => [
          performance.getEntriesByName('yidu:start')[0]!.startTime,
          (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).domContentLoadedEventStart,
        ]);
        expect(startAt).toBeGreaterThanOrEqual(loadedAt);
        await tab.close();
      }
    } finally {
      await site.close();
    }
  });

  // WXT's legacy start message (a window.postMessage per content script) is dropped at build time
  // (wxt.config.ts): it told the page Yidu runs, and its stack capture cost the script's start 6–19 ms.
  it('posts the page no message when its content scripts start', async () => {
    const site = await serve({ '/quiet.html': '<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>通知</title></head><body><p>坚持八八战略。</p></body></html>' });
    try {
      const page = await browser.context.newPage();
      await page.addInitScript(() => {
        const seen: unknown[] = ((window as unknown as { seenMessages: unknown[] }).seenMessages = []);
        addEventListener('message', (event) => seen.push(event.data));
      });
      await page.goto(`${site.origin}/quiet.html`);
      await expect.poll(() => page.locator('yidu-mark').count(), { timeout: 15_000 }).toBe(1);
      await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 100))); // a message posted last would be in by now
      expect(await page.evaluate(() => (window as unknown as { seenMessages: unknown[] }).seenMessages)).toEqual([]);
      await page.close();
    } finally {
      await site.close();
    }
  });

  it('logged no console error and no uncaught exception', () => {
    expect(browser.errors).toEqual([]);
  });
});
