/**
 * Title, date, byline and source paper (来源) of a Chinese news or government page.
 * Works on an inert, neutralised copy (inert.ts): ordinary property access is safe there.
 */
import { HAN_CLASS } from '../han';

/** Words of site, channel and section names in title suffixes ("_光明网", "-股票频道", "_新闻中心"). */
const SITE_WORDS = /网|新闻|日报|搜狐|新浪|网易|腾讯|凤凰|澎湃|财经|房产|商报|晚报|早报|政府|频道|门户|在线|首页|客户端|中心|官网|官方|人民|新华|China|News|Daily|The Paper|BBC|\.cn|\.com/iu;
/** Separators that always split a title from its site and section names. */
const STRONG_SEPARATOR = /\s*(?:_|\||｜|-{2,}|—{1,2}|――|\s[-–—·|]\s)\s*/u;
/** A trailing "-site" with a plain hyphen: stripped only when the tail names a site or section. */
const WEAK_SUFFIX = /\s*[-–－]\s*([^-–－]{1,24})$/u;

const squash = (s: string) => s.replace(/[\s\u00a0\u3000]+/g, ' ').trim();

/** A page title without its site and section names ("X_网易财经", "X - BBC中文网 - 两岸三地", "栏目--X"). */
export function cleanTitle(title: string, siteName: string): string {
  let t = squash(title);
  const parts = t.split(STRONG_SEPARATOR).map((p) => p.trim()).filter(Boolean);
  if (parts.length > 1) {
    const named = (p: string) => p === siteName || SITE_WORDS.test(p) || /^[\w.-]+\.\w{2,}$/.test(p);
    const kept = parts.filter((p) => !named(p));
    const pool = kept.length ? kept : parts;
    t = pool.reduce((a, b) => (b.length > a.length ? b : a));
  }
  for (let i = 0; i < 3; i++) {
    const m = WEAK_SUFFIX.exec(t);
    if (!m || m.index === 0) break;
    const tail = m[1]!.trim();
    if (tail === siteName || SITE_WORDS.test(tail)) t = t.slice(0, m.index).trim();
    else break;
  }
  return t.replace(/[\s_|｜\-–—－]+$/u, '').trim();
}

/** Longest common substring of two short strings (titles), by dynamic programming. */
function commonPart(a: string, b: string): string {
  if (!a || !b || a.length * b.length > 200_000) return '';
  let best = 0;
  let end = 0;
  let prev = new Uint16Array(b.length + 1);
  let row = new Uint16Array(b.length + 1);
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      row[j] = a[i - 1] === b[j - 1] ? prev[j - 1]! + 1 : 0;
      if (row[j]! > best) {
        best = row[j]!;
        end = i;
      }
    }
    [prev, row] = [row, prev];
    row.fill(0);
  }
  return a.slice(end - best, end);
}

const trimSeparators = (s: string) => s.replace(/^[\s_|｜\-–—－·:：]+|[\s_|｜\-–—－·:：]+$/gu, '');

export interface TitleResult {
  title: string;
  /** The element showing the headline in the page, when found (used to find the date under it). */
  headline?: Element;
}

/**
 * The article's title, reconciled from the page's headings, og:title and <title>: the longest heading
 * (or headline-like element) that <title> contains wins, so a cut-short og:title or a site suffix does
 * not; otherwise the cleaned <title>, then the h1, then og:title. Never the URL when any title exists.
 */
