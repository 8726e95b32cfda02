/**
 * The core paths in Firefox ESR (the Firefox build, MV2): annotate a served page, open a card by
 * hovering a mark, save the article from the popup, and read it offline after a browser restart.
 * The Chromium versions, with more detail, are annotate.test.ts and save-offline.test.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { makePng, serve, type Site } from './harness';
import { FIREFOX_EXTENSION_DIR, launchFirefoxWithExtension, newFirefoxProfileDir, waitUntil, type FirefoxExtensionBrowser } from './firefox-harness';

const TITLE = '义新欧班列开行再创新高';
const PARAGRAPHS = Array.from({ length: 12 }, (_, i) => `第${i + 1}段：义乌坚持八八战略，推进义新欧班列和市场采购贸易方式，建设共同富裕示范区。`);
const NEWS = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${TITLE}_中国义乌网</title></head><body>
<div class="nav"><a href="/">首页</a> <a href="/news">新闻</a></div>
<div class="content"><h1>${TITLE}</h1>
<p><img src="/img/one.png" alt="班列"></p>
<p id="water">推进五水共治，建设美丽乡村。五水共治成效明显。</p>
${PARAGRAPHS.map((p) => `<p>${p}</p>`).join('\n')}
</div><div class="footer">版权所有 浙ICP备</div></body></html>`;

/** The English the add-on ships for a term (read from the Firefox build, so a glossary edit cannot break this test). */
function shippedEnglish(id: string): string {
  const entries = JSON.parse(readFileSync(join(FIREFOX_EXTENSION_DIR, 'glossary.json'), 'utf8')) as { id: string; english: string }[];
  const entry = entries.find((e) => e.id === id);
  if (!entry) throw new Error(`no glossary entry ${id} in the Firefox build`);
  return entry.english;
}

// A clock that rewrites its own text node: the annotator finds its split of the node by the node.
const CLOCK = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>实时</title></head><body>
<p id="clock">实时：共同富裕 0</p>
<script>
  const clock = document.getElementById('clock').firstChild;
  let n = 0;
  setInterval(() => { window.lastClock = clock.data = '实时：共同富裕 ' + ++n; }, 100);
</script></body></html>`;

/** Over 50,000 elements: marks are drawn over the text (lib/annotate/drawn-marks.ts). */
const HUGE = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>巨大页面</title></head><body>${Array.from(
  { length: 6_000 },
  (_, i) => `<div id="r${i}"><span>第${i}行</span><b>${i % 20 === 0 ? '深化五水共治，推进改革' : '普通的文字内容'}</b><i>${i}</i><em></em><small>说明</small><u></u><s></s><a href="#r${i}">链接</a></div>`,
).join('\n')}</body></html>`;

const text = (page: Page, selector: string) => page.$eval(selector, (el) => (el as HTMLElement).innerText);

