import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { DB_VERSION, openYiduDB } from '@/lib/db/schema';
import { createArticlesRepo, type NewArticle } from '@/lib/db/articles';
import { createVocabularyRepo } from '@/lib/db/vocabulary';
import { createVersion1Database } from '@/tests/fixtures/db-v1';

let n = 0;
const freshName = () => `yidu-test-${++n}`;
const article = (url: string, title = '义乌召开大会'): NewArticle => ({
  url,
  title,
  byline: '',
  siteName: '中国义乌网',
  html: '<p>忠实践行八八战略</p>',
  text: '忠实践行八八战略',
  length: 8,
  source: 'article',
  terms: { 'double-eight-strategy': 1 },
  missingImages: [],
});
const blob = (text: string) => new Blob([text], { type: 'image/png' });

describe('articles store', () => {
  it('saves an article with its images and reads them back', async () => {
    const repo = createArticlesRepo(openYiduDB(freshName()));
    const saved = await repo.save(article('http://a/1'), [
      { originalUrl: 'http://a/x.png', blob: blob('x') },
      { originalUrl: 'http://a/missing.png', blob: null },
    ]);
    expect(saved.images).toEqual(['http://a/1#0', null]);
    expect(await (await repo.image('http://a/1#0'))!.blob.text()).toBe('x');
    expect((await repo.get('http://a/1'))?.terms).toEqual({ 'double-eight-strategy': 1 });
  });

  it('updates on a second save: one record, first saved date kept, update recorded, old images gone', async () => {
    const repo = createArticlesRepo(openYiduDB(freshName()));
    const first = await repo.save(article('http://a/1', 'old'), [{ originalUrl: 'http://a/x.png', blob: blob('x') }, { originalUrl: 'http://a/y.png', blob: blob('y') }]);
    await new Promise((r) => setTimeout(r, 5));
    const second = await repo.save(article('http://a/1', 'new'), [{ originalUrl: 'http://a/z.png', blob: blob('z') }]);
    expect(await repo.list()).toHaveLength(1);
    expect(second.savedAt).toBe(first.savedAt);
    expect(second.updatedAt).toBeGreaterThan(first.updatedAt);
    expect(second.updates).toBe(1);
    expect(second.title).toBe('new');
    expect(await repo.image('http://a/1#1')).toBeUndefined();
  });

  it('never makes a duplicate when two saves of one page race', async () => {
    const db = openYiduDB(freshName());
    const a = createArticlesRepo(db);
    const b = createArticlesRepo(db);
    await Promise.all([a.save(article('http://a/1', 'one'), []), b.save(article('http://a/1', 'two'), []), a.save(article('http://a/2'), [])]);
    const list = await a.list();
    expect(list.map((x) => x.url).sort()).toEqual(['http://a/1', 'http://a/2']);
    expect(list.find((x) => x.url === 'http://a/1')!.updates).toBe(1);
  });

  it('changes nothing when a save fails part-way (as on a full quota)', async () => {
    const repo = createArticlesRepo(openYiduDB(freshName()));
    await repo.save(article('http://a/1', 'kept'), [{ originalUrl: 'http://a/x.png', blob: blob('x') }]);
    // A value IndexedDB cannot store makes the put fail inside the transaction, like a QuotaExceededError.
    const unstorable = { originalUrl: 'http://a/y.png', blob: (() => undefined) as unknown as Blob };
    await expect(repo.save(article('http://a/1', 'replaced'), [unstorable])).rejects.toThrow();
    expect((await repo.get('http://a/1'))?.title).toBe('kept');
    expect(await (await repo.image('http://a/1#0'))!.blob.text()).toBe('x');
  });

  it('deletes an article with its images', async () => {
    const repo = createArticlesRepo(openYiduDB(freshName()));
    await repo.save(article('http://a/1'), [{ originalUrl: 'http://a/x.png', blob: blob('x') }]);
    await repo.remove('http://a/1');
    expect(await repo.get('http://a/1')).toBeUndefined();
    expect(await repo.image('http://a/1#0')).toBeUndefined();
  });
});

describe('schema upgrade', () => {
  it(`keeps every version 1 record when opened as version ${DB_VERSION}`, async () => {
    const name = freshName();
    await createVersion1Database(name);
    const db = await openYiduDB(name);
    expect(db.version).toBe(DB_VERSION);
    expect([...db.objectStoreNames].sort()).toEqual(['articleTerms', 'articles', 'images', 'searchIndex', 'summaries', 'userEntries', 'vocabulary']);
    const vocabulary = await createVocabularyRepo(Promise.resolve(db)).list();
    expect(vocabulary).toHaveLength(1);
    expect(vocabulary[0]).toMatchObject({ entryId: 'double-eight-strategy', learned: true, savedAt: 1700000000000 });
    expect(await db.get('userEntries', 'user-abc')).toMatchObject({ term: '四港', english: 'Four Ports' });
    db.close();
  });
});

describe('a newer schema opened elsewhere', () => {
  it('is not blocked by a connection this version holds: it closes and says so', async () => {
    const name = freshName();
    let closed = 0;
    await openYiduDB(name, () => closed++);
    const newer = await new Promise<string>((resolve) => {
      const request = indexedDB.open(name, DB_VERSION + 1);
      request.onblocked = () => resolve('blocked');
      request.onsuccess = () => {
        request.result.close();
        resolve(`opened at ${request.result.version}`);
      };
    });
    expect(newer).toBe(`opened at ${DB_VERSION + 1}`);
    expect(closed).toBe(1);
  });
});
