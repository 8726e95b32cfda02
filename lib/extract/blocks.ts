/**
 * Finding the article block by text density, for when Readability's result is clearly wrong, and
 * cleaning boilerplate out of whichever block is kept.
 *
 * The page's text is cut into lines at block boundaries. A line is *content* when it reads like prose
 * (enough characters, few of them in links, not a boilerplate phrase), *chrome* when it is mostly link
 * text, a boilerplate phrase (责任编辑, 相关新闻, 分享到, 版权所有…) or sits inside navigation, share,
 * comment, footer or related-news containers. Every element scores the content characters of its lines
 * minus the chrome characters: a page-wide wrapper holds all the content but also all the chrome, so
 * the tightest container of the article body wins.
 *
 * Works on an inert copy (see inert.ts): ordinary property access is safe there.
 */
import { hanCount } from '../han';

const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'IFRAME', 'SVG', 'CANVAS', 'OBJECT', 'EMBED', 'SELECT', 'TEXTAREA', 'BUTTON', 'INPUT', 'HEAD', 'TITLE', 'META', 'LINK']);
const BLOCK = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'BODY', 'CENTER', 'DD', 'DETAILS', 'DIV', 'DL', 'DT', 'FIELDSET', 'FIGCAPTION', 'FIGURE',
  'FOOTER', 'FORM', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HR', 'HTML', 'LI', 'MAIN', 'NAV', 'OL', 'P', 'PRE', 'SECTION', 'TABLE',
  'TBODY', 'TD', 'TH', 'THEAD', 'TFOOT', 'TR', 'UL', 'BR', 'CAPTION', 'SUMMARY',
]);
const CHROME_TAGS = new Set(['NAV', 'FOOTER', 'ASIDE', 'HEADER']);
/** class/id words of page chrome. Matched on word boundaries of the attribute (nav, top-nav, navBar…). */
const CHROME_ATTR =
  /(?:^|[\s_-])(?:nav|navbar|menu|share|sharebar|bdshare|social|comment|comments|cmt|reply|footer|foot|copyright|related|relate|recommend|recom|rec|hot|hotnews|rank|ranking|sidebar|side|aside|breadcrumb|crumb|crumbs|location|position|login|topbar|toolbar|tools|ad|ads|advert|banner|tags|keywords|pager|pagination|page-nav|statement|disclaimer|qrcode|ewm|weixin|wx|subscribe|feedback)(?:$|[\s_-]|\d)/i;
const CHROME_ATTR_CAMEL = /(?:Nav|Menu|Share|Comment|Footer|Related|Recommend|Sidebar|Breadcrumb|Copyright)/;

