/**
 * Search and the library over a generated library of 1,000 articles (~5,000,000 characters of
 * corpus-like text), measured twice with the same articles and queries:
 * - in Node on fake-indexeddb, with the Node build of the same jieba-wasm (indexing per article, then
 *   20 queries: Chinese words, jargon, English words);
 * - in headless Chromium on real IndexedDB, through the reader itself: the articles are written
 *   straight into the extension's database, the library page indexes them (its `yidu-index`
 *   measures), opens with them listed, and answers the same queries typed in its search box
 *   (`yidu-search` measures).
 */
import 'fake-indexeddb/auto';
import * as jieba from 'jieba-wasm';
import type { Page } from 'playwright-core';
import { openYiduDB, type ArticleRecord } from '@/lib/db/schema';
import { readBuiltinGlossary } from '@/lib/glossary/source-files';
import { Glossary, toPatternSources } from '@/lib/glossary/glossary';
import { Matcher } from '@/lib/matcher/matcher';
import { countTerms } from '@/lib/annotate/term-counts';
import { summaryOf } from '@/lib/db/summaries';
import { createSegmenter, glossaryWords } from '@/lib/search/segmenter';
import { articleTokens, indexArticle } from '@/lib/search/index-store';
import { search } from '@/lib/search/query';
import { launchWithExtension } from '@/tests/e2e/harness';
import { fillLibrary, savedArticle } from '@/tests/e2e/library-fill';
import { corpusText } from './corpus';

const COUNT = 1000;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const p90 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length * 0.9)]!;
const ms = (x: number) => `${x.toFixed(1)} ms`;
const QUERIES = ['义新欧', '八八战略', '共同富裕', '市场采购贸易方式', '五水共治', '就业', '医保', '营商环境', '数字化改革', '小商品', 'freight', 'strategy', 'prosperity', 'procurement', 'water', 'reform', '十四五', '跨境电商', 'trade', '民生'];

function generatedArticles(count: number, matcher: Matcher): ArticleRecord[] {
  const text = corpusText().text.replace(/\s+/g, '');
  return Array.from({ length: count }, (_, i) => {
    const start = (i * 4099) % Math.max(1, text.length - 5000);
    const body = (text + text).slice(start, start + 5000);
    return savedArticle(i, body, countTerms(matcher.find(body)));
  });
}

export async function benchSearch(): Promise<void> {
  const glossary = new Glossary(readBuiltinGlossary());
  const matcher = new Matcher(toPatternSources(glossary.entries()));
  const segmenter = createSegmenter(jieba, glossaryWords(glossary.entries()));
  const articles = generatedArticles(COUNT, matcher);
  const chars = articles.reduce((n, a) => n + a.text.length, 0);
  console.log(`\n## Search and library over ${articles.length} saved articles (${chars.toLocaleString('en')} characters)`);

  const db = await openYiduDB(`bench-search-${Date.now()}`);
  const indexTimes: number[] = [];
  for (const record of articles) {
    await db.put('articles', record);
    await db.put('summaries', summaryOf(record));
    const start = performance.now();
    await indexArticle(db, record.url, articleTokens(record, segmenter, (id) => glossary.get(id)));
    indexTimes.push(performance.now() - start);
  }
  const times: number[] = [];
  let found = 0;
  for (const q of QUERIES) {
    const start = performance.now();
    found += (await search(db, q, segmenter, glossary)).length;
    times.push(performance.now() - start);
  }
  db.close();
  const node = {
    index: `median ${ms(median(indexTimes))}, 90th percentile ${ms(p90(indexTimes))}, last 100 median ${ms(median(indexTimes.slice(-100)))}`,
    search: `median ${ms(median(times))}, worst ${ms(Math.max(...times))} (${found} results)`,
  };
  const browser = await benchInChromium(articles);
  console.log(`indexing per 5,000-character article (target ≤ 60 ms of work):`);
  console.log(`  Node, fake-indexeddb:       ${node.index}`);
  console.log(`  Chromium, real IndexedDB:   ${browser.index}`);
  console.log(`search, ${QUERIES.length} queries (target median ≤ 50 ms, worst ≤ 100 ms in Chromium):`);
  console.log(`  Node, fake-indexeddb:       ${node.search}`);
  console.log(`  Chromium, real IndexedDB:   ${browser.search}`);
  console.log(`open the library with ${COUNT.toLocaleString('en')} articles in Chromium (target: list shown ≤ 150 ms after page load):`);
  console.log(`  ${browser.open}`);
}

