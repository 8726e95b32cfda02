import { afterAll, describe, expect, it } from 'vitest';
import { rmSync } from 'node:fs';
import { launchWithExtension, makePng, newProfileDir, serve, type ExtensionBrowser } from './harness';

const paragraphs = Array.from(
  { length: 24 },
  (_, i) => `<p>第${i + 1}段：义乌坚持八八战略，推进义新欧班列和市场采购贸易方式，深化五水共治，建设共同富裕示范区。</p>`,
).join('\n');

const NEWS = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>义新欧班列开行再创新高_中国义乌网</title>
<meta name="PubDate" content="2021-01-05 09:30"></head><body>
<div class="nav"><a href="/">首页</a> <a href="/news">新闻</a></div>
<div class="content"><h1>义新欧班列开行再创新高</h1>
<p><img src="/img/one.png" alt="班列"></p>
${paragraphs}
<p><img data-src="/img/two.png" src="/img/blank.gif" alt="站台"></p>
<p><img src="/img/gone.png" alt="缺失"></p>
</div><div class="footer">版权所有 浙ICP备</div></body></html>`;

const HOSTILE = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>恶意页面</title>
<style>body { background: url(javascript:alert(1)) }</style></head><body><article>
<h1 onmouseover="window.yiduPwned=1">标题</h1>
${paragraphs}
<p>正文<script>window.yiduPwned = 1; alert(1)</script></p>
<img src="x" onerror="window.yiduPwned=1;alert(1)">
<a href="javascript:window.yiduPwned=1">点我</a>
<svg><script>window.yiduPwned=1</script><a xlink:href="javascript:alert(1)"><text>svg</text></a></svg>
<iframe srcdoc="<script>parent.yiduPwned=1</script>"></iframe>
<object data="javascript:alert(1)"></object>
<form action="javascript:alert(1)"><button>提交</button></form>
<div style="background:url('javascript:alert(1)')">样式</div>
<math><mtext><table><mglyph><style><img src=x onerror="window.yiduPwned=1"></style></mglyph></table></mtext></math>
<p>结尾段落：不忘初心。</p>
</article></body></html>`;

describe('saving for offline reading', () => {
  const profile = newProfileDir();
  let browser: ExtensionBrowser | undefined;
  afterAll(async () => {
    await browser?.close();
    rmSync(profile, { recursive: true, force: true });
  });

  it('saves from the popup, then reads text, images and terms offline after a browser restart', async () => {
    const site = await serve({
      '/news/1.html': NEWS,
      '/img/one.png': makePng(40, 30, [200, 30, 30]),
      '/img/two.png': makePng(64, 48, [30, 30, 200]),
    });
    browser = await launchWithExtension(profile, true);
    const { tabId } = await browser.openTab(`${site.origin}/news/1.html`);
    const popup = await browser.open(browser.extensionUrl(`popup.html?tabId=${tabId}`));
    await popup.getByRole('button', { name: 'Save for offline' }).click();
    await expect.poll(() => popup.getByTestId('save-message').textContent(), { timeout: 20_000 }).toContain('Saved “义新欧班列开行再创新高”');
    expect(await popup.getByTestId('save-message').textContent()).toContain('2 of 3 images saved');
    expect(await popup.getByTestId('latest-saves').innerText()).toContain('义新欧班列开行再创新高');
    await site.close(); // the network source is gone from here on
    await browser.close();

    browser = await launchWithExtension(profile, true);
    const reader = await browser.open(browser.extensionUrl('reader.html'));
    await reader.getByRole('link', { name: '义新欧班列开行再创新高' }).click();
    const body = reader.getByTestId('article-body');
    await expect.poll(() => body.innerText()).toContain('第24段');
    expect(await body.innerText()).not.toContain('浙ICP备');
    // Stored images point at their Blobs as soon as the text is there: never at the yidu-image: placeholder.
    expect(await body.evaluate((b) => [...b.querySelectorAll('img')].map((i) => i.getAttribute('src')?.replace(/^blob:.*/, 'blob:') ?? null))).toEqual([
      'blob:',
      'blob:',
      null,
    ]);
    await expect
      .poll(() => reader.$$eval('[data-testid="article-body"] img', (imgs) => imgs.map((i) => (i as HTMLImageElement).naturalWidth)), { timeout: 10_000 })
      .toEqual([40, 64, 0]);
    await expect.poll(() => body.locator('yidu-mark[data-yidu-term="double-eight-strategy"]').count()).toBe(24);
    expect(await reader.getByTestId('article-terms').innerText()).toContain('八八战略');
    expect(browser.errors).toEqual([]);
  });

  it('keeps one record when the same page is saved again, and nothing hostile runs in the reader', async () => {
    const site = await serve({ '/evil.html': HOSTILE });
    browser ??= await launchWithExtension(profile, true);
    // The hostile page's own scripts run on its own site (that is the web); what matters is that
    // nothing of it runs in the extension's reader page.
    const { tabId } = await browser.openTab(`${site.origin}/evil.html`);
    const popup = await browser.open(browser.extensionUrl(`popup.html?tabId=${tabId}`));
    for (let i = 0; i < 2; i++) {
      await popup.getByRole('button', { name: 'Save for offline' }).click();
      await expect.poll(() => popup.getByTestId('save-message').textContent(), { timeout: 20_000 }).toMatch(i === 0 ? /^Saved/ : /^Updated/);
    }
    await site.close();
    const reader = await browser.open(browser.extensionUrl('reader.html'));
    await expect.poll(() => reader.getByTestId('article-list').getByRole('link', { name: '恶意页面' }).count()).toBe(1);
    await reader.getByRole('link', { name: '恶意页面' }).click();
    const body = reader.getByTestId('article-body');
    await expect.poll(() => body.innerText()).toContain('结尾段落');
    await body.locator('h1, p').first().hover();
    await reader.waitForTimeout(300);
    expect(await reader.evaluate(() => (window as unknown as { yiduPwned?: number }).yiduPwned)).toBeUndefined();
    expect(await body.evaluate((b) => b.querySelectorAll('script, iframe, object, form, svg, style, [onerror], [onmouseover]').length)).toBe(0);
    expect(await body.evaluate((b) => [...b.querySelectorAll('a')].map((a) => a.getAttribute('href')).filter((h) => h && /^javascript:/i.test(h)))).toEqual([]);
    expect(browser.dialogs.filter((url) => url.startsWith('chrome-extension:'))).toEqual([]);
    expect(browser.dialogs.some((url) => url.includes('/evil.html'))).toBe(true); // the payload is live on its own page
  });

  it('saves through the library page, as the context menu and the shortcut do, with progress and then the article', async () => {
    const site = await serve({ '/news/2.html': NEWS.replace(/义新欧班列开行再创新高/g, '第二篇报道'), '/img/one.png': makePng(40, 30, [0, 150, 0]), '/img/two.png': makePng(20, 20, [0, 0, 0]) });
    browser ??= await launchWithExtension(profile, true);
    const { tabId } = await browser.openTab(`${site.origin}/news/2.html`);
    const reader = await browser.open(browser.extensionUrl(`reader.html#save=${tabId}`));
    await expect.poll(() => reader.getByTestId('article-title').textContent(), { timeout: 20_000 }).toBe('第二篇报道');
    expect(reader.url()).toContain('#article=');
    await site.close();
  });
});
