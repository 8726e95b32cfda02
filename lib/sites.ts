/**
 * Where the annotator runs without being asked: Chinese news and government sites a Yiwu trader or a
 * policy student reads, plus local pages (saved copies of articles, and the tests' own server).
 * Keep README.md's list in step with this one. Each domain's pattern covers it and every subdomain.
 */
export const NEWS_SITES = [
  'yiwu.gov.cn',
  'zgyww.cn', // 中国义乌网
  'ywnews.cn', // 义乌新闻网 / 义乌商报
  'jhnews.com.cn', // 金华新闻网 / 金华日报
  'jinhua.gov.cn',
  'zj.gov.cn',
  'zjol.com.cn', // 浙江在线
  'zjnews.cn',
  'gov.cn',
  'people.com.cn',
  'xinhuanet.com',
  'news.cn',
  'chinadaily.com.cn',
  'cctv.com',
  'chinanews.com.cn',
  'gmw.cn', // 光明网
  'thepaper.cn', // 澎湃新闻
];

// Made from the domains rather than written out: the content script carries this list (its definition
// names its matches), and the patterns' shared parts were about 140 of its bytes.
export const NEWS_SITE_MATCHES: readonly string[] = NEWS_SITES.map((domain) => `*://*.${domain}/*`);

export const LOCAL_MATCHES = ['http://127.0.0.1/*', 'http://localhost/*'] as const;

export const AUTO_MATCHES: readonly string[] = [...NEWS_SITE_MATCHES, ...LOCAL_MATCHES];

/** Is `url` on a site where the content script is declared (so it runs without being asked)? */
export function isAutoSite(url: string, patterns: readonly MatchPatternLike[]): boolean {
  return patterns.some((p) => p.includes(url));
}

export interface MatchPatternLike {
  includes(url: string): boolean;
}
