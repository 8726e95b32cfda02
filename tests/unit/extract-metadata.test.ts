// @vitest-environment jsdom
/**
 * Titles, dates, bylines, 来源, the block fallback and address resolution, on small pages built
 * after the failures seen on real portals (issue 13).
 */
import { describe, expect, it } from 'vitest';
import { extractArticle } from '@/lib/extract/article';
import { cleanTitle, findPublishedDate, looksLikeByline, parseDate, pickTitle, reporterLine } from '@/lib/extract/metadata';
import { bestBlock } from '@/lib/extract/blocks';

const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html');
const para = (i: number) => `<p>第${i}段：义乌市坚持和发展新时代“枫桥经验”，深化“党建+单元”模式，推进市场采购贸易方式试点，持续优化营商环境。</p>`;
const paras = (n: number, from = 1) => Array.from({ length: n }, (_, i) => para(i + from)).join('');
const china = (y: number, mo: number, d: number, h = 0, mi = 0, s = 0) => Date.UTC(y, mo - 1, d, h - 8, mi, s);

describe('titles', () => {
  it('strips site and section suffixes and separators', () => {
    expect(cleanTitle('苹果发布新iPhone 11-搜狐财经', 'x')).toBe('苹果发布新iPhone 11');
    expect(cleanTitle('北京楼市新政出台_新浪房产', 'x')).toBe('北京楼市新政出台');
    expect(cleanTitle('香港立法会选举延期 - BBC中文网 - 两岸三地', 'x')).toBe('香港立法会选举延期');
    expect(cleanTitle('新年伊始，习近平的重要文章谈了啥？_中南海_澎湃新闻-The Paper', 'x')).toBe('新年伊始，习近平的重要文章谈了啥？');
    expect(cleanTitle('常德市金融系统积极开展活动--当代商报', 'x')).toBe('常德市金融系统积极开展活动');
    expect(cleanTitle('明日股市预测--联合国贸发报告：全球经济增长率降至2.3%', 'x')).toBe('联合国贸发报告：全球经济增长率降至2.3%');
    expect(cleanTitle('“十四五”开局-亮点纷呈', 'x')).toBe('“十四五”开局-亮点纷呈');
  });

  it('prefers the full headline to a cut-short og:title, and never uses the URL when a title exists', () => {
    const doc = parse(`<html><head><title>奖金711万元！"中国诺贝尔奖"首位获奖女性啥来头?_网易新闻</title>
      <meta property="og:title" content="奖金711万元！"></head><body><h1>奖金711万元！"中国诺贝尔奖"首位获奖女性啥来头?</h1>${paras(6)}</body></html>`);
    expect(pickTitle(doc, 'x').title).toBe('奖金711万元！"中国诺贝尔奖"首位获奖女性啥来头?');
    const noTitle = extractArticle(`<html><body><h1>义乌召开全市大会</h1><article>${paras(6)}</article></body></html>`, 'https://www.zgyww.cn/n/1.html');
    expect(noTitle.title).toBe('义乌召开全市大会');
    const ogOnly = extractArticle(`<html><head><meta property="og:title" content="义新欧班列开行"></head><body><article>${paras(6)}</article></body></html>`, 'https://x.cn/1');
    expect(ogOnly.title).toBe('义新欧班列开行');
  });

  it('takes the headline from the page when <title> adds a section with a plain space', () => {
    const doc = parse(`<html><head><title>顺德区调研组一行到众创金融街开展调研工作 东区办事处_中山网</title></head><body>
      <div class="nav"><a>首页</a></div><span class="Title"><b>顺德区调研组一行到众创金融街开展调研工作</b></span>${paras(5)}</body></html>`);
    expect(pickTitle(doc, 'x').title).toBe('顺德区调研组一行到众创金融街开展调研工作');
  });
});

describe('dates', () => {
  it('reads a bare date and time printed under the headline, in China time', () => {
    const doc = parse(`<body><div class="nav"><a>首页</a></div><h1>武汉的声音</h1><div class="info"><span>2020-02-19 20:29:58</span><span>来源：半月谈</span></div>${paras(5)}</body>`);
    const headline = doc.querySelector('h1')!;
    expect(findPublishedDate(doc, headline)).toBe(china(2020, 2, 19, 20, 29, 58));
  });

  it('reads 2020年2月19日 and 2019年06月15日08:18, and meta tags with or without a zone', () => {
    const doc = parse(`<body><h1>标题</h1><p>2020年2月19日</p>${paras(4)}</body>`);
    expect(findPublishedDate(doc, doc.querySelector('h1')!)).toBe(china(2020, 2, 19));
    expect(parseDate('2019年06月15日08:18')?.time).toBe(china(2019, 6, 15, 8, 18));
    expect(parseDate('2019-09-07T13:43:45+08:00')?.time).toBe(china(2019, 9, 7, 13, 43, 45));
    expect(parseDate('2019-09-07T05:43:45Z')?.time).toBe(china(2019, 9, 7, 13, 43, 45));
    expect(parseDate('2016-11-22 09:53')?.time).toBe(china(2016, 11, 22, 9, 53));
    const meta = parse('<head><meta property="article:published_time" content="2018-12-28T19:56:29+08:00"></head><body><p>2017年6月1日</p></body>');
    expect(findPublishedDate(meta)).toBe(china(2018, 12, 28, 19, 56, 29));
  });

  it('does not take a date from the article body for the publication date', () => {
    const doc = parse(`<body><span class="Title">顺德区调研</span><span>来源于：东区办事处</span>
      <p>2019年2月27日下午，佛山顺德区大良街道党工委委员一行到众创金融街开展调研，实地考察金融街进驻企业情况并座谈。</p>${paras(3)}
      <div>发布日期：2019-03-06 责任编辑：龙慧</div></body>`);
    expect(findPublishedDate(doc, doc.querySelector('.Title')!)).toBe(china(2019, 3, 6));
  });
});

