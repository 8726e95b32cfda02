import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchWithExtension, serve, type ExtensionBrowser, type Site } from './harness';

const ARTICLE = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>拼音测试</title></head>
<body>
<article id="main">
  <h1>坚持<a href="/x" id="link">八八</a>战略</h1>
  <p id="p1">人大和政协的工作都很重要。市人大常委会听取了银行关于长三角一体化的汇报。</p>
  <p id="p2">重庆自贸区建设取得新进展，<b>银行</b>长期支持实体经济。</p>
  <!-- “四港”联动 itself is now a glossary term (the matcher reads through the quotes), so the candidate here is “四港” in another phrase. -->
  <p id="p3">全力推进“四港”协同，即海港、陆港、空港、信息港一体发展。</p>
  <p id="p4">Latin text, 5G基站 and digits 2024 stay as they are.</p>
</article>
<script>
  window.clicks = 0;
  document.getElementById('link').addEventListener('click', (e) => { e.preventDefault(); window.clicks++; });
</script>
</body></html>`;

/** Each Han character under pinyin with its syllable, in document order: [char, syllable][]. */
function readings(page: Page): Promise<[string, string][]> {
  return page.evaluate(() => {
    const out: [string, string][] = [];
    for (const ruby of document.querySelectorAll('ruby[data-yidu-ruby]')) {
      const rt = ruby.querySelector('rt');
      let base = '';
      for (const node of ruby.childNodes) if (node !== rt) base += node.textContent ?? '';
      const han = [...base].filter((ch) => /\p{Script=Han}/u.test(ch));
      const syllables = (rt?.textContent ?? '').split(' ').filter(Boolean);
      han.forEach((ch, i) => out.push([ch, syllables[i] ?? '?']));
    }
    return out;
  });
}

/** The syllables read over the first place `word` is written under pinyin. */
function readingOf(all: [string, string][], word: string): string | undefined {
  const text = all.map(([ch]) => ch).join('');
  const at = text.indexOf(word);
  return at < 0 ? undefined : all.slice(at, at + word.length).map(([, s]) => s).join(' ');
}

describe('pinyin over a served page', () => {
  let browser: ExtensionBrowser;
  let site: Site;
  let page: Page;
  let tabId: number;

  const setMode = async (mode: 'off' | 'jargon' | 'every') => {
    const popup = await browser.open(browser.extensionUrl(`popup.html?tabId=${tabId}`));
    const button = popup.locator(`[data-pinyin-mode="${mode}"]`);
    await expect.poll(() => button.isEnabled(), { timeout: 10_000 }).toBe(true);
    await button.click();
    await expect.poll(() => button.getAttribute('aria-checked'), { timeout: 15_000 }).toBe('true');
    await popup.close();
  };

  beforeAll(async () => {
    site = await serve({ '/article.html': ARTICLE });
    browser = await launchWithExtension();
    ({ page, tabId } = await browser.openTab(`${site.origin}/article.html`));
    // Marked, and the whole-word check of 人大 answered (it is marked only after jieba's answer).
    await page.waitForSelector('[data-yidu-term="peoples-congress"]', { timeout: 15_000 });
    await page.waitForSelector('[data-yidu-kind="candidate"]');
  });

  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });

  it('puts pinyin over every word, then restores the body byte for byte', async () => {
    const before = await page.evaluate(() => document.body.innerHTML);
    await setMode('every');
    expect(await page.locator('ruby[data-yidu-ruby]').count()).toBeGreaterThan(20);
    expect(await page.locator('#p4 ruby[data-yidu-ruby]').count()).toBeGreaterThan(0); // 基站
    expect(await page.locator('#p4').evaluate((p) => p.textContent)).toContain('Latin text, 5G');
    await setMode('off');
    expect(await page.locator('ruby[data-yidu-ruby], rt[data-yidu-ruby]').count()).toBe(0);
    expect(await page.evaluate(() => document.body.innerHTML)).toBe(before);
    // The page's own listener still works on the link that held a ruby.
    await page.click('#link');
    expect(await page.evaluate(() => (window as unknown as { clicks: number }).clicks)).toBe(1);
  });

  it('reads what is written, in context: 人大, 银行, 长三角, 重庆, 自贸区', async () => {
    await setMode('every');
    const all = await readings(page);
    expect(readingOf(all, '人大')).toBe('rén dà');
    expect(readingOf(all, '银行')).toBe('yín háng');
    expect(readingOf(all, '长三角')).toBe('cháng sān jiǎo');
    expect(readingOf(all, '重庆')).toBe('chóng qìng');
    expect(readingOf(all, '自贸区')).toBe('zì mào qū');
    // 银行 in <b> then 长期 outside it: the word boundary, not 行长.
    expect(readingOf(all, '银行长期')).toBe('yín háng cháng qī');
    await setMode('off');
  });

  it('puts pinyin over jargon only, inside the marks', async () => {
    const before = await page.evaluate(() => document.body.innerHTML);
    await setMode('jargon');
    const outside = await page.$$eval('ruby[data-yidu-ruby]', (rubies) => rubies.filter((r) => !r.closest('yidu-mark')).length);
    expect(outside).toBe(0);
    expect(await page.locator('yidu-mark[data-yidu-term="peoples-congress"] rt').first().textContent()).toBe('rén dà');
    await setMode('off');
    expect(await page.evaluate(() => document.body.innerHTML)).toBe(before);
  });

  it('says on a glossary card that the term is written here in another form, with that form’s pinyin', async () => {
    await page.mouse.move(1, 1);
    await page.hover('#p1 yidu-mark[data-yidu-term="peoples-congress"]');
    const written = page.locator('yidu-card [data-testid="written-here"]');
    await expect.poll(() => written.count(), { timeout: 5000 }).toBe(1);
    expect(await written.innerText()).toMatch(/Written here as 人大\s+rén dà/);
    await page.keyboard.press('Escape');
  });

  it('breaks an unknown formula down and shows its items found in the text', async () => {
    await page.mouse.move(1, 1);
    await page.hover('#p3 yidu-mark[data-yidu-kind="candidate"]');
    const card = page.locator('yidu-card');
    await expect.poll(() => card.locator('[data-testid="found-items"] li').count(), { timeout: 5000 }).toBe(4);
    expect(await card.locator('[data-testid="found-items"] li').allInnerTexts()).toEqual(['海港', '陆港', '空港', '信息港']);
    expect(await card.locator('.card').innerText()).toContain('as found in the text');
    const words = await card.locator('[data-testid="breakdown"] li').allInnerTexts();
    expect(words.join(' | ')).toMatch(/四 sì/);
    expect(await card.locator('[data-testid="candidate-sentence"]').innerText()).toContain('四港');
    await card.getByRole('button', { name: 'Add your explanation' }).click();
    const draft = await card.locator('textarea').inputValue();
    expect(draft).toContain('sì');
    expect(draft).toContain('海港、陆港、空港、信息港');
    await page.keyboard.press('Escape');
  });

  it('toggles with the shortcut’s command, and logs no errors', async () => {
    const before = await page.evaluate(() => document.body.innerHTML);
    // The command's handler sends this; the popup's own path is tested above.
    const send = (mode: 'toggle') =>
      browser.worker.evaluate(async ([id, m]) => chrome.tabs.sendMessage(id as number, { id: 1, type: 'setPinyinMode', data: { mode: m }, timestamp: Date.now() }, { frameId: 0 }), [tabId, mode] as const);
    await send('toggle');
    await expect.poll(() => page.locator('ruby[data-yidu-ruby]').count(), { timeout: 10_000 }).toBeGreaterThan(0);
    await send('toggle');
    await expect.poll(() => page.locator('ruby[data-yidu-ruby]').count(), { timeout: 10_000 }).toBe(0);
    expect(await page.evaluate(() => document.body.innerHTML)).toBe(before);
    expect(browser.errors).toEqual([]);
  });
});