describe('Firefox ESR: annotate, card, save, read offline after a restart', () => {
  const profile = newFirefoxProfileDir();
  let ff: FirefoxExtensionBrowser | undefined;
  let site: Site;
  let page: Page;
  let tabId: number;

  beforeAll(async () => {
    site = await serve({ '/news/1.html': NEWS, '/live.html': CLOCK, '/huge.html': HUGE, '/img/one.png': makePng(40, 30, [200, 30, 30]) });
    ff = await launchFirefoxWithExtension(profile, true);
    ({ page, tabId } = await ff.openTab(`${site.origin}/news/1.html`));
  });

  afterAll(async () => {
    await ff?.close();
    await site?.close();
    rmSync(profile, { recursive: true, force: true });
  });

  it('marks terms on a page served from 127.0.0.1, leaving its text as it was', async () => {
    await waitUntil('the first marks', () => page.$('yidu-mark[data-yidu-term="five-water-co-governance"]'));
    const ids = await page.$$eval('yidu-mark[data-yidu-term]', (marks) => marks.map((m) => m.getAttribute('data-yidu-term')));
    expect(ids).toContain('double-eight-strategy');
    expect(ids).toContain('yixinou-railway');
    expect(ids.filter((id) => id === 'five-water-co-governance')).toHaveLength(2);
    expect(await page.$eval('#water', (p) => p.textContent)).toBe('推进五水共治，建设美丽乡村。五水共治成效明显。');
    expect(await page.$$eval('#water yidu-mark[data-yidu-term="five-water-co-governance"]', (marks) => marks.map((m) => m.textContent))).toEqual(['五水共治', '五水共治']);
  });

  it('opens a card with the English rendering when a mark is hovered, and closes it on Escape', async () => {
    await page.mouse.move(1, 1);
    await page.hover('#water yidu-mark[data-yidu-term="five-water-co-governance"]');
    // The card lives in an open shadow root on <yidu-card>.
    const card = await waitUntil('the card', () =>
      page.evaluate(() => {
        const el = document.querySelector('yidu-card')?.shadowRoot?.querySelector<HTMLElement>('.card');
        return el ? { all: el.innerText, english: el.querySelector('.english')?.textContent, occurrence: el.querySelector('[data-testid="occurrence"]')?.textContent } : null;
      }),
    );
    expect(card.all).toContain('五水共治');
    expect(card.english).toBe(shippedEnglish('five-water-co-governance'));
    expect(card.occurrence).toMatch(/occurrence 1 of 2/);
    await page.keyboard.press('Escape');
    await waitUntil('the card to close', () => page.evaluate(() => !document.querySelector('yidu-card')?.shadowRoot?.querySelector('.card')));
  });

  it('saves the article for offline reading from the popup', async () => {
    const popup = await ff!.openExtensionPage(`popup.html?tabId=${tabId}`);
    const save = await popup.waitForSelector('button.primary::-p-text(Save for offline)');
    await save!.click();
    const message = await waitUntil('the save message', () => text(popup, '[data-testid="save-message"]').catch(() => ''), 20_000);
    expect(message).toContain(`Saved “${TITLE}”`);
    expect(message).toContain('1 of 1 images saved');
    await waitUntil('the latest saves list', async () => (await text(popup, '[data-testid="latest-saves"]').catch(() => '')).includes(TITLE));
    expect(await ff!.errors()).toEqual([]);
    await popup.close();
  });

  // The declared script, not injected on request (lib/page-start.ts), keeps to the site's mode.
  it('keeps a site set to "Never on this site" off after a reload, and marks it again on "Automatic"', async () => {
    const state = (popup: Page) => text(popup, '[data-testid="page-state"]').catch(() => '');
    let popup = await ff!.openExtensionPage(`popup.html?tabId=${tabId}`);
    await (await popup.waitForSelector('button[role="radio"]::-p-text(Never on this site)'))!.click();
    await waitUntil('the marks to go', () => page.evaluate(() => document.querySelectorAll('yidu-mark').length === 0));
    // The body as the server sent it, parsed by the same browser: switching off gave it back exactly.
    const [now, served] = await page.evaluate(async () => [document.body.innerHTML, new DOMParser().parseFromString(await (await fetch(location.href)).text(), 'text/html').body.innerHTML]);
    expect(now).toBe(served);
    await popup.close();
    await page.reload();
    popup = await ff!.openExtensionPage(`popup.html?tabId=${tabId}`);
    await waitUntil('"off on this site"', async () => (await state(popup)) === 'Yidu is off on this site.');
    expect(await page.evaluate(() => document.querySelectorAll('yidu-mark').length)).toBe(0);
    await (await popup.waitForSelector('button[role="radio"]::-p-text(Automatic)'))!.click();
    await waitUntil('the marks again', () => page.$('yidu-mark[data-yidu-term="five-water-co-governance"]'));
    expect(await ff!.errors()).toEqual([]);
    await popup.close();
  });

  it('shows only the latest text of a clock that rewrites its node, with its term marked', async () => {
    const { page: clock } = await ff!.openTab(`${site.origin}/live.html`);
    await waitUntil('the clock marked', () => clock.$('#clock yidu-mark'));
    await new Promise((r) => setTimeout(r, 1500));
    // Caught between a write and its re-marking, the text is still only the latest (never old copies beside it).
    const seen = await clock.evaluate(() => [document.getElementById('clock')!.textContent, (window as unknown as { lastClock: string }).lastClock]);
    expect(seen[0]).toBe(seen[1]);
    await waitUntil('the latest text marked', () => clock.$('#clock yidu-mark'));
    await clock.close();
  });

  it('draws the marks of a huge page over its text, and opens a card on a click on one', async () => {
    const { page: huge } = await ff!.openTab(`${site.origin}/huge.html`);
    // Drawn as boxes in Yidu's layer (lib/annotate/mark-overlay.ts), over the text they mark.
    await waitUntil('drawn marks', () => huge.evaluate(() => (document.querySelector('yidu-overlay')?.shadowRoot?.querySelectorAll('[data-yidu-term]').length ?? 0) > 0), 30_000);
    // The whole page matched, so that the card counts every occurrence.
    await waitUntil('the pass', () => huge.evaluate(() => performance.getEntriesByName('yidu:annotate').length > 0), 30_000);
    expect(await huge.evaluate(() => document.querySelectorAll('yidu-mark').length)).toBe(0);
    const { x, y } = await huge.evaluate(() => {
      const node = document.querySelector('#r40 b')!.firstChild as Text;
      node.parentElement!.scrollIntoView({ block: 'center' });
      const range = document.createRange();
      range.setStart(node, 2);
      range.setEnd(node, 6);
      const box = range.getBoundingClientRect();
      return { x: box.left + box.width / 2, y: box.top + box.height / 2 };
    });
    await new Promise((r) => setTimeout(r, 300)); // the scrolled-to rows drawn
    const boxed = await huge.evaluate(
      ([px, py]) =>
        [...document.querySelector('yidu-overlay')!.shadowRoot!.querySelectorAll<HTMLElement>('[data-yidu-term]')].some((b) => {
          // What shows of the box: its clip-path's inset cut away.
          const r = b.getBoundingClientRect();
          const [cutTop, cutRight] = /inset\(([\d.]+)px ([\d.]+)px/.exec(b.style.clipPath)!.slice(1).map(Number);
          return r.left <= px && px <= r.right - cutRight! && r.top + cutTop! <= py && py <= r.bottom;
        }),
      [x, y] as const,
    );
    expect(boxed).toBe(true);
    await huge.mouse.click(x, y);
    const occurrence = await waitUntil('the card', () =>
      huge.evaluate(() => document.querySelector('yidu-card')?.shadowRoot?.querySelector('[data-testid="occurrence"]')?.textContent),
    );
    expect(occurrence).toMatch(/ of 300$/);
    expect(await huge.evaluate(() => document.querySelectorAll('#r40 yidu-mark').length)).toBe(1);
    await huge.close();
  });

  // The background registers the build's pattern pack for the declared sites' top frames (the user has
  // no entries here yet): the page starts from it, unpacked while it loaded, with no storage read.
  it("starts the page from the build's own pattern pack, unpacked while the page loaded", async () => {
    await page.reload();
    await waitUntil('the marks', () => page.$('yidu-mark[data-yidu-term="five-water-co-governance"]'));
    // From the marks' names: Firefox (140.12) denies the page the measure's detail, made in the content script.
    const sources = await page.evaluate(() => performance.getEntriesByType('mark').flatMap((m) => (m.name.startsWith('yidu:matcher:') ? [m.name.slice(13)] : [])));
    expect(sources).toEqual(['builtin']);
  });

  // MV2 declares host permissions to ask for among optional_permissions; without them Firefox refused
  // the popup's request ("not declared in optional_permissions") and "Always" only showed an error.
  it('"Always on this site" gets the site\'s permission; a site off the list is marked on request, then always', async () => {
    const popup = await ff!.openExtensionPage(`popup.html?tabId=${tabId}`);
    await (await popup.waitForSelector('button[role="radio"]::-p-text(Always on this site)'))!.click();
    await waitUntil('"Always" chosen', () => popup.$('button[role="radio"][aria-checked="true"]::-p-text(Always on this site)'));
    expect(await popup.$$eval('.site-controls .error', (errors) => errors.map((e) => e.textContent))).toEqual([]);
    const hasHost = (origin: string) => popup.evaluate((o) => (globalThis as unknown as { browser: typeof chrome }).browser.permissions.contains({ origins: [o] }), origin);
    expect(await hasHost('*://127.0.0.1/*')).toBe(true);
    await (await popup.waitForSelector('button[role="radio"]::-p-text(Automatic)'))!.click();
    await waitUntil('"Automatic" chosen', () => popup.$('button[role="radio"][aria-checked="true"]::-p-text(Automatic)'));

    // A site off the list (127.0.0.2 is loopback too). The popup can read its address (and so offer
    // its choices) only with a toolbar click's grant, which a test cannot make, or with the site's
    // permission: that is asked for here from the same extension page, in a real click.
    const elsewhere = await serve({ '/news/2.html': NEWS }, '127.0.0.2');
    try {
      await popup.evaluate(() => {
        const button = document.createElement('button');
        button.id = 'grant-elsewhere';
        button.textContent = 'grant';
        const ext = (globalThis as unknown as { browser: typeof chrome }).browser;
        button.addEventListener('click', () => void ext.permissions.request({ origins: ['*://127.0.0.2/*'] }));
        document.body.append(button);
      });
      await (await popup.waitForSelector('#grant-elsewhere'))!.click();
      await waitUntil('the permission for 127.0.0.2', () => hasHost('*://127.0.0.2/*'));
      // Not on the list and not "always": nothing runs there until asked ("Annotate this page",
      // which injects the annotating script: entrypoints/background/inject.ts).
      const { page: other, tabId: otherTab } = await ff!.openTab(`${elsewhere.origin}/news/2.html`);
      await new Promise((r) => setTimeout(r, 500));
      expect(await other.$('yidu-mark')).toBeNull();
      const otherPopup = await ff!.openExtensionPage(`popup.html?tabId=${otherTab}`);
      await (await otherPopup.waitForSelector('button.primary::-p-text(Annotate this page)'))!.click();
      await waitUntil('marks on 127.0.0.2, injected on request', () => other.$('yidu-mark[data-yidu-term="five-water-co-governance"]'), 20_000);
      // "Always on this site" from the popup: the script is registered, and the site's next page is marked.
      await (await otherPopup.waitForSelector('button[role="radio"]::-p-text(Always on this site)'))!.click();
      await waitUntil('"Always" chosen for 127.0.0.2', () => otherPopup.$('button[role="radio"][aria-checked="true"]::-p-text(Always on this site)'));
      await waitUntil('the script registered for 127.0.0.2', () =>
        otherPopup.evaluate(async () => (await (globalThis as unknown as { browser: typeof chrome }).browser.scripting.getRegisteredContentScripts()).some((s) => s.id === 'yidu-site-127.0.0.2')),
      );
      await otherPopup.close();
      await other.reload();
      await waitUntil('marks on 127.0.0.2 after a reload', () => other.$('yidu-mark[data-yidu-term="five-water-co-governance"]'), 20_000);
      await other.close();
    } finally {
      await elsewhere.close();
    }
    expect(await ff!.errors()).toEqual([]);
    await popup.close();
  });

  it('reads the saved article with its text and marks after a restart, with the site gone', async () => {
    await site.close(); // the network source is gone from here on
    await ff!.close();
    ff = await launchFirefoxWithExtension(profile, true);
    const reader = await ff.openExtensionPage('reader.html');
    const link = await waitUntil('the saved article in the library', () => reader.$(`[data-testid="article-list"] a::-p-text(${TITLE})`));
    await link.click();
    const body = await waitUntil('the article body', async () => {
      const shown = await text(reader, '[data-testid="article-body"]').catch(() => '');
      return shown.includes('第12段') ? shown : '';
    });
    expect(body).toContain('五水共治成效明显');
    expect(await text(reader, '[data-testid="article-title"]')).toBe(TITLE);
    expect(body).not.toContain('浙ICP备');
    expect(body).not.toContain('首页');
    await waitUntil('12 marks of 八八战略 in the reader', async () =>
      (await reader.$$('[data-testid="article-body"] yidu-mark[data-yidu-term="double-eight-strategy"]')).length === 12,
    );
    expect(await text(reader, '[data-testid="article-terms"]')).toContain('八八战略');
    expect(await reader.$eval('[data-testid="article-body"] img', (img) => (img as HTMLImageElement).naturalWidth)).toBe(40);
    expect(await ff.errors()).toEqual([]);
  });
});
