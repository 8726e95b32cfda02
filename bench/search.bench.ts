/**
 * Search over a generated library of 1,000 articles (~5,000,000 characters of corpus-like text):
 * indexing at save time, then 20 queries (Chinese words, jargon, English words), median and worst.
 * Runs in Node on fake-indexeddb (slower than a browser's IndexedDB, so the figures are conservative),
 * with the Node build of the same jieba-wasm. Then the time to open the library view with 1,000
 * articles in headless Chromium.
 */
import 'fake-indexeddb/auto';
import * as jieba from 'jieba-wasm';
import { openYiduDB } from '@/lib/db/schema';
import { readBuiltinGlossary } from '@/lib/glossary/source-files';
const BUILTIN_GLOSSARY = readBuiltinGlossary();
import { Glossary, toPatternSources } from '@/lib/glossary/glossary';
import { Matcher } from '@/lib/matcher/matcher';
import { countTerms } from '@/lib/annotate/term-counts';
import { createSegmenter, glossaryWords } from '@/lib/search/segmenter';
import { articleTokens, indexArticle } from '@/lib/search/index-store';
import { search } from '@/lib/search/query';
import { launchWithExtension } from '@/tests/e2e/harness';
import { corpusText } from './corpus';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const QUERIES = ['义新欧', '八八战略', '共同富裕', '市场采购贸易方式', '五水共治', '就业', '医保', '营商环境', '数字化改革', '小商品', 'railway', 'strategy', 'prosperity', 'procurement', 'water', 'reform', '十四五', '跨境电商', 'trade', '民生'];

function generatedArticles(count: number) {
  const text = corpusText().text.replace(/\s+/g, '');
  const articles = [];
  for (let i = 0; i < count; i++) {
    const start = (i * 4099) % Math.max(1, text.length - 5000);
    const body = (text + text).slice(start, start + 5000);
    articles.push({ url: `https://news.example/${i}.html`, title: `第${i}篇：${body.slice(0, 14)}`, text: body });
  }
  return articles;
}

export async function benchSearch(): Promise<void> {
  const glossary = new Glossary(BUILTIN_GLOSSARY);
  const matcher = new Matcher(toPatternSources(glossary.entries()));
  const segmenter = createSegmenter(jieba, glossaryWords(glossary.entries()));
  const db = await openYiduDB(`bench-search-${Date.now()}`);
  const articles = generatedArticles(1000);
  const chars = articles.reduce((n, a) => n + a.text.length, 0);
  console.log(`\n## Search over ${articles.length} saved articles (${chars.toLocaleString('en')} characters)`);
  const indexTimes: number[] = [];
  for (const a of articles) {
    const record = {
      ...a, byline: '', siteName: 'example', html: '', length: a.text.length, source: 'article' as const,
      terms: countTerms(matcher.find(a.text)), images: [], missingImages: [], savedAt: Date.now(), updatedAt: Date.now(), updates: 0,
    };
    await db.put('articles', record);
    const start = performance.now();
    await indexArticle(db, a.url, articleTokens(record, segmenter, (id) => glossary.get(id)));
    indexTimes.push(performance.now() - start);
  }
  console.log(`indexing at save time: median ${median(indexTimes).toFixed(1)} ms per article (fake-indexeddb)`);
  const times: number[] = [];
  let found = 0;
  for (const q of QUERIES) {
    const start = performance.now();
    const hits = await search(db, q, segmenter, glossary);
    times.push(performance.now() - start);
    found += hits.length;
  }
  console.log(`query: median ${median(times).toFixed(1)} ms, worst ${Math.max(...times).toFixed(1)} ms over ${QUERIES.length} queries (${found} results shown in all); target median ≤ 100 ms`);
  db.close();
  await benchLibraryOpen();
}

/** Fills the extension's IndexedDB with 1,000 article records, then times the library page until it lists them. */
async function benchLibraryOpen(): Promise<void> {
  const browser = await launchWithExtension();
  try {
    const page = await browser.open(browser.extensionUrl('reader.html'));
    await page.getByTestId('library-empty').waitFor();
    await page.evaluate(async (count) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const open = indexedDB.open('yidu');
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      const tx = db.transaction('articles', 'readwrite');
      for (let i = 0; i < count; i++) {
        const text = '义乌市坚持八八战略，推进义新欧班列和市场采购贸易方式。'.repeat(180);
        tx.objectStore('articles').put({
          url: `https://news.example/${i}.html`, title: `第${i}篇 义乌新闻`, byline: '', siteName: `site${i % 7}`, html: `<p>${text}</p>`, text,
          length: text.length, source: 'article', terms: { 'double-eight-strategy': 180, 'yixinou-railway': 180 }, images: [], missingImages: [],
          savedAt: Date.now() - i * 1000, updatedAt: Date.now(), updates: 0,
        });
      }
      await new Promise((resolve) => (tx.oncomplete = resolve));
      db.close();
    }, 1000);
    const times: number[] = [];
    for (let run = 0; run < 5; run++) {
      const start = performance.now();
      await page.reload();
      await page.waitForFunction(() => document.querySelectorAll('[data-testid="article-list"] li').length === 1000, undefined, { timeout: 60_000 });
      times.push(performance.now() - start);
    }
    console.log(`open the library view with 1,000 articles (page load to list shown): median ${median(times).toFixed(0)} ms over ${times.length} loads`);
  } finally {
    await browser.close();
  }
}