async function benchInChromium(articles: ArticleRecord[]): Promise<{ index: string; search: string; open: string }> {
  const browser = await launchWithExtension();
  try {
    const page = await browser.open(browser.extensionUrl('reader.html'));
    await page.getByTestId('library-empty').waitFor();
    await fillLibrary(page, articles);
    const index = await indexOnOpen(page, articles.length);
    const open = await openTimes(page, articles.length);
    const search = await searchTimes(page);
    return { index, search, open };
  } finally {
    await browser.close();
  }
}

/** The library page indexes the articles it finds unindexed: wall time per article, and work per article where the build measures it. */
async function indexOnOpen(page: Page, count: number): Promise<string> {
  const start = Date.now();
  await page.reload();
  const status = page.getByRole('status').filter({ hasText: 'Indexing saved articles' });
  const measuredCount = () => page.evaluate(() => performance.getEntriesByName('yidu-index').length);
  let done = 0;
  let seen = false;
  // Until every article is measured (or, for a build without the measures, the progress line came
  // and went), or 10 minutes at most: a slow build is then judged on what it did.
  while (Date.now() - start < 600_000) {
    await page.waitForTimeout(250);
    if ((await measuredCount()) >= count) {
      done = count;
      break;
    }
    const text = (await status.allInnerTexts())[0];
    if (text !== undefined) {
      seen = true;
      done = Number(/: (\d+) of/.exec(text)?.[1] ?? 0);
    } else if (seen) {
      done = count;
      break;
    }
  }
  const wall = (Date.now() - start) / Math.max(1, done);
  const work = await page.evaluate(() => performance.getEntriesByName('yidu-index').map((e) => e.duration));
  const measured = work.length ? `median ${ms(median(work))}, 90th percentile ${ms(p90(work))} of work; ` : '';
  return `${measured}${ms(wall)} wall time (${done} of ${count} indexed on opening, 2 shared cores)`;
}

/**
 * Reloads the indexed library seven times and reads two moments after the load event: the list's
 * first screen (rows down past the bottom of the window, as the reader sees it open) and the whole
 * list in the page (the library renders its rows a slice per task after the first screen).
 */
async function openTimes(page: Page, count: number): Promise<string> {
  const firstScreen: number[] = [];
  const whole: number[] = [];
  for (let run = 0; run < 7; run++) {
    await page.reload();
    const screenAt = await page.waitForFunction(
      (n) => {
        const rows = document.querySelectorAll('[data-testid="article-list"] li');
        const last = rows[rows.length - 1];
        return (rows.length === n || (last !== undefined && last.getBoundingClientRect().top >= innerHeight)) && performance.now();
      },
      count,
      { timeout: 60_000, polling: 'raf' },
    );
    const screen = (await screenAt.jsonValue()) as number;
    const allAt = await page.waitForFunction(
      (n) => document.querySelectorAll('[data-testid="article-list"] li').length === n && performance.now(),
      count,
      { timeout: 60_000, polling: 'raf' },
    );
    const all = (await allAt.jsonValue()) as number;
    const load = await page.evaluate(() => (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).loadEventEnd);
    firstScreen.push(screen - load);
    whole.push(all - load);
  }
  return `first screen of the list ${ms(median(firstScreen))} after the load event (runs: ${firstScreen.map((x) => x.toFixed(0)).join(', ')}); all ${count} rows in the page ${ms(median(whole))} after it (median of ${whole.length} loads)`;
}

/** Types each query in the library's search box and reads how long the search itself took. */
async function searchTimes(page: Page): Promise<string> {
  const box = page.getByLabel('Search saved articles');
  const before = () => page.evaluate(() => performance.getEntriesByName('yidu-search').length);
  for (const q of QUERIES) {
    const seen = await before();
    await box.fill(q);
    await page.waitForFunction((n) => performance.getEntriesByName('yidu-search').length > n, seen, { timeout: 60_000 });
  }
  const all = await page.evaluate(() => performance.getEntriesByName('yidu-search').map((e) => e.duration));
  const times = all.slice(-QUERIES.length);
  const slowest = QUERIES.map((q, i) => [q, times[i]!] as const).sort((a, b) => b[1] - a[1]).slice(0, 3);
  return `median ${ms(median(times))}, worst ${ms(Math.max(...times))} (slowest: ${slowest.map(([q, t]) => `${q} ${ms(t)}`).join(', ')})`;
}
