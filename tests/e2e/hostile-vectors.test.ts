/**
 * Every payload of DOMPurify's own test suite (tests/fixtures/hostile), plus form fields named after the
 * DOM properties extraction walks, each placed inside a Chinese news article and saved with Yidu.
 *
 * For each page: the page's own executions (alert, confirm, prompt, print, counted by an init script,
 * and real dialogs) are counted in a browser without the extension, then with Yidu annotating, then
 * after Yidu saved it: annotating and saving must add none. The save must finish, the reader must
 * stay responsive and run nothing (no dialog, no error in an extension page or from a content script),
 * and the saved article must show the paragraphs before and after the payload that the page itself
 * shows, and every paragraph its stored text has.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumPath, launchWithExtension, serve, type ExtensionBrowser, type Site } from './harness';
import { GLOSS_TAG, MARK_TAG } from '@/lib/dom-names';

interface Vector {
  name: string;
  payload: string;
}

const DOMPURIFY: { index: number; title: string; payload: string }[] = JSON.parse(
  readFileSync(resolve(import.meta.dirname, '../fixtures/hostile/dompurify-vectors.json'), 'utf8'),
);
/** Names a page's form fields or images can give themselves to shadow what extraction reads. */
const CLOBBERED = ['parentNode', 'tagName', 'hasAttribute', 'nodeType', 'childNodes', 'attributes', 'nodeName', 'firstChild', 'ownerDocument'];
const VECTORS: Vector[] = [
  ...DOMPURIFY.map((v) => ({ name: `DOMPurify #${v.index}${v.title ? ` (${v.title})` : ''}`, payload: v.payload })),
  ...CLOBBERED.map((f) => ({ name: `form field ${f}`, payload: `<form><input name="${f}"><p>表单里的说明：请如实填写。</p></form>` })),
  { name: 'all clobbering fields in one form', payload: `<form>${CLOBBERED.map((f) => `<input name="${f}">`).join('')}</form>` },
  { name: 'clobbering image names', payload: CLOBBERED.map((f) => `<img name="${f}" src="/none.png">`).join('') },
  { name: 'noscript comment swallowing the rest', payload: '<b><noscript><!-- </noscript><img src=x></b>' },
];

const BEFORE = [
  '第一段：全省上下深入实施八八战略，坚持一张蓝图绘到底，推动高质量发展迈出新步伐。',
  '第二段：各地持续推进五水共治，治污水、防洪水、排涝水、保供水、抓节水，河湖面貌明显改善。',
  '第三段：浙江高质量发展建设共同富裕示范区，城乡居民收入差距持续缩小。',
];
const AFTER = [
  '第四段：坚持和发展新时代枫桥经验，矛盾纠纷就地化解，基层治理更加有效。',
  '第五段：持续深化最多跑一次改革，数字化改革赋能政府治理，营商环境不断优化。',
  '第六段：下一步将继续深入实施八八战略，奋力打造新时代全面展示中国特色社会主义制度优越性的重要窗口。',
];

/** Between two payloads on one page: a paragraph of its own, so text lost after any payload shows. */
const BETWEEN = (n: number) => `第${n + 1}个插段：义乌深化国际贸易综合改革试点，推动市场采购贸易方式创新发展。`;

interface TestPage {
  vectors: Vector[];
  paragraphs: string[];
  html: string;
}

