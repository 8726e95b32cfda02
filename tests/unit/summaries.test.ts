import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { openDB } from 'idb';
import { DB_VERSION, openYiduDB, type ArticleRecord, type YiduDatabase } from '@/lib/db/schema';
import { createArticlesRepo, type NewArticle } from '@/lib/db/articles';
import { summaryOf, termsOf } from '@/lib/db/summaries';
import { clearAllData, restoreBackup } from '@/lib/backup/backup';
import type { BackupContents } from '@/lib/backup/backup-file';
import { DEFAULT_SETTINGS } from '@/lib/settings';
import { createVersion3Database, V3_ARTICLES } from '@/tests/fixtures/db-v3';
import { createVersion4Database, V4_ARTICLE } from '@/tests/fixtures/db-v4';
import { createVersion5Database, V5_ARTICLES } from '@/tests/fixtures/db-v5';
import { createVersion6Database, V6_ARTICLE, V6_INDEX, V6_SUMMARY, V6_TERMS, V6_VOCABULARY } from '@/tests/fixtures/db-v6';
import { indexedUrls } from '@/lib/search/index-store';

let n = 0;
const article = (url: string, title = '义乌召开大会', terms: Record<string, number> = { 'double-eight-strategy': 2 }): NewArticle => ({
  url,
  title,
  byline: '',
  siteName: '中国义乌网',
  publishedAt: 1690000000000,
  html: '<p>忠实践行八八战略</p>',
  text: '忠实践行八八战略',
  length: 8,
  source: 'article',
  terms,
  missingImages: [],
});
const png = (text: string) => new Blob([text], { type: 'image/png' });

async function fresh() {
  const db = await openYiduDB(`yidu-summaries-${++n}`);
  return { db, repo: createArticlesRepo(Promise.resolve(db)) };
}

/** The invariant: exactly one summary and one entry-id record per article, equal to those derived from it now. */
async function expectInStep(db: YiduDatabase): Promise<void> {
  const articles = await db.getAll('articles');
  expect(await db.getAll('summaries')).toEqual(articles.map(summaryOf));
  expect(await db.getAll('articleTerms')).toEqual(articles.map(termsOf));
}

