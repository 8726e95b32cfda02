// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { extractArticle } from '@/lib/extract/article';
import { cleanTitle, findPublishedDate } from '@/lib/extract/metadata';
import { largestFromSrcset } from '@/lib/extract/images';
import { sanitizeArticleHtml } from '@/lib/extract/sanitize';

const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html');
const para = (i: number) => `<p>第${i}段：义乌市坚持和发展新时代“枫桥经验”，深化“党建+单元”模式，推进市场采购贸易方式试点，持续优化营商环境。</p>`;

describe('article extraction on Chinese news layouts', () => {
  it('keeps every one of many short paragraphs, and drops navigation and footers', () => {
    const doc = parse(`<html><head><title>义乌召开全市大会_中国义乌网</title><meta name="PubDate" content="2021-01-05 09:30"></head><body>
      <div class="nav"><a href="/">首页</a><a href="/a">新闻</a><a href="/b">政务</a></div>
      <div class="main"><h1>义乌召开全市大会</h1><div class="info">发布时间：2021-01-05 来源：义乌商报</div>
      <div class="content">${Array.from({ length: 30 }, (_, i) => para(i + 1)).join('')}</div></div>
      <div class="footer">版权所有 中国义乌网 浙ICP备</div></body></html>`);
    const article = extractArticle(doc, 'https://www.zgyww.cn/news/1.html');
    expect(article.title).toBe('义乌召开全市大会');
    for (let i = 1; i <= 30; i++) expect(article.text).toContain(`第${i}段`);
    expect(article.text).not.toContain('浙ICP备');
    expect(article.publishedAt).toBe(Date.UTC(2021, 0, 5, 1, 30));
  });

  it('keeps tables of figures in the article', () => {
    const doc = parse(`<html><head><title>2022年政府工作报告</title></head><body><article>
      ${Array.from({ length: 8 }, (_, i) => para(i)).join('')}
      <table><tr><th>指标</th><th>数值</th></tr><tr><td>进出口总额</td><td>4798亿元</td></tr></table>
      ${Array.from({ length: 8 }, (_, i) => para(i + 8)).join('')}</article></body></html>`);
    const article = extractArticle(doc, 'https://www.yiwu.gov.cn/art/1.html');
    expect(article.html).toContain('<table');
    expect(article.text).toContain('4798亿元');
  });

  it('resolves lazy images (data-src, srcset) to absolute addresses', () => {
    const doc = parse(`<html><head><title>图片新闻</title></head><body><article>${para(1)}
      <p><img data-src="/img/a.jpg" src="/img/placeholder.gif"></p>${para(2)}
      <p><img srcset="/img/b-480.jpg 480w, /img/b-960.jpg 960w"></p>${para(3)}${para(4)}${para(5)}</article></body></html>`);
    const article = extractArticle(doc, 'http://127.0.0.1:8080/news/2.html');
    expect(article.html).toContain('src="http://127.0.0.1:8080/img/a.jpg"');
    expect(article.html).toContain('src="http://127.0.0.1:8080/img/b-960.jpg"');
  });

  it('falls back to the selection, or the body text, when there is no article, and says so', () => {
    const doc = parse('<html><head><title>登录</title></head><body><div>用户名</div><div>密码</div></body></html>');
    expect(extractArticle(doc, 'https://x.cn/login', '选中的一段文字').source).toBe('selection');
    const body = extractArticle(parse('<html><head><title>登录</title></head><body><div>用户名</div></body></html>'), 'https://x.cn/login');
    expect(body.source).toBe('body');
    expect(body.text).toContain('用户名');
  });
});

describe('metadata helpers', () => {
  it('strips Chinese site suffixes from titles', () => {
    expect(cleanTitle('义乌再创新高_光明网', 'gmw.cn')).toBe('义乌再创新高');
    expect(cleanTitle('义乌再创新高-义乌新闻', 'x')).toBe('义乌再创新高');
    expect(cleanTitle('二〇二二年政府工作报告 | 义乌市人民政府', 'x')).toBe('二〇二二年政府工作报告');
    expect(cleanTitle('“十四五”开局-亮点纷呈', 'x')).toBe('“十四五”开局-亮点纷呈');
  });

  it('reads a 发布时间 line when there is no meta date', () => {
    const doc = parse('<body><p>发布时间：2022年3月4日 08:15</p></body>');
    expect(findPublishedDate(doc)).toBe(Date.UTC(2022, 2, 4, 0, 15));
  });

  it('picks the widest srcset candidate', () => {
    expect(largestFromSrcset('a.jpg 1x, b.jpg 2x')).toBe('b.jpg');
  });
});

describe('sanitizing saved HTML', () => {
  it('removes scripts, handlers, javascript: links, frames, forms, styles and SVG, and keeps the text', () => {
    const dirty = `<p onclick="alert(1)">正文<script>window.pwned=1</script><a href="javascript:alert(1)">链接</a></p>
      <img src="x.jpg" onerror="alert(1)"><iframe srcdoc="<script>alert(1)</script>"></iframe>
      <svg><script>alert(1)</script></svg><form action="/x"><input></form><style>body{display:none}</style>
      <a href="data:text/html,<script>alert(1)</script>">d</a><div style="position:fixed">样式</div>`;
    const clean = sanitizeArticleHtml(dirty);
    for (const bad of ['<script', 'onclick', 'onerror', 'javascript:', '<iframe', 'srcdoc', '<svg', '<form', '<style', 'data:text', 'position:fixed']) {
      expect(clean).not.toContain(bad);
    }
    expect(clean).toContain('正文');
    expect(clean).toContain('样式');
    expect(clean).toContain('rel="noopener noreferrer"');
  });
});