export function pickTitle(doc: Document, siteName: string): TitleResult {
  const raw = squash(doc.title ?? '');
  const og = squash(doc.querySelector('meta[property="og:title"], meta[name="og:title"], meta[name="twitter:title"]')?.getAttribute('content') ?? '');
  const body = doc.body;
  const h1 = body ? [...body.querySelectorAll('h1')].map((h) => ({ el: h, text: squash(h.textContent ?? '') })).filter((h) => h.text) : [];
  const cleaned = raw ? cleanTitle(raw, siteName) : '';

  if (raw && body) {
    let best: { text: string; el?: Element } | undefined;
    const consider = (text: string, el?: Element) => {
      const t = trimSeparators(text);
      // An element repeating the whole <title> (share widgets, hidden fields) says nothing about the headline.
      if (t.length < 5 || !raw.includes(t) || (el && t === raw && cleaned !== raw)) return;
      if (!best || t.length > best.text.length || (t.length === best.text.length && el && /^H\d$/.test(el.tagName) && !/^H\d$/.test(best.el?.tagName ?? ''))) best = { text: t, el };
    };
    for (const el of body.querySelectorAll('h1, h2, h3, [class*="title" i], [id*="title" i], [class*="headline" i]')) {
      const text = squash(el.textContent ?? '');
      if (text.length <= 200) consider(text, el);
    }
    // Headlines in plain elements: text nodes whose whole text is part of <title> (one pass over text).
    const walker = doc.createTreeWalker(body, 4 /* NodeFilter.SHOW_TEXT */);
    let looked = 0;
    for (let node = walker.nextNode(); node && ++looked < 50_000; node = walker.nextNode()) {
      const text = node.nodeValue ?? '';
      if (text.length > 300 || text.trim().length < 5) continue;
      const parent = node.parentElement;
      if (parent && !NOT_TEXT.has(parent.tagName)) consider(squash(text), parent);
    }
    for (const h of h1) {
      const part = commonPart(h.text, raw);
      if (part.length >= 8 && part.length >= 0.5 * h.text.length) consider(part, h.el);
    }
    if (og) consider(og);
    if (best && best.text.length >= 0.4 * cleaned.length) {
      const title = best.text === raw ? cleaned : best.text;
      return { title, headline: best.el };
    }
  }
  if (cleaned) return { title: cleaned, headline: h1.find((h) => h.text === cleaned)?.el };
  if (h1[0]) return { title: h1[0].text, headline: h1[0].el };
  return { title: og };
}

// ---------------------------------------------------------------------------------------------
// Dates

const CHINA_OFFSET = 8 * 3600_000;
const DATE_IN_TEXT =
  /((?:19|20)\d\d)\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?\s*(?:(\d{1,2})\s*[:：时]\s*(\d{2})(?:\s*[:：分]\s*(\d{2}))?)?/gu;
const LABELLED_DATE = /(?:发布|发表|更新|时间|日期|发稿)[^0-9\n]{0,10}((?:19|20)\d\d\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}[^\n]{0,12})/u;

/** A date as epoch ms, read in China time (UTC+8) unless it carries its own offset. */
export interface FoundDate {
  time: number;
  /** False when only the day is known. */
  hasTime: boolean;
}

function plausible(y: number, mo: number, d: number, h: number, mi: number): boolean {
  const maxYear = new Date().getUTCFullYear() + 1;
  return y >= 1990 && y <= maxYear && mo >= 1 && mo <= 12 && d >= 1 && d <= 31 && h < 24 && mi < 60;
}

/** Every plausible date in a piece of text, in order. */
export function datesInText(text: string): FoundDate[] {
  const found: FoundDate[] = [];
  for (const m of text.matchAll(DATE_IN_TEXT)) {
    const [, y, mo, d, h, mi, s] = m;
    if (!plausible(+y!, +mo!, +d!, +(h ?? 0), +(mi ?? 0))) continue;
    found.push({ time: Date.UTC(+y!, +mo! - 1, +d!, +(h ?? 0), +(mi ?? 0), +(s ?? 0)) - CHINA_OFFSET, hasTime: h !== undefined });
  }
  return found;
}

/** A date value from a meta tag or attribute: ISO 8601 (with or without offset) or a Chinese date. */
export function parseDate(value: string): FoundDate | undefined {
  const v = value.trim();
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?)?/i.exec(v);
  if (iso) {
    const [, y, mo, d, h, mi, s, zone] = iso;
    if (!plausible(+y!, +mo!, +d!, +(h ?? 0), +(mi ?? 0))) return undefined;
    const local = Date.UTC(+y!, +mo! - 1, +d!, +(h ?? 0), +(mi ?? 0), +(s ?? 0));
    let offset = CHINA_OFFSET;
    if (zone) offset = /z/i.test(zone) ? 0 : (zone[0] === '-' ? -1 : 1) * (+zone.slice(1, 3) * 3600_000 + +zone.slice(-2) * 60_000);
    return { time: local - offset, hasTime: h !== undefined };
  }
  const inText = datesInText(v)[0];
  if (inText) return inText;
  if (/^\d{10}(\d{3})?$/.test(v)) {
    const t = +v * (v.length === 10 ? 1000 : 1);
    return plausible(new Date(t).getUTCFullYear(), 1, 1, 0, 0) ? { time: t, hasTime: true } : undefined;
  }
  return undefined;
}