describe('article summaries', () => {
  it('are written with the article, and hold no body', async () => {
    const { db, repo } = await fresh();
    await repo.save(article('http://a/1'), [{ originalUrl: 'http://a/gone.png', blob: null }, { originalUrl: 'http://a/x.png', blob: png('x') }]);
    const [summary] = await repo.summaries();
    expect(summary).toMatchObject({ url: 'http://a/1', title: '义乌召开大会', siteName: '中国义乌网', publishedAt: 1690000000000, length: 8, termCount: 1, firstImage: 'http://a/1#1' });
    expect(summary).not.toHaveProperty('html');
    expect(summary).not.toHaveProperty('text');
    expect(summary).not.toHaveProperty('readProgress');
    expect(summary).not.toHaveProperty('terms');
    expect(await repo.mentioning('double-eight-strategy')).toEqual(['http://a/1']);
    await expectInStep(db);
  });

  it('follow an update: new title, terms and image; first saved date kept', async () => {
    const { db, repo } = await fresh();
    const first = await repo.save(article('http://a/1', 'old'), [{ originalUrl: 'http://a/x.png', blob: png('x') }]);
    await new Promise((r) => setTimeout(r, 5));
    await repo.save(article('http://a/1', 'new', { 'yixinou-railway': 3 }), []);
    const [summary] = await repo.summaries();
    expect(summary).toMatchObject({ title: 'new', termCount: 1, savedAt: first.savedAt });
    expect(await repo.mentioning('yixinou-railway')).toEqual(['http://a/1']);
    expect(await repo.mentioning('double-eight-strategy')).toEqual([]);
    expect(summary!.updatedAt).toBeGreaterThan(first.updatedAt);
    expect(summary).not.toHaveProperty('firstImage');
    await expectInStep(db);
  });

  it('stay as they were when a save fails part-way', async () => {
    const { db, repo } = await fresh();
    await repo.save(article('http://a/1', 'kept'), []);
    const unstorable = { originalUrl: 'http://a/y.png', blob: (() => undefined) as unknown as Blob };
    await expect(repo.save(article('http://a/1', 'replaced'), [unstorable])).rejects.toThrow();
    await expect(repo.save(article('http://a/2', 'never'), [unstorable])).rejects.toThrow();
    expect((await repo.summaries()).map((s) => s.title)).toEqual(['kept']);
    await expectInStep(db);
  });

  it('are listed newest first', async () => {
    const { repo } = await fresh();
    for (const i of [1, 2, 3]) {
      await repo.save(article(`http://a/${i}`, `t${i}`), []);
      await new Promise((r) => setTimeout(r, 2));
    }
    expect((await repo.summaries()).map((s) => s.title)).toEqual(['t3', 't2', 't1']);
  });

  it('follow read progress, and are not brought back by progress on a deleted article', async () => {
    const { db, repo } = await fresh();
    await repo.save(article('http://a/1'), []);
    await repo.save(article('http://a/2'), []);
    await repo.setProgress('http://a/1', 1.7);
    expect((await db.get('summaries', 'http://a/1'))?.readProgress).toBe(1);
    await repo.remove('http://a/2');
    await repo.setProgress('http://a/2', 0.5);
    expect(await db.get('summaries', 'http://a/2')).toBeUndefined();
    await expectInStep(db);
  });

  it('go with a deleted article', async () => {
    const { db, repo } = await fresh();
    await repo.save(article('http://a/1'), [{ originalUrl: 'http://a/x.png', blob: png('x') }]);
    await repo.remove('http://a/1');
    expect(await db.count('summaries')).toBe(0);
    expect(await repo.mentioning('double-eight-strategy')).toEqual([]);
    await expectInStep(db);
  });

  it('follow a restore (replace and merge), a failed restore and clearing all data', async () => {
    const { db, repo } = await fresh();
    await repo.save(article('http://a/1', 'one'), []);
    await repo.save(article('http://a/2', 'two'), []);
    const contents: BackupContents = {
      settings: DEFAULT_SETTINGS,
      articles: [{ ...(await repo.get('http://a/1'))!, title: 'one, restored', readProgress: 0.25 }, { ...(await repo.get('http://a/2'))!, url: 'http://a/3', title: 'three' }],
      images: [],
      vocabulary: [],
      userEntries: [],
    };
    await restoreBackup(db, contents, 'merge');
    expect((await db.getAll('summaries')).map((s) => [s.url, s.title])).toEqual([['http://a/1', 'one, restored'], ['http://a/2', 'two'], ['http://a/3', 'three']]);
    await expectInStep(db);

    await restoreBackup(db, contents, 'replace');
    expect((await db.getAllKeys('summaries'))).toEqual(['http://a/1', 'http://a/3']);
    expect((await db.get('summaries', 'http://a/1'))?.readProgress).toBe(0.25);
    await expectInStep(db);

    const unstorable = { ...contents.articles[1]!, url: 'http://a/4', html: (() => '') as unknown as string };
    await expect(restoreBackup(db, { ...contents, articles: [...contents.articles, unstorable] }, 'replace')).rejects.toThrow();
    expect(await db.getAllKeys('summaries')).toEqual(['http://a/1', 'http://a/3']);
    await expectInStep(db);

    await clearAllData(db);
    expect(await db.count('summaries')).toBe(0);
    expect(await db.count('articleTerms')).toBe(0);
  });
});

describe(`schema upgrade from a frozen version 3 database to version ${DB_VERSION}`, () => {
  it('keeps every record and fills a summary for each saved article', async () => {
    const name = `yidu-v3-${++n}`;
    await createVersion3Database(name);
    const db = await openYiduDB(name);
    expect(db.version).toBe(DB_VERSION);
    expect(await db.getAll('articles')).toEqual(V3_ARTICLES);
    expect(await db.count('images')).toBe(1);
    // The version 3 search index is dropped; the library page indexes these articles again.
    expect([...db.objectStoreNames]).not.toContain('searchTerms');
    expect(await db.count('searchIndex')).toBe(0);
    expect(await db.count('vocabulary')).toBe(1);
    expect(await db.getAll('summaries')).toEqual([
      {
        url: 'http://127.0.0.1/rail.html',
        title: '义新欧班列开行再创新高',
        siteName: '中国义乌网',
        savedAt: 1700000000000,
        updatedAt: 1700000500000,
        publishedAt: 1699990000000,
        length: 15,
        termCount: 1,
        readProgress: 0.4,
        firstImage: 'http://127.0.0.1/rail.html#1',
      },
      {
        url: 'http://127.0.0.1/water.html',
        title: '五水共治成效明显',
        siteName: '金华新闻网',
        savedAt: 1700000100000,
        updatedAt: 1700000100000,
        length: 9,
        termCount: 1,
      },
    ]);
    expect(await createArticlesRepo(Promise.resolve(db)).mentioning('five-water-co-governance')).toEqual(['http://127.0.0.1/water.html']);
    // The list reads them through the savedAt index, newest first.
    expect((await createArticlesRepo(Promise.resolve(db)).summaries()).map((s) => s.url)).toEqual(['http://127.0.0.1/water.html', 'http://127.0.0.1/rail.html']);
    db.close();
  });
});

