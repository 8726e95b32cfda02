/**
 * Where nothing differs from the build's own glossary and settings, the background registers the
 * build's pattern pack for the declared sites' top frames (entrypoints/background/builtin-start.ts):
 * pages there start from it, with no storage read to wait for. Elsewhere, and in frames, pages read
 * storage as before; a page that started from the pack while a setting that rules it out was on its
 * way checks its storage read and stops.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, serve, type ExtensionBrowser, type Site } from './harness';

const ARTICLE = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>五水共治推进会</title></head>
<body><article><h1>五水共治推进会召开</h1><p>全市坚持八八战略，深化五水共治。</p><iframe src="/frame.html"></iframe></article></body></html>`;
const FRAME = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"></head><body><p>推进五水共治。</p></body></html>`;

type Registered = { id: string; excludeMatches?: string[] };

describe("the build's pattern pack at document_start", () => {
  let browser: ExtensionBrowser;
  let site: Site;

  beforeAll(async () => {
    site = await serve({ '/article.html': ARTICLE, '/frame.html': FRAME });
    browser = await launchWithExtension();
  });
  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });

  const registration = () =>
    browser.worker.evaluate(async () => ((await chrome.scripting.getRegisteredContentScripts({ ids: ['yidu-builtin-patterns'] })) as Registered[])[0] ?? null);
  const sourcesIn = (frame: { evaluate: <T>(fn: () => T) => Promise<T> }) =>
    frame.evaluate(() => performance.getEntriesByName('yidu:matcher').map((m) => ((m as PerformanceMeasure).detail as { source: string }).source));
  const setSettings = (settings: object) => browser.worker.evaluate(async (s) => chrome.storage.local.set({ settings: s }), settings);

  it('starts a declared site\'s top frame from it, and its frames from storage', async () => {
    await expect.poll(registration, { timeout: 10_000 }).not.toBe(null);
    const page = await browser.context.newPage();
    await page.goto(`${site.origin}/article.html`);
    await expect.poll(() => page.locator('yidu-mark[data-yidu-term="five-water-co-governance"]').count(), { timeout: 10_000 }).toBe(2);
    expect(await sourcesIn(page)).toEqual(['builtin']);
    const frame = page.frames().find((f) => f.url().endsWith('/frame.html'))!;
    await expect.poll(() => frame.locator('yidu-mark').count(), { timeout: 10_000 }).toBe(1);
    expect(await sourcesIn(frame)).not.toContain('builtin');
    await page.close();
  });

  // The pack's JSON (about 800 KB in the heap) is needed only until the matcher is unpacked: a closure
  // left in the page (a listener) that kept the values read kept it alive with the page.
  it("keeps no copy of the pack's JSON once the page is marked", async () => {
    const page = await browser.context.newPage();
    await page.goto(`${site.origin}/article.html`);
    await expect.poll(() => page.locator('yidu-mark').count(), { timeout: 10_000 }).toBe(3);
    // The frame (same origin: the same heap) started from storage.
    await expect.poll(() => page.frames().find((f) => f.url().endsWith('/frame.html'))!.locator('yidu-mark').count(), { timeout: 10_000 }).toBe(1);
    await page.waitForTimeout(500);
    const cdp = await browser.context.newCDPSession(page);
    await cdp.send('HeapProfiler.enable');
    await cdp.send('HeapProfiler.collectGarbage');
    const chunks: string[] = [];
    cdp.on('HeapProfiler.addHeapSnapshotChunk', (event) => chunks.push(event.chunk));
    await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
    const snapshot = JSON.parse(chunks.join('')) as { snapshot: { meta: { node_fields: string[]; node_types: [string[]] } }; nodes: number[]; strings: string[] };
    const { node_fields: fields, node_types: [types] } = snapshot.snapshot.meta;
    const [type, name, size] = [fields.indexOf('type'), fields.indexOf('name'), fields.indexOf('self_size')];
    // A string node's name is its text (its start, for a long one).
    const packs: number[] = [];
    for (let i = 0; i < snapshot.nodes.length; i += fields.length) {
      const [kind, text, bytes] = [types[snapshot.nodes[i + type]!], snapshot.strings[snapshot.nodes[i + name]!]!, snapshot.nodes[i + size]!];
      if (kind === 'string' && text.startsWith('{"format":') && bytes > 100_000) packs.push(bytes);
    }
    expect(packs).toEqual([]);
    await cdp.detach();
    await page.close();
  });

  it('leaves out a site set to "never"', async () => {
    await setSettings({ siteModes: { '127.0.0.1': 'never' } });
    await expect.poll(async () => (await registration())?.excludeMatches ?? [], { timeout: 10_000 }).toEqual(['*://127.0.0.1/*']);
    const page = await browser.context.newPage();
    await page.goto(`${site.origin}/article.html`);
    await page.waitForTimeout(1000);
    expect(await page.locator('yidu-mark').count()).toBe(0);
    expect(await sourcesIn(page)).toEqual([]);
    await page.close();
  });

  // The background's registration follows a change of settings a moment later: a page that loads in
  // between starts from the pack, then reads the settings it assumed and follows them.
  it('stops on a page that started from it while its site was already set to "never"', async () => {
    await browser.worker.evaluate(async () => {
      await chrome.scripting.unregisterContentScripts({ ids: ['yidu-builtin-patterns'] });
      await chrome.scripting.registerContentScripts([
        { id: 'yidu-builtin-patterns', matches: ['http://127.0.0.1/*'], js: ['builtin-patterns.js'], runAt: 'document_start', allFrames: false },
      ]);
    });
    const page = await browser.context.newPage();
    await page.goto(`${site.origin}/article.html`);
    await expect.poll(() => sourcesIn(page), { timeout: 10_000 }).toEqual(['builtin']);
    // It marked the first screen, as the pack assumed, then stopped.
    expect(await page.evaluate(() => performance.getEntriesByName('yidu:first-screen').length)).toBe(1);
    await expect.poll(() => page.locator('yidu-mark').count(), { timeout: 10_000 }).toBe(0);
    await page.waitForTimeout(500);
    expect(await page.locator('yidu-mark').count()).toBe(0);
    await page.close();
  });

  it('is not registered with a display setting the pack does not assume, and the page follows the setting', async () => {
    await setSettings({ inlineEnglish: 'every' });
    await expect.poll(registration, { timeout: 10_000 }).toBe(null);
    const page = await browser.context.newPage();
    await page.goto(`${site.origin}/article.html`);
    await expect.poll(() => page.locator('yidu-mark[data-yidu-term="five-water-co-governance"]').count(), { timeout: 10_000 }).toBe(2);
    expect(await sourcesIn(page)).not.toContain('builtin');
    await setSettings({});
    await expect.poll(registration, { timeout: 10_000 }).not.toBe(null);
    await page.close();
  });
});