const META_DATE_KEYS = new Set([
  'article:published_time', 'og:article:published_time', 'og:release_date', 'og:time', 'pubdate', 'publishdate', 'publish_date',
  'publication_date', 'publishtime', 'publish-time', 'datepublished', 'dc.date', 'dc.date.issued', 'dcterms.created', 'sailthru.date',
  'weibo: article:create_at', 'apub:time', 'release_date', 'firstpublishedtime', 'bytedance:published_time', 'article:published', 'date',
]);

function metaDates(doc: Document): FoundDate[] {
  const found: FoundDate[] = [];
  for (const meta of doc.querySelectorAll('meta[content]')) {
    const key = (meta.getAttribute('property') ?? meta.getAttribute('name') ?? meta.getAttribute('itemprop') ?? '').trim().toLowerCase();
    if (!META_DATE_KEYS.has(key)) continue;
    const parsed = parseDate(meta.getAttribute('content') ?? '');
    if (parsed) found.push(parsed);
  }
  for (const el of doc.querySelectorAll('[itemprop="datePublished"], time[datetime]')) {
    const parsed = parseDate(el.getAttribute('datetime') ?? el.getAttribute('content') ?? el.textContent ?? '');
    if (parsed) found.push(parsed);
  }
  for (const script of doc.querySelectorAll('script[type="application/ld+json"]')) {
    const m = /"datePublished"\s*:\s*"([^"]+)"/.exec(script.textContent ?? '');
    const parsed = m ? parseDate(m[1]!) : undefined;
    if (parsed) found.push(parsed);
  }
  return found;
}

const NOT_TEXT = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TEXTAREA']);

/**
 * The page's text right under the headline, up to where the article body starts (the first long
 * paragraph without a date in it): where pages print the date, the source and the reporter.
 */
export function textUnderHeadline(doc: Document, headline: Element | undefined, limit = 400): string {
  if (!headline || !doc.body) return '';
  const walker = doc.createTreeWalker(doc.body, 4 /* NodeFilter.SHOW_TEXT */);
  walker.currentNode = headline;
  // Skip the headline's own text.
  let node: Node | null = walker.currentNode;
  let out = '';
  while ((node = walker.nextNode())) {
    if (headline.contains(node)) continue;
    const parent = node.parentElement;
    if (parent && NOT_TEXT.has(parent.tagName)) continue;
    const text = squash(node.nodeValue ?? '');
    if (!text) continue;
    // The body starts at the first long text that is not a 发布时间/来源 line.
    const length = text.replace(/\s/g, '').length;
    if ((length >= 60 || (length >= 30 && /[，。]/u.test(text))) && !/^(?:发布|时间|日期|来源|作者|编辑)/u.test(text)) break;
    out += `${text}\n`;
    if (out.length >= limit) break;
  }
  return out;
}

/**
 * The publication time the page states, as epoch ms (China time unless the value names its zone):
 * meta tags and structured data, the first date printed under the headline (bare "2020-02-19 20:29:58"
 * or "2020年2月19日" included), then a labelled date (发布时间, 日期…) anywhere on the page.
 */
export function findPublishedDate(doc: Document, headline?: Element): number | undefined {
  const metas = metaDates(doc);
  const withTime = metas.find((d) => d.hasTime);
  if (withTime) return withTime.time;
  const near = datesInText(textUnderHeadline(doc, headline))[0];
  const dayOnly = metas[0];
  if (dayOnly) {
    const sameDay = near && Math.floor((near.time + CHINA_OFFSET) / 86_400_000) === Math.floor((dayOnly.time + CHINA_OFFSET) / 86_400_000);
    return sameDay ? near.time : dayOnly.time;
  }
  if (near) return near.time;
  const text = (doc.body?.textContent ?? '').slice(0, 100_000);
  const labelled = LABELLED_DATE.exec(text);
  return labelled ? datesInText(labelled[1]!)[0]?.time : undefined;
}

// ---------------------------------------------------------------------------------------------
// Bylines and source paper

