// @vitest-environment jsdom
/**
 * DOM clobbering: form fields and images named after DOM properties must neither hang nor break
 * extraction. The extraction runs in a child process (clobber-child.ts) under a hard time limit,
 * with the browsers' named-property behaviour emulated (jsdom lacks it).
 */
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { inertCopy, neutraliseClobbering } from '@/lib/extract/inert';
import { extractArticle } from '@/lib/extract/article';

const CHILD = resolve(import.meta.dirname, '../extraction/clobber-child.ts');
const para = (i: number) => `<p>第${i}段：义乌市坚持和发展新时代“枫桥经验”，深化“党建+单元”模式，推进市场采购贸易方式试点，持续优化营商环境。</p>`;
const FIELDS = ['parentNode', 'tagName', 'hasAttribute', 'nodeType', 'childNodes'];
const hostile = `<html><head><title>义乌召开全市大会_中国义乌网</title></head><body>
  <div class="nav"><a href="/">首页</a><a href="/a">新闻</a></div>
  <img name="documentElement" src="/x.png"><img name="querySelectorAll" src="/y.png"><form name="body"></form>
  <div class="content"><h1>义乌召开全市大会</h1>
  ${para(1)}${para(2)}
  <form id="f">${FIELDS.map((n) => `<input name="${n}" value="x">`).join('')}<p>表单里的一段正文：坚持和发展新时代“枫桥经验”，推进市场采购贸易方式试点。</p></form>
  ${para(3)}<form><input name="parentNode"><input name="nodeType"><div><span>内层</span></div></form>${para(4)}${para(5)}${para(6)}
  <input form="f" name="childNodes"></div>
  <div class="footer">版权所有 中国义乌网 浙ICP备</div></body></html>`;

function runChild(html: string) {
  return spawnSync(process.execPath, ['--import', 'tsx', CHILD, html], { encoding: 'utf8', timeout: 30_000, cwd: resolve(import.meta.dirname, '../..') });
}

describe('extraction on pages with clobbering form fields', () => {
  it('neither hangs nor throws with fields named parentNode, tagName, hasAttribute, nodeType, childNodes', () => {
    const run = runChild(hostile);
    expect(run.error, 'the extraction did not finish within 30 s (a loop through a clobbered property)').toBeUndefined();
    expect(run.status, run.stderr).toBe(0);
    const result = JSON.parse(run.stdout) as { title: string; text: string; html: string };
    expect(result.title).toBe('义乌召开全市大会');
    for (let i = 1; i <= 6; i++) expect(result.text).toContain(`第${i}段`);
    expect(result.text).toContain('表单里的一段正文');
    expect(result.text).not.toContain('浙ICP备');
  }, 40_000);

  it('copies the page into an inert document with no forms and no document-shadowing names', () => {
    const page = new DOMParser().parseFromString(hostile, 'text/html');
    const copy = inertCopy(page);
    expect(copy).not.toBe(page);
    expect(copy.querySelectorAll('form')).toHaveLength(0);
    expect(copy.querySelectorAll('img[name], [form]')).toHaveLength(0);
    expect(copy.querySelectorAll('input[name="parentNode"]').length).toBe(2); // the fields stay, inert
    expect(copy.body.textContent).toContain('表单里的一段正文');
    // The page is untouched.
    expect(page.querySelectorAll('form')).toHaveLength(3);
    expect(neutraliseClobbering(copy)).toBe(0);
  });

  it('never loads or runs anything from the page while extracting', () => {
    let ran = 0;
    (globalThis as Record<string, unknown>).__yiduRan = () => ran++;
    const page = `<html><head><title>测试</title></head><body><article>${para(1)}${para(2)}${para(3)}
      <img src="x" onerror="__yiduRan()"><script>__yiduRan()</script><svg onload="__yiduRan()"></svg>${para(4)}${para(5)}</article></body></html>`;
    const article = extractArticle(page, 'https://news.example.cn/a/2.html');
    expect(article.text).toContain('第5段');
    expect(ran).toBe(0);
  });
});

describe('extraction when a form or a control is left open', () => {
  const short = ['第一段：全省深入实施八八战略。', '第二段：各地持续推进五水共治。', '第三段：浙江建设共同富裕示范区。'];
  const rest = ['第四段：坚持和发展新时代枫桥经验，矛盾纠纷就地化解。', '第五段：持续深化最多跑一次改革，营商环境不断优化。', '第六段：继续深入实施八八战略，打造重要窗口。'];
  const page = (open: string) =>
    `<html><head><title>测试</title></head><body><article><h1>测试</h1>${short.map((p) => `<p>${p}</p>`).join('')}${open}${rest.map((p) => `<p>${p}</p>`).join('')}</article></body></html>`;

  it('keeps the short paragraphs before a form that swallows the rest of the article', () => {
    const { text } = extractArticle(page('<form><input name="attributes">'), 'https://example.cn/a.html');
    for (const p of [...short, ...rest]) expect(text).toContain(p.slice(0, 6));
  });

  it('keeps the paragraphs inside a button left open', () => {
    const { text } = extractArticle(page('<button onclick="x()">@giutro'), 'https://example.cn/a.html');
    for (const p of [...short, ...rest]) expect(text).toContain(p.slice(0, 6));
  });
});
