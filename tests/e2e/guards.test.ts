/** Short forms that mean something else are marked only where they mean what they say, in a real page. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchWithExtension, serve, type ExtensionBrowser, type Site } from './harness';

const PAGE = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>短语测试</title></head><body>
<p id="man">这个男人大声说话，商场推出新人大礼包。</p>
<p id="congress">人大和政协的工作都很重要。</p>
<p id="jobs">确保零就业家庭动态清零。</p>
<p id="covid">当时坚持动态清零总方针。</p>
<p id="professor">学院聘请三位兼职教授来校授课。</p>
<p id="vocational">全市大力发展职教。</p>
<p id="air">推进PM2.5和臭氧双控双减。</p>
<p id="traditional">浙江深入實施八八戰略。</p>
</body></html>`;

describe('context guards on a page', () => {
  let browser: ExtensionBrowser;
  let site: Site;
  let page: Page;
  const ids = (id: string) => page.locator(`#${id} yidu-mark`).evaluateAll((marks) => marks.map((m) => m.getAttribute('data-yidu-term')));

  beforeAll(async () => {
    site = await serve({ '/guards.html': PAGE });
    browser = await launchWithExtension();
    page = await browser.open(`${site.origin}/guards.html`);
  });

  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });

  it('marks 人大 and 职教 where jieba reads them as words, once the background has cut the sentences', async () => {
    await expect.poll(() => ids('congress'), { timeout: 10_000 }).toEqual(['peoples-congress', 'cppcc']);
    await expect.poll(() => ids('vocational'), { timeout: 10_000 }).toEqual(['vocational-education']);
    expect(await ids('man')).toEqual([]);
    expect(await ids('professor')).toEqual([]);
  });

  it('gives a jobs sentence and an air-quality sentence their own entries, not the COVID or school cards', async () => {
    expect(await ids('jobs')).toEqual(['zero-employment-households']);
    expect(await ids('covid')).toEqual(['dynamic-zero-covid']);
    expect(await ids('air')).not.toContain('double-reduction');
    expect(await ids('air')).not.toContain('broad-money-m2');
  });

  it('folds traditional characters with the pairs the background sends (the content script does not bundle them)', async () => {
    await expect.poll(() => ids('traditional'), { timeout: 5000 }).toEqual(['double-eight-strategy']);
  });

  it('logged no console error and no uncaught exception', () => {
    expect(browser.errors).toEqual([]);
  });
});