describe(`schema upgrade from a frozen version 4 database to version ${DB_VERSION}`, () => {
  it('keeps the articles and their summaries, drops the per-token index and leaves the articles to be indexed again', async () => {
    const name = `yidu-v4-${++n}`;
    await createVersion4Database(name);
    const db = await openYiduDB(name);
    expect(db.version).toBe(DB_VERSION);
    expect([...db.objectStoreNames]).not.toContain('postings');
    expect(await db.getAll('articles')).toEqual([V4_ARTICLE]);
    expect(await db.getAll('summaries')).toEqual([summaryOf(V4_ARTICLE as ArticleRecord)]);
    expect(await indexedUrls(db)).toEqual(new Set());
    await expectInStep(db);
    db.close();
  });
});

describe(`schema upgrade from a frozen version 5 database to version ${DB_VERSION}`, () => {
  it('keeps every record, slims the summaries and moves the entry ids to their own index', async () => {
    const name = `yidu-v5-${++n}`;
    await createVersion5Database(name);
    const db = await openYiduDB(name);
    expect(db.version).toBe(DB_VERSION);
    expect(await db.getAll('articles')).toEqual([...V5_ARTICLES].sort((a, b) => a.url.localeCompare(b.url)));
    expect(await db.count('images')).toBe(1);
    // Its index held version 6's keys (one at every count step): cleared, indexed again on the library's next open.
    expect(await indexedUrls(db)).toEqual(new Set());
    expect(await db.get('summaries', 'http://127.0.0.1/rail.html')).toEqual({
      url: 'http://127.0.0.1/rail.html',
      title: '义新欧班列开行再创新高',
      siteName: '中国义乌网',
      savedAt: 1700000000000,
      updatedAt: 1700000500000,
      length: 21,
      termCount: 2,
      readProgress: 0.5,
      firstImage: 'http://127.0.0.1/rail.html#1',
    });
    expect((await db.get('summaries', 'http://127.0.0.1/plain.html'))?.termCount).toBe(0);
    const repo = createArticlesRepo(Promise.resolve(db));
    expect(await repo.mentioning('double-eight-strategy')).toEqual(['http://127.0.0.1/rail.html']);
    expect(await repo.mentioned(['yixinou-railway', 'five-water-co-governance', 'double-eight-strategy'])).toEqual(new Set(['yixinou-railway', 'double-eight-strategy']));
    await expectInStep(db);
    db.close();
  });
});

describe(`schema upgrade from a frozen version 6 database to version ${DB_VERSION}`, () => {
  it('keeps every record and clears the search index written with a key at every count step', async () => {
    const name = `yidu-v6-${++n}`;
    await createVersion6Database(name);
    const before = await openDB(name);
    expect(await before.getAll('searchIndex')).toEqual([V6_INDEX]);
    before.close();
    const db = await openYiduDB(name);
    expect(db.version).toBe(DB_VERSION);
    expect(await db.getAll('articles')).toEqual([V6_ARTICLE]);
    expect(await db.getAll('summaries')).toEqual([V6_SUMMARY]);
    expect(await db.getAll('articleTerms')).toEqual([V6_TERMS]);
    expect(await db.getAll('vocabulary')).toEqual([V6_VOCABULARY]);
    expect(await db.count('images')).toBe(1);
    expect(await indexedUrls(db)).toEqual(new Set());
    await expectInStep(db);
    db.close();
  });
});
