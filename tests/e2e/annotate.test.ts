import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchWithExtension, serve, type ExtensionBrowser, type Site } from './harness';

const ARTICLE = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>义乌市政府工作报告</title>
<style>p { font-size: 17px; line-height: 1.8 }</style></head>
<body>
<div class="layout"><nav><a href="/">首页</a></nav>
<article id="main">
  <h1>坚持<a href="/x" id="link">八八</a>战略</h1>
  <p id="p1">今年义新欧
  班列开行1000列，深化<span><font color="red">党建</font>+单元</span>+警务模式。</p>
  <p id="p2">推进五水共治，建设共同富裕示范区。五水共治成效明显。</p>
  <table><tr><td>十四五</td><td>规划</td></tr></table>
  <p id="p3">全面落实“甜橙计划”要求，推进四港联动。</p>
  <input id="field" value="八八战略"><textarea id="area">八八战略</textarea>
  <div id="editor" contenteditable="true">五水共治</div>
  <ul><li>八八</li><li>战略</li></ul>
  <button id="btn" type="button">八八战略</button>
</article>
<iframe id="frame" src="/frame.html" width="400" height="120"></iframe>
<div id="host"></div>
</div>
<script>
  document.getElementById('host').attachShadow({ mode: 'open' }).innerHTML = '<p>影子里：推进一带一路建设。</p>';
  window.clicks = 0;
  document.getElementById('link').addEventListener('click', (e) => { e.preventDefault(); window.clicks++; });
</script>
</body></html>`;

// Not about policy: one glossary form (十四五) in a phone review, and quoted emphasis that is no jargon.
const REVIEW = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>新机评测</title></head>
<body><article><p>这款手机用了“两个大核”加六个小核的设计，续航比上一代好不少。</p>
<p>屏幕亮度很高，户外也看得清。拍照方面，“夜景模式”的表现令人满意，十四五个小时的视频也不在话下。</p></article></body></html>`;

const FRAME = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"></head><body><p>框架内：最多跑一次改革。</p></body></html>`;

async function bodyHtml(page: Page): Promise<string> {
  return page.evaluate(() => document.body.innerHTML);
}