const HAN_NAME = `[${HAN_CLASS}·]{2,4}`;
const NAME_LIST = new RegExp(`^${HAN_NAME}(?:\\s*[、,，&＆\\s]\\s*${HAN_NAME}){0,4}$`, 'u');
const LATIN_NAME = /^[A-Z][a-z]+(?:[ -][A-Z][a-z.]+){1,3}$/;
const ORG_WORDS = /网|报|社|台|新闻|消息|周刊|杂志|电视|广播|传媒|媒体|资讯|财经|科技|在线|频道|中心|官方|客户端|号$|公司|集团|政府|部门|委员会|有限|时间|来源|发布|授权|原创|本站|编辑|综合|整理|责任/u;
const NOT_NAME_WORDS = new Set(['整合', '报道', '综合', '摄影', '摄', '发自', '编辑', '整理', '通讯员', '记者', '实习生', '图', '文']);
const REPORTER = new RegExp(`(?:记者|通讯员|作者|采写|执笔|撰稿人?|文|编译)\\s*[:：/｜|]?\\s*((?:[${HAN_CLASS}·]{2,4}[\\s、,，&＆]*){1,5})`, 'u');

/** Whether a byline candidate looks like a name, a list of names, or a 记者/通讯员 line. */
export function looksLikeByline(value: string): boolean {
  const v = squash(value);
  if (v.length < 2 || v.length > 40) return false;
  if (/[:：]$/.test(v) || /\d{3,}|_|@|https?:|www\./.test(v)) return false;
  if (/发布时间|来源|版权|授权|总篇数|登录|分享/.test(v)) return false;
  if (/记者|通讯员|作者|撰稿|执笔|采写/.test(v)) return REPORTER.test(v);
  if (LATIN_NAME.test(v)) return true;
  return NAME_LIST.test(v) && !ORG_WORDS.test(v);
}

/** A 记者/通讯员/作者 line in some text, normalised to "记者 名字 名字"; undefined when there is none. */
export function reporterLine(text: string): string | undefined {
  for (const label of ['记者', '通讯员', '作者', '采写', '执笔', '撰稿', '文']) {
    const re = new RegExp(`(${label === '文' ? `(?<![${HAN_CLASS}])文` : label})\\s*[:：/｜|]?\\s*((?:${HAN_NAME}(?:[\\s、,，&＆]+|$|(?=[）)】\\]])))+)`, 'u');
    const m = re.exec(text);
    if (!m) continue;
    const names = m[2]!
      .split(/[\s、,，&＆]+/u)
      .filter((n) => n && !NOT_NAME_WORDS.has(n) && !ORG_WORDS.test(n))
      .slice(0, 5);
    if (names.length) return `${label === '文' ? '文' : label} ${names.join(' ')}`;
  }
  return undefined;
}

/**
 * The byline: a 记者/通讯员/作者 line under the headline or at the start or end of the article text,
 * else Readability's byline or the author meta tag when they look like names. Never ids, site names
 * or empty labels ("104363", "L_104485", "作者：").
 */
export function findByline(doc: Document, headline: Element | undefined, articleText: string, candidates: (string | null | undefined)[]): string {
  const paragraphs = articleText.split('\n').map((l) => l.trim()).filter(Boolean);
  const places = [textUnderHeadline(doc, headline), ...paragraphs.slice(0, 2), ...paragraphs.slice(-2)];
  for (const text of places) {
    const line = text.length <= 200 ? reporterLine(text) : reporterLine(text.slice(0, 80));
    if (line) return line;
  }
  const meta = doc.querySelector('meta[name="author" i]')?.getAttribute('content');
  for (const c of [...candidates, meta]) if (c && looksLikeByline(c)) return squash(c);
  return '';
}

const SOURCE = /(?:来源|来源于|稿源|出处)\s*[:：]\s*([^\s:：|｜，,。;；【】()（）]{2,24})/u;

/** The paper or site the article comes from (来源：…), under the headline or anywhere on the page. */
export function findSourceName(doc: Document, headline: Element | undefined): string | undefined {
  const clean = (s: string | undefined) => {
    const v = s?.replace(/(?:作者|编辑|责任编辑|时间|发布).*$/u, '').trim();
    return v && !datesInText(v).length && v.length >= 2 ? v : undefined;
  };
  const near = clean(SOURCE.exec(textUnderHeadline(doc, headline))?.[1]);
  if (near) return near;
  const text = (doc.body?.textContent ?? '').slice(0, 100_000);
  return clean(SOURCE.exec(text)?.[1]);
}