/** Lines that are never article text, wherever they appear. */
export const BOILERPLATE_LINE =
  /^[\s【[(（]*(?:责任编辑|责编|编辑|校对|审核|监制|本文来源|文章来源|稿件来源|来源[:：|]|分享到|分享至|扫描二维码|扫一扫|用微信扫描|相关新闻|相关阅读|相关文章|相关推荐|延伸阅读|推荐阅读|热门推荐|热点推荐|猜你喜欢|上一篇|下一篇|上一页|下一页|版权所有|版权声明|免责声明|声明[:：]|Copyright|©|打印本页|关闭窗口|纠错|返回顶部|点击排行|网友评论|我要评论|发表评论|评论\s*\d*$|登录|注册|举报|字号|点击进入|点击查看|关注我们|为你推荐|精彩推荐|热门文章|热门阅读|大家都在看|(?:发布)?(?:时间|日期)[:：]|浏览[:：]|\+1$|图集$|\d+$)/i;
/** Short lines that are credits, app prompts or WeChat menus wherever the phrase sits in the line. */
const CREDIT_LINE = /供稿|摄影\s*[/:：|]|编辑\s*[/:：|]|责编\s*[/:：|]|校对\s*[/:：|]|扫描.{0,6}二维码|长按.{0,6}识别|回复【|点击菜单|点【在看】|点个在看|关注公众号|下载客户端|下载.{0,12}APP|打开APP|更多原创资讯/i;
/** Headings of related-news, recommendation and comment sections: what follows them in their box is chrome. */
const SECTION_HEADING = /^[\s【[]*(?:相关新闻|相关阅读|相关文章|相关推荐|相关报道|延伸阅读|推荐阅读|热门推荐|热点推荐|为你推荐|精彩推荐|猜你喜欢|大家都在看|点击排行|热门文章|网友评论|最新评论|热门评论|更多新闻|往期回顾)[\s】\]]*[:：>]*$/;
const FOOTER_TEXT = /ICP备|公网安备|ICP证|网络视听许可证|违法和不良信息举报/;
const SENTENCE = /[。！？；，,.!?;：:]/;

interface Line {
  chars: number;
  han: number;
  link: number;
  chrome: boolean;
  text: string;
}

export interface BlockStats {
  /** Characters of content lines. */
  good: number;
  /** Characters of chrome lines. */
  bad: number;
  /** All visible characters. */
  chars: number;
}

const visible = (s: string) => s.replace(/\s+/g, '').length;
const DATE = /(?:19|20)\d\d\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?\s*(?:\d{1,2}[:：]\d{2}(?:[:：]\d{2})?)?/u;

/** A short line that is mostly a date (a timestamp under a headline or in a news list). */
function dateLine(line: Line): boolean {
  if (line.chars >= 40) return false;
  const m = DATE.exec(line.text);
  return !!m && visible(m[0]) >= 0.5 * line.chars;
}

export function isChromeElement(el: Element): boolean {
  if (CHROME_TAGS.has(el.tagName)) return true;
  // Page-wide classes ("…_login" on <body>) say nothing about where the article is.
  if (el.tagName === 'BODY' || el.tagName === 'HTML' || el.tagName === 'MAIN' || el.tagName === 'ARTICLE') return false;
  const attrs = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`;
  return CHROME_ATTR.test(attrs) || CHROME_ATTR_CAMEL.test(attrs);
}

/** How a line counts: positive for content, negative for chrome, about zero for short neutral lines. */
export function lineValue(line: Line): number {
  if (!line.chars) return 0;
  const linkShare = line.link / line.chars;
  // Only short lines: a paragraph may well begin with 编辑, 注册 or 登录.
  const boiler = line.chars < 80 && (BOILERPLATE_LINE.test(line.text) || FOOTER_TEXT.test(line.text) || (line.chars < 50 && CREDIT_LINE.test(line.text)) || dateLine(line));
  if (boiler) return -Math.max(10, line.chars) * 2;
  if (linkShare >= 0.5) return -Math.max(4, line.chars);
  const prose = (line.han >= 10 || line.chars >= 40) && (SENTENCE.test(line.text) || line.han >= 25);
  // Prose inside a chrome-looking box (class names like "js_img_share_area" also wrap articles) counts
  // half: enough to find an article there, not enough to prefer a comment box to a real article.
  if (prose) return (line.chars - line.link) * (line.chrome ? 0.5 : 1);
  if (line.chrome) return -Math.max(4, line.chars);
  return line.chars < 10 ? -1 : 0;
}

/**
 * Scores every block element under `root` in one pass (no recursion, so deep pages are fine) and
 * returns the per-element sums: value (content minus chrome) and the stats.
 */
export function scoreBlocks(root: Element): Map<Element, { value: number } & BlockStats> {
  const scores = new Map<Element, { value: number } & BlockStats>();
  const blocks: Element[] = [];
  const chromeDepth: boolean[] = [];
  let line: Line = { chars: 0, han: 0, link: 0, chrome: false, text: '' };
  let linkDepth = 0;
  const entry = (el: Element) => {
    let s = scores.get(el);
    if (!s) scores.set(el, (s = { value: 0, good: 0, bad: 0, chars: 0 }));
    return s;
  };
  const flush = (leavingBlock = false) => {
    if (line.chars && blocks.length) {
      // A related-news or comments heading: the rest of the box it heads is chrome.
      if (line.chars < 20 && SECTION_HEADING.test(line.text)) {
        const at = chromeDepth.length - (leavingBlock ? 2 : 1);
        if (at >= 0) chromeDepth[at] = true;
      }
      const value = lineValue(line);
      const s = entry(blocks[blocks.length - 1]!);
      s.value += value;
      s.chars += line.chars;
      if (value > 0) s.good += line.chars;
      else if (value < -1) s.bad += line.chars;
    }
    line = { chars: 0, han: 0, link: 0, chrome: chromeDepth[chromeDepth.length - 1] ?? false, text: '' };
  };
  // Iterative walk: 'enter' then 'leave' for each element.
  const stack: [Node, boolean][] = [[root, false]];
  while (stack.length) {
    const [node, leaving] = stack.pop()!;
    if (node.nodeType === 3) {
      const text = node.nodeValue ?? '';
      const n = visible(text);
      if (!n) continue;
      line.chars += n;
      line.han += hanCount(text);
      if (linkDepth) line.link += n;
      if (line.text.length < 200) line.text += text.trimStart();
      continue;
    }
    if (node.nodeType !== 1) continue;
    const el = node as Element;
    const tag = el.tagName;
    const block = BLOCK.has(tag);
    if (leaving) {
      if (tag === 'A') linkDepth--;
      if (block) {
        flush(true);
        blocks.pop();
        chromeDepth.pop();
        line.chrome = chromeDepth[chromeDepth.length - 1] ?? false;
        const mine = scores.get(el);
        const parent = blocks[blocks.length - 1];
        if (mine && parent) {
          const p = entry(parent);
          p.value += mine.value;
          p.good += mine.good;
          p.bad += mine.bad;
          p.chars += mine.chars;
        }
      }
      continue;
    }
    if (SKIP.has(tag)) continue;
    if (tag === 'A') linkDepth++;
    if (block) {
      flush();
      blocks.push(el);
      chromeDepth.push((chromeDepth[chromeDepth.length - 1] ?? false) || isChromeElement(el));
      line.chrome = chromeDepth[chromeDepth.length - 1]!;
    }
    stack.push([el, true]);
    const kids = el.childNodes;
    for (let i = kids.length - 1; i >= 0; i--) stack.push([kids[i]!, false]);
  }
  flush();
  return scores;
}

/**
 * The element holding the article body: the best content-minus-chrome score, the smaller element on
 * a tie. Never <html> or <body> (a page-wide wrapper): undefined when nothing smaller holds content.
 */
export function bestBlock(body: Element): { element: Element; stats: BlockStats } | undefined {
  const scores = scoreBlocks(body);
  let best: Element | undefined;
  let bestValue = 0;
  let bestChars = Infinity;
  for (const [el, s] of scores) {
    if (el === body || el.tagName === 'HTML' || el.tagName === 'BODY') continue;
    if (s.value > bestValue || (s.value === bestValue && s.chars < bestChars)) {
      best = el;
      bestValue = s.value;
      bestChars = s.chars;
    }
  }
  if (!best) return undefined;
  const s = scores.get(best)!;
  return { element: best, stats: { good: s.good, bad: s.bad, chars: s.chars } };
}

/** Content and chrome characters of a piece of article HTML (already in a container element). */
export function blockStats(container: Element): BlockStats {
  const s = scoreBlocks(container).get(container);
  return s ? { good: s.good, bad: s.bad, chars: s.chars } : { good: 0, bad: 0, chars: 0 };
}

/**
 * Removes chrome from a kept block, in place: navigation/share/comment/related containers and link
 * lists that hold no prose, and lines that are boilerplate (责任编辑, 本文来源, 分享到…) or footer text.
 */
export function removeChrome(container: Element): void {
  for (const el of [...container.querySelectorAll(SKIP_SELECTOR)]) el.remove();
  const scores = scoreBlocks(container);
  // Outermost first: once a container is removed, its descendants go with it.
  for (const el of [...container.querySelectorAll('*')]) {
    if (!container.contains(el)) continue; // inside something removed already
    const s = scores.get(el);
    if (!s) continue;
    const chromeBox = isChromeElement(el) && s.good < 0.3 * s.chars;
    const linkList = s.good === 0 && s.bad > 0 && s.bad >= 0.6 * s.chars && (el.tagName === 'UL' || el.tagName === 'OL' || el.querySelectorAll('a').length >= 3);
    const boilerLine = s.good === 0 && s.bad > 0 && s.chars === s.bad && !el.querySelector('img') && isLineBlock(el);
    if (chromeBox || linkList || boilerLine) el.remove();
  }
  // Boilerplate lines made of bare text (no block of their own), e.g. "责任编辑：某某" after a <br>.
  for (const el of [...container.querySelectorAll('span, font, strong, b, em, i, a')]) {
    const text = el.textContent?.trim() ?? '';
    if (text && BOILERPLATE_LINE.test(text) && !el.querySelector('img') && text.length < 60) el.remove();
  }
}

const SKIP_SELECTOR = 'script, style, noscript, template, iframe, object, embed, select, textarea, button, input';

/** A block whose text is one line (no block children with their own text). */
function isLineBlock(el: Element): boolean {
  for (const child of el.children) if (BLOCK.has(child.tagName) && child.tagName !== 'BR' && visible(child.textContent ?? '')) return false;
  return true;
}
