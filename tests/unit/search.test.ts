import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import * as jieba from 'jieba-wasm';
import { openYiduDB } from '@/lib/db/schema';
import { createArticlesRepo, type NewArticle } from '@/lib/db/articles';
import { readBuiltinGlossary } from '@/lib/glossary/source-files';

const BUILTIN_GLOSSARY = readBuiltinGlossary();
import { Glossary } from '@/lib/glossary/glossary';
import { createSegmenter, glossaryWords } from '@/lib/search/segmenter';
import { articleTokens, englishWords, indexArticle, indexedUrls, isIndexed, unindexArticle } from '@/lib/search/index-store';
import { search } from '@/lib/search/query';

const glossary = new Glossary(BUILTIN_GLOSSARY);
const segmenter = createSegmenter(jieba, glossaryWords(glossary.entries()));
let n = 0;

function article(url: string, title: string, text: string, terms: Record<string, number>): NewArticle {
  return { url, title, byline: '', siteName: '中国义乌网', html: '', text, length: text.length, source: 'article', terms, missingImages: [] };
}

async function library() {
  const db = await openYiduDB(`search-${++n}`);
  const repo = createArticlesRepo(Promise.resolve(db));
  const add = async (a: NewArticle) => {
    const record = await repo.save(a, []);
    await indexArticle(db, a.url, articleTokens(record, segmenter, (id) => glossary.get(id)));
  };
  await add(article('http://a/1', '义新欧班列再创新高', '今年义新欧班列开行1000列。义乌坚持八八战略，推进市场采购贸易方式试点。', { 'yixinou-railway': 1, 'double-eight-strategy': 1, 'market-procurement-trade': 1 }));
  await add(article('http://a/2', '五水共治成效明显', '全市深化五水共治，河道水质持续改善。群众满意度不断提升。', { 'five-water-co-governance': 1 }));
  return { db, add };
}

describe('search over saved articles', () => {
  it('keeps glossary terms whole when segmenting', () => {
    expect(segmenter.tokens('坚持八八战略和义新欧班列')).toEqual(expect.arrayContaining(['八八战略', '义新欧班列']));
  });

  it('finds a Chinese word and shows the sentence with the hit marked', async () => {
    const { db } = await library();
    const hits = await search(db, '水质', segmenter, glossary);
    expect(hits.map((h) => h.url)).toEqual(['http://a/2']);
    expect(hits[0]).toMatchObject({ hit: '水质', before: '全市深化五水共治，河道', after: '持续改善。' });
  });

  it('finds a jargon term as one word, not by its characters', async () => {
    const { db } = await library();
    expect((await search(db, '八八战略', segmenter, glossary)).map((h) => h.url)).toEqual(['http://a/1']);
    expect(await search(db, '战略八八', segmenter, glossary)).toEqual([]);
  });

  it('finds an English word through the renderings of the terms an article contains', async () => {
    const { db } = await library();
    const hits = await search(db, 'Double-Eight', segmenter, glossary);
    expect(hits.map((h) => h.url)).toEqual(['http://a/1']);
    expect(hits[0]!.hit).toBe('八八战略');
    expect(hits[0]!.via).toBe(glossary.get('double-eight-strategy')!.english);
  });

  it('updates an article’s postings when it is indexed again, and forgets it when removed', async () => {
    const { db, add } = await library();
    await add(article('http://a/2', '改版', '这一版不再提水质。', {}));
    expect((await search(db, '五水共治', segmenter, glossary)).map((h) => h.url)).toEqual([]);
    expect((await search(db, '水质', segmenter, glossary)).map((h) => h.url)).toEqual(['http://a/2']);
    await unindexArticle(db, 'http://a/2');
    expect(await search(db, '水质', segmenter, glossary)).toEqual([]);
  });

  it('knows which articles are indexed (an article with no words too) and touches only the one re-indexed', async () => {
    const { db } = await library();
    await indexArticle(db, 'http://a/empty', new Map());
    expect(await indexedUrls(db)).toEqual(new Set(['http://a/1', 'http://a/2', 'http://a/empty']));
    const others = (await db.getAll('searchIndex')).filter((r) => r.url !== 'http://a/1');
    await indexArticle(db, 'http://a/1', new Map([['水质', 2]]));
    expect((await db.getAll('searchIndex')).filter((r) => r.url !== 'http://a/1')).toEqual(others);
    expect((await db.get('searchIndex', 'http://a/1'))!.tokens).toEqual(['水质\u00012']);
    await unindexArticle(db, 'http://a/empty');
    expect(await isIndexed(db, 'http://a/empty')).toBe(false);
    expect(await isIndexed(db, 'http://a/2')).toBe(true);
  });

  it('ranks by how often the words occur (counts kept in steps of 2, 4, 8…), and needs every word', async () => {
    const { db, add } = await library();
    await add(article('http://a/3', '水质', '水质水质水质水质水质水质水质水质水质。河道。', {}));
    await add(article('http://a/4', '水质', '水质水质。', {}));
    expect((await search(db, '水质', segmenter, glossary)).map((h) => [h.url, h.score])).toEqual([
      ['http://a/3', 8],
      ['http://a/4', 2],
      ['http://a/2', 1],
    ]);
    expect((await search(db, '水质 河道', segmenter, glossary)).map((h) => h.url)).toEqual(['http://a/3', 'http://a/2']);
  });

  it('finds an English word in a Chinese query through the glossary too, but not a word only an explanation has', async () => {
    const { db } = await library();
    expect((await search(db, '义乌 strategy', segmenter, glossary)).map((h) => h.url)).toEqual(['http://a/1']);
    const entry = glossary.get('yixinou-railway')!;
    expect(englishWords(entry.english)).not.toContain('railway');
    expect(englishWords(entry.explanation)).toContain('railway');
    expect(await search(db, 'railway', segmenter, glossary)).toEqual([]);
    expect((await search(db, 'freight train', segmenter, glossary)).map((h) => h.url)).toEqual(['http://a/1']);
  });
});
