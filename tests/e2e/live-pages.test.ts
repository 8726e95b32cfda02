/**
 * Pages that change while annotated: text rewritten in place (a clock, a script holding a node),
 * nodes replaced as a framework re-renders; and switching off restoring every frame and shadow root
 * byte for byte, and a large page.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Frame, Page } from 'playwright-core';
import { launchWithExtension, serve, type ExtensionBrowser, type Site } from './harness';

const LIVE = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>实时页面</title></head><body>
<p id="clock">实时：共同富裕 0</p>
<p id="held">旧文：今天天气很好。</p>
<ul id="list"><li><b>要闻</b>推进共同富裕示范区建设</li></ul>
<script>
  // A clock: the text node itself is rewritten every 100 ms.
  const clock = document.getElementById('clock').firstChild;
  window.lastClock = clock.data;
  let n = 0;
  setInterval(() => { window.lastClock = clock.data = '实时：共同富裕 ' + ++n; }, 100);
  // A script holding a reference to a node writes to it later, through the reference only.
  const held = document.getElementById('held').firstChild;
  window.rewriteHeld = (text) => { held.nodeValue = text; return held.parentNode === document.getElementById('held'); };
  // A framework's re-render: the old text node is removed and a new one takes its place.
  const li = document.querySelector('#list li');
  let item = li.lastChild;
  let m = 0;
  setInterval(() => {
    const next = document.createTextNode('推进共同富裕示范区建设 ' + ++m);
    li.replaceChild(next, item);
    item = next;
    window.lastItem = '要闻' + next.data;
  }, 150);
</script>
</body></html>`;

const SHADOW_HTML = '<p>影子里：推进一带一路建设。</p>';
const FRAMES = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>框架</title></head><body>
<p id="top">顶层：深化五水共治。</p>
<iframe id="src" src="/inner.html" width="400" height="100"></iframe>
<iframe id="srcdoc" width="400" height="100" srcdoc="<!doctype html><meta charset=utf-8><body><p>内嵌：坚持八八战略，推进共同富裕。</p><script>window.before = document.body.innerHTML;</script></body>"></iframe>
<div id="host"></div>
<script>
  document.getElementById('host').attachShadow({ mode: 'open' }).innerHTML = '${SHADOW_HTML}';
  // Taken by the body's last script (nothing follows it), before DOMContentLoaded, when the extension marks the page.
  window.before = document.body.innerHTML;
</script></body></html>`;
const INNER = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"></head><body><p>框架内：最多跑一次改革，<a href="#">义新</a>欧班列。</p><script>window.before = document.body.innerHTML;</script></body></html>`;

/**
 * 48,000 elements of short text, terms in every tenth row: a large page whose marks are still elements
 * (from 50,000 they are drawn over the text: ./drawn-marks.test.ts).
 */