describe('annotation on a served news page', () => {
  let browser: ExtensionBrowser;
  let site: Site;
  let page: Page;
  let tabId: number;

  beforeAll(async () => {
    site = await serve({ '/article.html': ARTICLE, '/frame.html': FRAME, '/review.html': REVIEW });
    browser = await launchWithExtension();
    ({ page, tabId } = await browser.openTab(`${site.origin}/article.html`));
    await page.waitForSelector('[data-yidu-term="five-water-co-governance"]');
  });

  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });

  it('marks terms, including one split by a link and one broken by a line break', async () => {
    const ids = await page.$$eval('yidu-mark[data-yidu-term]', (marks) => marks.map((m) => m.getAttribute('data-yidu-term')));
    expect(ids).toContain('double-eight-strategy');
    expect(ids).toContain('yixinou-railway');
    // the longer 党建+单元+警务 wins over 党建+单元 inside it, across the <font> and <span> tags
    const party = await page.$$eval('#p1 span yidu-mark', (marks) => marks.map((m) => [m.textContent, m.getAttribute('data-yidu-term')]));
    expect(party.map(([text]) => text).join('')).toBe('党建+单元');
    expect(new Set(party.map(([, id]) => id)).size).toBe(1);
    expect(ids).not.toContain('party-building-plus-unit');
    // 八八 (inside the link) and 战略 share one occurrence number
    const pieces = await page.$$eval('h1 yidu-mark', (marks) => marks.map((m) => [m.textContent, m.getAttribute('data-yidu-occurrence')]));
    expect(pieces).toHaveLength(2);
    expect(pieces[0]![1]).toBe(pieces[1]![1]);
    expect(await page.locator('#p1 yidu-mark[data-yidu-term="yixinou-railway"]').evaluate((m) => m.textContent)).toBe('义新欧\n  班列');
  });

  it('leaves inputs, textareas, contenteditable regions, buttons and cross-block text alone', async () => {
    expect(await page.locator('#editor yidu-mark, ul yidu-mark, #btn yidu-mark').count()).toBe(0);
    expect(await page.inputValue('#field')).toBe('八八战略');
    expect(await page.inputValue('#area')).toBe('八八战略');
    expect(await page.locator('td yidu-mark').count()).toBe(1); // 十四五 alone, not 十四五规划 across cells
  });

  it('keeps the page’s own listeners working on a marked link', async () => {
    await page.click('#link');
    expect(await page.evaluate(() => (window as unknown as { clicks: number }).clicks)).toBe(1);
  });

  it('marks candidate jargon the glossary lacks with a distinct kind', async () => {
    // A quoted phrase is marked once the background's dictionary has said it is no ordinary word.
    const candidates = () => page.$$eval('yidu-mark[data-yidu-kind="candidate"]', (marks) => marks.map((m) => m.textContent));
    await expect.poll(candidates, { timeout: 10_000 }).toContain('甜橙计划');
  });

  it('marks no candidates on a page that is not about policy, judged after its first marks', async () => {
    const { page: review } = await browser.openTab(`${site.origin}/review.html`);
    // The judgement is made (and any held run matched again) after the first screen's marks.
    await review.waitForFunction(() => performance.getEntriesByName('yidu:density').length > 0 && performance.getEntriesByName('yidu:annotate').length > 0);
    await review.waitForTimeout(1000); // the background's answers for the quoted phrases, and any recheck
    expect(await review.locator('yidu-mark[data-yidu-kind="candidate"]').count()).toBe(0);
    await review.close();
  });

  it('marks terms inside a same-origin iframe', async () => {
    const frame = page.frameLocator('#frame');
    await expect.poll(() => frame.locator('[data-yidu-term="run-at-most-once"]').count(), { timeout: 10_000 }).toBe(1);
  });

  it('marks terms inside an open shadow root', async () => {
    await expect
      .poll(() => page.evaluate(() => document.getElementById('host')!.shadowRoot!.querySelectorAll('[data-yidu-term="belt-and-road-initiative"]').length))
      .toBe(1);
  });

  it('scrolls to a term’s first occurrence when it is clicked in the popup', async () => {
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    const popup = await browser.open(browser.extensionUrl(`popup.html?tabId=${tabId}`));
    await popup.locator('[data-term-id="double-eight-strategy"] button').click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-yidu-term'))).toBe('double-eight-strategy');
    await popup.close();
  });

  it('shows the English rendering after the first occurrence in bilingual mode', async () => {
    const popup = await browser.open(browser.extensionUrl(`popup.html?tabId=${tabId}`));
    await popup.getByLabel('English after terms').selectOption('first');
    await expect.poll(() => page.locator('yidu-gloss').count(), { timeout: 5000 }).toBeGreaterThan(3);
    const glossAfterWater = await page.evaluate(() => {
      const marks = [...document.querySelectorAll('yidu-mark[data-yidu-term="five-water-co-governance"]')];
      return marks.map((m) => m.nextElementSibling?.tagName === 'YIDU-GLOSS' ? m.nextElementSibling.textContent : null);
    });
    expect(glossAfterWater[0]).toMatch(/^ \(.+\)$/);
    expect(glossAfterWater[1]).toBeNull(); // first occurrence only
    await popup.getByLabel('English after terms').selectOption('off');
    await expect.poll(() => page.locator('yidu-gloss').count()).toBe(0);
    await popup.close();
  });

  it('marks content added after load, once', async () => {
    await page.evaluate(() => {
      const p = document.createElement('p');
      p.id = 'late';
      p.textContent = '新增内容：推进数字化改革。';
      document.getElementById('main')!.append(p);
    });
    await expect.poll(() => page.locator('#late [data-yidu-term="digital-reform"]').count(), { timeout: 3000 }).toBe(1);
    await page.waitForTimeout(400);
    expect(await page.locator('#late yidu-mark yidu-mark').count()).toBe(0);
    expect(await page.locator('#late yidu-mark').count()).toBe(1);
  });

  it('shows a card with the English rendering on hover, and closes it on Escape', async () => {
    await page.keyboard.press('Escape');
    await page.mouse.move(1, 1);
    await page.hover('#p2 yidu-mark[data-yidu-term="five-water-co-governance"]');
    const card = page.locator('yidu-card .card');
    await expect.poll(() => card.count(), { timeout: 5000 }).toBe(1);
    const text = await card.innerText();
    expect(text).toContain('五水共治');
    expect(text).toMatch(/occurrence 1 of 2/);
    await page.keyboard.press('Escape');
    await expect.poll(() => card.count()).toBe(0);
  });

  it('opens the card from the keyboard and steps to the next occurrence', async () => {
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.locator('#p2 yidu-mark[data-yidu-term="five-water-co-governance"]').first().focus();
    const card = page.locator('yidu-card .card');
    await expect.poll(() => card.count()).toBe(1);
    await page.locator('yidu-card').getByRole('button', { name: 'Next occurrence' }).click();
    await expect.poll(() => page.locator('yidu-card [data-testid="occurrence"]').innerText()).toBe('occurrence 2 of 2');
    await page.keyboard.press('Escape');
  });

  it('saves a term to the vocabulary from its card, with the sentence and the page', async () => {
    await page.keyboard.press('Escape');
    await page.mouse.move(1, 1);
    await page.hover('#p2 yidu-mark[data-yidu-term="five-water-co-governance"]');
    const card = page.locator('yidu-card');
    await card.getByRole('button', { name: 'Save to vocabulary' }).click();
    await expect.poll(() => card.getByRole('button', { name: /Saved to vocabulary/ }).count()).toBe(1);
    const saved = await browser.worker.evaluate(
      () =>
        new Promise<unknown>((resolve, reject) => {
          const open = indexedDB.open('yidu');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const get = open.result.transaction('vocabulary').objectStore('vocabulary').get('five-water-co-governance');
            get.onsuccess = () => resolve(get.result);
            get.onerror = () => reject(get.error);
          };
        }),
    );
    expect(saved).toMatchObject({
      term: '五水共治',
      sentence: '推进五水共治，建设共同富裕示范区。',
      pageTitle: '义乌市政府工作报告',
      pageUrl: `${site.origin}/article.html`,
      learned: false,
    });
    await page.keyboard.press('Escape');
  });

  it('shows the number of distinct terms on the badge', async () => {
    const distinct = await page.evaluate(() => {
      const glossaryMarks = 'yidu-mark[data-yidu-term]:not([data-yidu-kind])';
      const ids = new Set([...document.querySelectorAll(glossaryMarks)].map((m) => m.getAttribute('data-yidu-term')));
      const frameDoc = (document.getElementById('frame') as HTMLIFrameElement).contentDocument!;
      for (const m of frameDoc.querySelectorAll(glossaryMarks)) ids.add(m.getAttribute('data-yidu-term'));
      for (const m of document.getElementById('host')!.shadowRoot!.querySelectorAll(glossaryMarks)) ids.add(m.getAttribute('data-yidu-term'));
      return ids.size;
    });
    await expect
      .poll(() => browser.worker.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId), { timeout: 5000 })
      .toBe(String(distinct));
  });

  it('restores the body exactly when annotation is switched off, and marks again when switched on', async () => {
    // The body as the server sent it, parsed by the same browser (scripts do not run in DOMParser).
    const original = await page.evaluate(async () => {
      const html = await (await fetch(location.href)).text();
      return new DOMParser().parseFromString(html, 'text/html').body.innerHTML;
    });
    await page.evaluate(() => document.getElementById('late')?.remove());
    const popup = await browser.open(browser.extensionUrl(`popup.html?tabId=${tabId}`));
    await popup.getByRole('radio', { name: 'Never on this site' }).click();
    await expect.poll(() => page.locator('yidu-mark').count()).toBe(0);
    expect(await bodyHtml(page)).toBe(original);
    await popup.getByRole('radio', { name: 'Automatic' }).click();
    await expect.poll(() => page.locator('[data-yidu-term="five-water-co-governance"]').count()).toBe(2);
    await popup.close();
  });

  it('adds the reader’s own explanation for a candidate and marks it on every page after reload', async () => {
    await page.locator('yidu-mark[data-yidu-kind="candidate"]', { hasText: '甜橙计划' }).first().click();
    const card = page.locator('yidu-card');
    await card.getByRole('button', { name: 'Add your explanation' }).click();
    await card.getByLabel('English').fill('Sweet Orange Plan');
    await card.getByLabel('What it means').fill('A made-up programme name used by this test.');
    await card.getByRole('button', { name: 'Save entry' }).click();
    await page.reload();
    const mark = page.locator('#p3 yidu-mark', { hasText: '甜橙计划' });
    await expect.poll(() => mark.getAttribute('data-yidu-term'), { timeout: 10_000 }).toMatch(/^user-/);
    expect(await mark.getAttribute('data-yidu-kind')).toBeNull();
    await mark.hover();
    await expect.poll(() => page.locator('yidu-card .card').innerText(), { timeout: 5000 }).toContain('Sweet Orange Plan');
  });

  it('logged no console error and no uncaught exception', () => {
    expect(browser.errors).toEqual([]);
  });
});