const title = (i: number) => `安全测试报道第${i}号`;
function articlePage(i: number, vectors: Vector[]): TestPage {
  const middle = vectors.flatMap((v, n) => (n < vectors.length - 1 ? [v.payload, `<p>${BETWEEN(n)}</p>`] : [v.payload]));
  const html = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${title(i)}</title></head><body>
<header><a href="/">浙江新闻</a></header><article><h1>${title(i)}</h1>
${BEFORE.map((p) => `<p>${p}</p>`).join('\n')}
${middle.join('\n')}
${AFTER.map((p) => `<p>${p}</p>`).join('\n')}
</article><footer>版权所有</footer></body></html>`;
  return { vectors, paragraphs: [...BEFORE, ...vectors.slice(1).map((_, n) => BETWEEN(n)), ...AFTER], html };
}

/**
 * Payloads that leave the parser where it was (what follows them is parsed as it would be without
 * them) share a page, several to a page, to keep the suite short; the others each get a page alone.
 * Payloads touching document-wide state (<base>, <meta>, <html>, <body>, <frameset>, <noscript>, which
 * a DOMParser reads differently from the page) are always alone, and so are those opening SVG or MathML
 * (foreign content: what follows them in the same article may be parsed into it).
 */
function selfContained(payload: string): boolean {
  if (/<\s*(base|meta|html|body|head|frameset|noscript|plaintext|!doctype|svg|math)\b/i.test(payload)) return false;
  const doc = new DOMParser().parseFromString(`<!doctype html><body><div id="yidu-a">${payload}</div><p id="yidu-b">x</p>`, 'text/html');
  const a = doc.getElementById('yidu-a');
  const b = doc.getElementById('yidu-b');
  return !!a && !!b && a.parentElement === doc.body && b.parentElement === doc.body && b.textContent === 'x';
}
const PER_PAGE = 6;

/** Counts the page's calls to the functions payloads use to show they ran, in every frame that can reach its top. */
const COUNT_EXECUTIONS = `(() => {
  if (!/^https?:$/.test(location.protocol) && location.protocol !== 'about:') return;
  let counter;
  try { counter = window.top; void counter.location.href; } catch { counter = window; }
  counter.__yiduExecs = counter.__yiduExecs || 0;
  for (const name of ['alert', 'confirm', 'prompt', 'print']) {
    Object.defineProperty(window, name, { configurable: true, writable: true, value: function () { counter.__yiduExecs++; return name === 'prompt' ? null : false; } });
  }
})();`;

/** Lets timers, animations and focus events of a freshly loaded page happen the same way in both browsers. */
const SETTLE_MS = 200;
const LANES = 3;

async function executions(page: Page, dialogs: number): Promise<number> {
  return dialogs + (await page.evaluate(() => (window as unknown as { __yiduExecs?: number }).__yiduExecs ?? 0).catch(() => 0));
}

/** Runs `work` over `items` on `lanes` parallel workers, each with its own setup (done one after another). */
async function inLanes<T, L>(items: T[], lanes: number, setup: () => Promise<L>, work: (lane: L, item: T, index: number) => Promise<void>) {
  const ready: L[] = [];
  // One at a time: a new tab is told from the others by the tab ids before and after it opens.
  for (let l = 0; l < lanes; l++) ready.push(await setup());
  let next = 0;
  await Promise.all(
    ready.map(async (lane) => {
      while (next < items.length) {
        const i = next++;
        await work(lane, items[i]!, i);
      }
    }),
  );
}

describe(`${VECTORS.length} hostile payloads inside a Chinese article`, () => {
  let site: Site;
  let plain: Browser;
  let browser: ExtensionBrowser;
  let pages: TestPage[] = [];
  const baseline: { execs: number; shown: string[] }[] = [];

  beforeAll(async () => {
    plain = await chromium.launch({ executablePath: chromiumPath(), headless: true, args: ['--no-sandbox', '--disable-gpu'] });
    const judge = await plain.newPage();
    const alone = await judge.evaluate(
      ({ payloads, test }) => payloads.map((p) => !(new Function('payload', `return (${test})(payload)`)(p) as boolean)),
      { payloads: VECTORS.map((v) => v.payload), test: selfContained.toString() },
    );
    await judge.close();
    const shared = VECTORS.filter((_, i) => !alone[i]);
    const groups = [...VECTORS.filter((_, i) => alone[i]).map((v) => [v]), ...Array.from({ length: Math.ceil(shared.length / PER_PAGE) }, (_, g) => shared.slice(g * PER_PAGE, (g + 1) * PER_PAGE))];
    pages = groups.map((g, i) => articlePage(i, g));
    site = await serve(Object.fromEntries(pages.map((p, i) => [`/v/${i}.html`, p.html])));
    browser = await launchWithExtension();
    await browser.context.addInitScript({ content: COUNT_EXECUTIONS });
  });

  afterAll(async () => {
    await plain?.close();
    await browser?.close();
    await site?.close();
  });

  it('without Yidu: how many times the payloads run, and which paragraphs each page shows', { timeout: 120_000 }, async () => {
    const context = await plain.newContext();
    await context.addInitScript({ content: COUNT_EXECUTIONS });
    await inLanes(
      pages,
      LANES,
      async () => {
        const page = await context.newPage();
        const seen = { dialogs: 0 };
        page.on('dialog', (d) => {
          seen.dialogs++;
          void d.dismiss().catch(() => undefined);
        });
        return { page, seen };
      },
      async ({ page, seen }, testPage, i) => {
        seen.dialogs = 0;
        await page.goto(`${site.origin}/v/${i}.html`, { waitUntil: 'load', timeout: 30_000 });
        await page.waitForTimeout(SETTLE_MS);
        const text = await page.evaluate(() => document.body.innerText);
        baseline[i] = { execs: await executions(page, seen.dialogs), shown: testPage.paragraphs.filter((p) => text.includes(p)) };
      },
    );
    await context.close();
    console.log(`hostile payloads: ${VECTORS.length} on ${pages.length} pages, ${baseline.filter((b) => b.execs > 0).length} pages run some`);
    // The payloads are live (a suite whose pages run nothing would prove nothing).
    expect(baseline.filter((b) => b.execs > 0).length).toBeGreaterThanOrEqual(10);
  });

  it('with Yidu: annotating and saving run nothing more, never hang, and the reader shows the article', { timeout: 420_000 }, async () => {
    const failures: string[] = [];
    const extensionProblems: string[] = [];
    const unmarked: string[] = [];
    let saved = 0;
    await inLanes(
      pages,
      LANES,
      async () => {
        const { page, tabId } = await browser.openTab(`${site.origin}/v/0.html`);
        const seen = { dialogs: 0 };
        page.on('dialog', () => seen.dialogs++);
        // Errors a content script logs show in the page's console, with the extension's script as source.
        page.on('console', (msg) => {
          if (msg.type() === 'error' && msg.location().url.startsWith('chrome-extension:')) extensionProblems.push(`content script on ${page.url()}: ${msg.text()}`);
        });
        const reader = await browser.open(browser.extensionUrl('reader.html'));
        return { page, tabId, seen, reader };
      },
      async ({ page, tabId, seen, reader }, testPage, i) => {
        const names = testPage.vectors.map((v) => v.name).join(' + ');
        const fail = (what: string) => failures.push(`${names}: ${what}`);
        const url = `${site.origin}/v/${i}.html`;
        seen.dialogs = 0;
        await page.goto(url, { waitUntil: 'load', timeout: 30_000 });
        await page.waitForTimeout(SETTLE_MS);
        // Executions are compared once Yidu has annotated the page; every page must be marked (its
        // paragraphs hold glossary terms), whatever its payload does to the DOM's properties.
        const annotated = await page
          .locator(MARK_TAG)
          .first()
          .waitFor({ state: 'attached', timeout: 15_000 })
          .then(() => true)
          .catch(() => false);
        if (!annotated) {
          unmarked.push(names);
          fail('no term was marked');
        }
        const afterLoad = await executions(page, seen.dialogs);
        if (afterLoad !== baseline[i]!.execs) fail(`ran ${afterLoad} times with Yidu annotating, ${baseline[i]!.execs} times without`);

        await reader.evaluate((tab) => (location.hash = `save=${tab}`), tabId);
        const done = await reader
          .waitForFunction(
            (t) => document.querySelector('[data-testid="article-title"]')?.textContent === t || !!document.querySelector('[role="alert"]'),
            title(i),
            { timeout: 45_000 },
          )
          .then(() => true)
          .catch(() => false);
        if (!done) return void fail('the save did not finish within 45 s');
        const alert = await reader.locator('[role="alert"]').allTextContents();
        if (alert.length) return void fail(`not saved: ${alert.join(' ')}`);
        saved++;
        // The reader still answers (nothing in the article keeps its thread busy).
        if ((await Promise.race([reader.evaluate(() => 1 + 1), new Promise((ok) => setTimeout(() => ok(0), 5_000))])) !== 2) fail('the reader stopped answering');

        const { shown, stored } = await reader.evaluate(
          async ({ gloss, key }) => {
            const body = document.querySelector('[data-testid="article-body"]')!.cloneNode(true) as Element;
            for (const g of body.querySelectorAll(gloss)) g.remove();
            const text = await new Promise<string>((ok, no) => {
              const open = indexedDB.open('yidu');
              open.onerror = () => no(open.error);
              open.onsuccess = () => {
                const get = open.result.transaction('articles').objectStore('articles').get(key);
                get.onsuccess = () => (ok((get.result as { text?: string } | undefined)?.text ?? ''), open.result.close());
              };
            });
            return { shown: body.textContent ?? '', stored: text };
          },
          { gloss: GLOSS_TAG, key: url },
        );
        const squash = (s: string) => s.replace(/\s+/g, '');
        for (const p of testPage.paragraphs) {
          const inReader = squash(shown).includes(squash(p));
          if (baseline[i]!.shown.includes(p) && !inReader) fail(`the reader lacks a paragraph the page shows: ${p.slice(0, 5)}`);
          else if (squash(stored).includes(squash(p)) && !inReader) fail(`the reader lacks a paragraph the stored text has: ${p.slice(0, 5)}`);
        }
        await page.waitForTimeout(SETTLE_MS);
        const afterSave = await executions(page, seen.dialogs);
        if (afterSave !== afterLoad) fail(`ran ${afterSave - afterLoad} more times while Yidu saved it`);
      },
    );
    console.log(`hostile payloads: ${pages.length} pages, ${saved} saved, ${failures.length} failures; not marked: ${unmarked.join('; ') || 'none'}`);
    expect(failures).toEqual([]);
    expect(saved).toBe(pages.length);
    // Nothing ran or failed in Yidu's own pages: no dialog from an extension page, no error there.
    expect(browser.dialogs.filter((u) => !u.startsWith(site.origin))).toEqual([]);
    expect([...browser.errors.filter((e) => !e.includes(` on ${site.origin}/`)), ...extensionProblems]).toEqual([]);
  });
});
