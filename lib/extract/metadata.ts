/** Title suffixes Chinese sites append: "…_光明网", "…-义乌新闻", "… | 中国义乌网". */
const SUFFIX = /\s*[_|｜\-–—－]\s*([^_|｜\-–—－]{1,20})$/u;
const SITE_WORDS = /网|新闻|日报|商报|晚报|政府|频道|门户|在线|首页|客户端|人民|新华|China|News|Daily/iu;

export function cleanTitle(title: string, siteName: string): string {
  let t = title.replace(/\s+/g, ' ').trim();
  for (let i = 0; i < 3; i++) {
    const m = SUFFIX.exec(t);
    if (!m || m.index === 0) break;
    const tail = m[1]!.trim();
    if (tail === siteName || SITE_WORDS.test(tail)) t = t.slice(0, m.index).trim();
    else break;
  }
  return t;
}

const META_DATE = [
  'meta[property="article:published_time"]',
  'meta[name="PubDate"]',
  'meta[name="pubdate"]',
  'meta[name="publishdate"]',
  'meta[name="publish_date"]',
  'meta[itemprop="datePublished"]',
  'meta[name="firstpublishedtime"]',
];
const TEXT_DATE = /(?:发布|时间|日期|来源)[^0-9]{0,12}(20\d\d)\s*[-年/.]\s*(\d{1,2})\s*[-月/.]\s*(\d{1,2})\s*日?(?:\s+(\d{1,2}):(\d{2}))?/u;

/** The publication date the page states (meta tags, then a 发布时间 line), as epoch ms in China time. */
export function findPublishedDate(doc: Document): number | undefined {
  for (const selector of META_DATE) {
    const value = doc.querySelector(selector)?.getAttribute('content');
    const parsed = value ? parseDate(value) : undefined;
    if (parsed !== undefined) return parsed;
  }
  const time = doc.querySelector('time[datetime]')?.getAttribute('datetime');
  if (time && parseDate(time) !== undefined) return parseDate(time);
  const m = TEXT_DATE.exec((doc.body?.textContent ?? '').slice(0, 20000));
  if (!m) return undefined;
  const [, y, mo, d, h = '0', mi = '0'] = m;
  return Date.UTC(+y!, +mo! - 1, +d!, +h - 8, +mi);
}

function parseDate(value: string): number | undefined {
  const compact = /^(\d{4})-?(\d{2})-?(\d{2})(?:[ T](\d{2}):(\d{2}))?/.exec(value.trim());
  if (compact && !/[zZ+]|-\d\d:\d\d$/.test(value.slice(10))) {
    const [, y, mo, d, h = '0', mi = '0'] = compact;
    return Date.UTC(+y!, +mo! - 1, +d!, +h - 8, +mi);
  }
  const t = Date.parse(value);
  return Number.isNaN(t) ? undefined : t;
}