describe('bylines and 来源', () => {
  it('accepts names and 记者/通讯员 lines, and nothing else', () => {
    for (const bad of ['104363', 'L_104485', '作者：', '网易', '参考消息', 'name, email@gmail.com', '我已授权', '股市行情 总篇数919篇']) expect(looksLikeByline(bad), bad).toBe(false);
    for (const good of ['段彦超', '李琴雯 刘会', 'Jasmine Seales', '记者 段彦超 廖艳']) expect(looksLikeByline(good), good).toBe(true);
    expect(reporterLine('长江网10月4日讯（记者陈智 整合） 国庆中秋长假')).toBe('记者 陈智');
    expect(reporterLine('采写：南都见习记者 林子沛')).toBe('记者 林子沛');
    expect(reporterLine('本站讯（职工通讯员 李琴雯 刘会）为深入推进')).toBe('通讯员 李琴雯 刘会');
  });

  it('keeps the source paper as its own field, and the byline from the article', () => {
    const article = extractArticle(`<html><head><title>话剧巡演结束_河北频道</title></head><body><h1>话剧巡演结束</h1>
      <div class="info">2012-06-04 09:20:26 来源：河北日报</div><div class="content"><p>本报记者 王晓红</p>${paras(6)}</div></body></html>`, 'http://www.he.xinhuanet.com/n/1.htm');
    expect(article.sourceName).toBe('河北日报');
    expect(article.byline).toBe('记者 王晓红');
    expect(article.publishedAt).toBe(china(2012, 6, 4, 9, 20, 26));
  });
});

describe('the block fallback', () => {
  it('picks the article container, not the page-wide wrapper with navigation, share bar, related news and footer', () => {
    const doc = parse(`<html><body><div id="wrap">
      <div class="nav">${Array.from({ length: 20 }, (_, i) => `<a href="/c${i}">频道${i}</a>`).join('')}</div>
      <div class="market"><ul>${Array.from({ length: 10 }, (_, i) => `<li><a href="/s${i}">上证指数 3${i}00.12 +0.5%</a></li>`).join('')}</ul></div>
      <div class="main"><h1>标题</h1><div class="share">分享到：微博 微信 QQ空间</div>
        <div id="text">${paras(8)}<p>责任编辑：张三</p></div>
        <div class="related"><h3>相关新闻</h3><ul>${Array.from({ length: 8 }, (_, i) => `<li><a href="/n${i}">义乌市第${i}次推进市场采购贸易方式试点工作会议召开</a></li>`).join('')}</ul></div>
        <div class="comment"><p>网友评论</p><p>用户123：说得好，义乌的发展真是日新月异，值得全国学习借鉴！</p></div></div>
      <div class="footer">${Array.from({ length: 12 }, (_, i) => `<a>国务院部门${i}</a>`).join(' ')} 版权所有 京ICP备12345号</div></div></body></html>`);
    const block = bestBlock(doc.body)!;
    expect(block.element.id).toBe('text');
  });

  it('keeps every paragraph and drops the footer on a plain page', () => {
    const article = extractArticle(`<html><head><title>测试</title></head><body>
      <div class="content">${paras(10)}</div><div class="footer">版权所有 京ICP备12345号</div></body></html>`, 'https://x.cn/a');
    for (let i = 1; i <= 10; i++) expect(article.text).toContain(`第${i}段`);
    expect(article.text).not.toContain('ICP');
  });
});

describe('addresses', () => {
  it('resolves relative links and lazy images against the page address, not the document', () => {
    const doc = parse(`<html><head><base href="chrome-extension://abc/popup.html"><title>图片新闻</title></head><body><article>${paras(3)}
      <p><img data-src="/img/b.png" src="data:image/gif;base64,R0lGODlhAQABAAAAACw="><a href="../list/2.html">义乌市场的另一篇报道</a></p>${paras(3, 4)}</article></body></html>`);
    const article = extractArticle(doc, 'http://127.0.0.1:8080/news/2020/1.html');
    expect(article.html).toContain('src="http://127.0.0.1:8080/img/b.png"');
    expect(article.html).toContain('href="http://127.0.0.1:8080/news/list/2.html"');
    expect(doc.querySelector('img')!.getAttribute('src')).toMatch(/^data:/); // the caller's document is untouched
  });
});