const HUGE = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>大页面</title></head><body>${Array.from(
  { length: 6_000 },
  (_, i) => `<div id="r${i}"><span>第${i}行</span><a href="#${i}">${i % 10 === 0 ? '五水共治' : '链接'}</a><i>${i}</i><b>工作</b><em></em><small>说明</small><u></u></div>`,
).join('\n')}</body></html>`;

// Generous: the page's timers and the extension share a loaded machine.
const POLL = { timeout: 20_000 };
const marksIn = (frame: Page | Frame, selector: string) => frame.locator(`${selector} yidu-mark`).allTextContents();

describe('pages that change while annotated', () => {
  let browser: ExtensionBrowser;
  let site: Site;

  beforeAll(async () => {
    site = await serve({ '/live.html': LIVE, '/frames.html': FRAMES, '/inner.html': INNER, '/huge.html': HUGE });
    browser = await launchWithExtension();
  });
  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });

  it('shows only the text the page last wrote to a node it rewrites in place, with its term marked', async () => {
    const page = await browser.open(`${site.origin}/live.html`);
    await page.waitForSelector('#clock yidu-mark');
    await page.waitForTimeout(3000);
    // Read in one go in the page, between two of its ticks.
    const clock = await page.evaluate(() => ({
      text: document.getElementById('clock')!.textContent,
      last: (window as unknown as { lastClock: string }).lastClock,
      marks: [...document.querySelectorAll('#clock yidu-mark')].map((m) => m.textContent),
      item: document.querySelector('#list li')!.textContent,
      lastItem: (window as unknown as { lastItem: string }).lastItem,
      itemMarks: [...document.querySelectorAll('#list yidu-mark')].map((m) => m.textContent),
    }));
    expect(clock.text).toBe(clock.last);
    expect(clock.text).toMatch(/^实时：共同富裕 \d{2,}$/);
    expect(clock.marks).toEqual(['共同富裕']);
    // A node put in place of another is marked after the usual short gathering delay (60 ms), so
    // within the page's 150 ms cycle it may be caught unmarked: never with the old text beside it.
    expect(clock.item).toBe(clock.lastItem);
    expect(clock.itemMarks.length).toBeLessThanOrEqual(1);
    await expect.poll(() => marksIn(page, '#list'), POLL).toEqual(['共同富裕示范区']);
    await page.close();
  });

  it('keeps a node a script holds in the page and shows what the script writes through it, marked', async () => {
    const page = await browser.open(`${site.origin}/live.html`);
    await page.waitForSelector('#clock yidu-mark');
    expect(await page.evaluate(() => (window as unknown as { rewriteHeld(t: string): boolean }).rewriteHeld('新文：坚持八八战略，推进共同富裕。'))).toBe(true);
    await expect.poll(() => marksIn(page, '#held'), POLL).toEqual(['八八战略', '共同富裕']);
    expect(await page.locator('#held').textContent()).toBe('新文：坚持八八战略，推进共同富裕。');
    expect(await page.evaluate(() => (window as unknown as { rewriteHeld(t: string): boolean }).rewriteHeld('再改：没有术语了。'))).toBe(true);
    await expect.poll(() => page.locator('#held').textContent(), POLL).toBe('再改：没有术语了。');
    expect(await marksIn(page, '#held')).toEqual([]);
    await page.close();
  });

  it('restores the page, its iframes (src and srcdoc) and its open shadow root byte for byte when switched off', async () => {
    const { page, tabId } = await browser.openTab(`${site.origin}/frames.html`);
    const src = page.frame({ url: /inner\.html$/ })!;
    const srcdoc = page.frames().find((f) => f.url() === 'about:srcdoc')!;
    const shadowMarks = () => page.evaluate(() => document.getElementById('host')!.shadowRoot!.querySelectorAll('yidu-mark').length);
    await expect.poll(() => marksIn(page, '#top'), POLL).toEqual(['五水共治']);
    await expect.poll(() => marksIn(src, 'p'), POLL).toEqual(['最多跑一次改革', '义新', '欧班列']);
    await expect.poll(() => marksIn(srcdoc, 'p'), POLL).toEqual(['八八战略', '共同富裕']);
    await expect.poll(shadowMarks, POLL).toBe(1);

    const popup = await browser.open(browser.extensionUrl(`popup.html?tabId=${tabId}`));
    await popup.getByRole('radio', { name: 'Never on this site' }).click();
    const unchanged = async (frame: Page | Frame) => {
      const [now, before] = await frame.evaluate(() => [document.body.innerHTML, (window as unknown as { before: string }).before]);
      expect(now).toBe(before);
    };
    await expect.poll(() => page.locator('yidu-mark').count(), POLL).toBe(0);
    await expect.poll(() => src.locator('yidu-mark').count(), POLL).toBe(0);
    await expect.poll(() => srcdoc.locator('yidu-mark').count(), POLL).toBe(0);
    await expect.poll(shadowMarks, POLL).toBe(0);
    await unchanged(page);
    await unchanged(src);
    await unchanged(srcdoc);
    expect(await page.evaluate(() => document.getElementById('host')!.shadowRoot!.innerHTML)).toBe(SHADOW_HTML);
    await popup.getByRole('radio', { name: 'Automatic' }).click();
    await expect.poll(() => marksIn(srcdoc, 'p'), POLL).toEqual(['八八战略', '共同富裕']);
    await popup.close();
    await page.close();
  });

  it('marks a 48,000-element page where it is read and, switched off, restores the screen first and the page byte for byte', async () => {
    const { page, tabId } = await browser.openTab(`${site.origin}/huge.html`);
    // The body as the server sent it, parsed by the same browser (the page may be marked already).
    const original = await page.evaluate(async () => new DOMParser().parseFromString(await (await fetch(location.href)).text(), 'text/html').body.innerHTML);
    await page.waitForSelector('#r0 yidu-mark', { timeout: 60_000 });
    // Read half-way, then to the end, then back by way of two rows far from both: the newest marks
    // are at the end, out of sight. (A row is marked when it nears the screen, whatever lies around it.)
    for (const row of ['#r3000', '#r5990', '#r1500', '#r4500', '#r3000']) {
      await page.locator(row).scrollIntoViewIfNeeded();
      await expect.poll(() => marksIn(page, row), { timeout: 30_000 }).toEqual(['五水共治']);
    }
    const onScreen = await page.evaluate(() => {
      const w = window as unknown as { removed: Element[]; shown: Element[] };
      w.shown = [...document.querySelectorAll('yidu-mark')].filter((m) => {
        const r = m.getBoundingClientRect();
        return r.bottom > 0 && r.top < innerHeight;
      });
      w.removed = [];
      new MutationObserver((records) => {
        for (const r of records) for (const n of r.removedNodes) if (n.nodeName === 'YIDU-MARK') w.removed.push(n as Element);
      }).observe(document.body, { childList: true, subtree: true });
      return w.shown.map((m) => m.closest('div')!.id);
    });
    expect(onScreen).toContain('r3000');
    const popup = await browser.open(browser.extensionUrl(`popup.html?tabId=${tabId}`));
    await popup.getByRole('radio', { name: 'Never on this site' }).click();
    await expect.poll(() => page.locator('yidu-mark').count(), { timeout: 60_000 }).toBe(0);
    // The marks that were on screen were the first to go (the ledger's own order is newest first).
    const firstGone = await page.evaluate(() => {
      const w = window as unknown as { removed: Element[]; shown: Element[] };
      return w.removed.slice(0, w.shown.length).map((m) => w.shown.includes(m));
    });
    expect(firstGone).toEqual(onScreen.map(() => true));
    const after = await page.evaluate(() => document.body.innerHTML);
    const at = [...after].findIndex((c, i) => c !== original[i]);
    expect(at < 0 ? '' : after.slice(at - 80, at + 80)).toBe(at < 0 ? '' : original.slice(at - 80, at + 80));
    expect(after.length).toBe(original.length);
    await popup.getByRole('radio', { name: 'Automatic' }).click();
    await popup.close();
    await page.close();
  });

  it('logged no console error', () => {
    expect(browser.errors).toEqual([]);
  });
});
