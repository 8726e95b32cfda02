import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { problemText } from '@/components/problem-text';
import { openYiduDB, type YiduDatabase } from '@/lib/db/schema';
import { createArticlesRepo, type NewArticle } from '@/lib/db/articles';
import { createVocabularyRepo } from '@/lib/db/vocabulary';
import { createUserEntriesRepo } from '@/lib/db/user-entries';
import { buildUserEntry } from '@/lib/glossary/user-entry';
import { syllablesOf } from '@/lib/pinyin';
import { readBuiltinGlossary } from '@/lib/glossary/source-files';

const BUILTIN_GLOSSARY = readBuiltinGlossary();
import { backupJson, clearAllData, createBackup, restoreBackup, BACKUP_STORES } from '@/lib/backup/backup';
import { parseBackup, type BackupContents } from '@/lib/backup/backup-file';
import { blobToDataUrl, dataUrlToBlob } from '@/lib/data-url';
import { DEFAULT_SETTINGS, type Settings } from '@/lib/settings';

let n = 0;
const settings: Settings = { ...DEFAULT_SETTINGS, inlineEnglish: 'first', siteModes: { 'example.com': 'always' } };
const article = (url: string): NewArticle => ({
  url,
  title: '义乌召开大会',
  byline: '记者',
  siteName: '中国义乌网',
  html: '<p>忠实践行八八战略</p><img src="yidu-image:0">',
  text: '忠实践行八八战略',
  length: 8,
  source: 'article',
  terms: { 'double-eight-strategy': 1 },
  missingImages: ['http://a/missing.png'],
  readProgress: 0.5,
});
// A PNG signature, then every byte value, so an encoding that is not binary-safe shows.
const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const bytes = Uint8Array.from({ length: 70_000 }, (_, i) => PNG_SIGNATURE[i] ?? (i * 7) % 256);

async function filledDb(): Promise<YiduDatabase> {
  const db = openYiduDB(`yidu-backup-test-${++n}`);
  await createArticlesRepo(db).save(article('http://a/1'), [
    { originalUrl: 'http://a/x.png', blob: new Blob([bytes], { type: 'image/png' }) },
    { originalUrl: 'http://a/missing.png', blob: null },
  ]);
  await createArticlesRepo(db).save(article('http://a/2'), [{ originalUrl: 'http://a/y.svg', blob: new Blob(['<svg/>'], { type: 'image/svg+xml' }) }]);
  const vocabulary = createVocabularyRepo(db);
  await vocabulary.save({ entryId: 'double-eight-strategy', term: '八八战略', english: 'Double-Eight Strategy', pinyin: 'bā bā zhàn lüè', sentence: '忠实践行八八战略', pageTitle: 't', pageUrl: 'http://a/1' });
  await vocabulary.setLearned('double-eight-strategy', true);
  await createUserEntriesRepo(db).put(buildUserEntry({ term: '四港', english: 'Four Ports', explanation: '' }, syllablesOf));
  return db;
}

/** Every record of every store, images as bytes, for exact comparison. */
async function snapshot(db: YiduDatabase) {
  const out: Record<string, unknown[]> = {};
  for (const store of BACKUP_STORES) {
    const records = await db.getAll(store);
    out[store] = await Promise.all(
      records.map(async (r) => ('blob' in r ? { ...r, blob: { type: r.blob.type, bytes: [...new Uint8Array(await r.blob.arrayBuffer())] } } : r)),
    );
  }
  return out;
}

async function exportedText(db: YiduDatabase): Promise<string> {
  return backupJson(await createBackup(db, settings, new Date('2024-05-01T00:00:00Z')));
}

function parsed(text: string): BackupContents {
  const result = parseBackup(text, 'backup.json', BUILTIN_GLOSSARY);
  if (!result.ok) throw new Error(result.problems.map(problemText).join('\n'));
  return result.contents;
}

describe('data URLs', () => {
  it('keep the bytes and the type of a Blob', async () => {
    const blob = dataUrlToBlob(await blobToDataUrl(new Blob([bytes], { type: 'image/webp' })))!;
    expect(blob.type).toBe('image/webp');
    expect(new Uint8Array(await blob.arrayBuffer())).toEqual(bytes);
    expect(dataUrlToBlob('data:image/png;base64,abc')).toBeUndefined();
  });
});

describe('backup', () => {
  it('round-trips: export, clear, import gives identical records and image bytes', async () => {
    const db = await filledDb();
    const before = await snapshot(db);
    const text = await exportedText(db);
    expect(JSON.parse(text)).toMatchObject({ format: 'yidu-backup', version: 1, exportedAt: '2024-05-01T00:00:00.000Z', settings });
    expect(text).not.toContain('postings');

    await clearAllData(db);
    expect(Object.values(await snapshot(db)).flat()).toEqual([]);

    const contents = parsed(text);
    expect(contents.settings).toEqual(settings);
    await restoreBackup(db, contents, 'replace');
    expect(await snapshot(db)).toEqual(before);
    expect(before.images).toHaveLength(2);
  });

  it('replace drops what the backup lacks; merge keeps it', async () => {
    const db = await filledDb();
    const contents = parsed(await exportedText(db));
    await createArticlesRepo(Promise.resolve(db)).save(article('http://a/3'), []);
    await restoreBackup(db, contents, 'merge');
    expect((await db.getAllKeys('articles')).sort()).toEqual(['http://a/1', 'http://a/2', 'http://a/3']);
    await restoreBackup(db, contents, 'replace');
    expect((await db.getAllKeys('articles')).sort()).toEqual(['http://a/1', 'http://a/2']);
  });

  it.each<[string, (file: Record<string, unknown>) => unknown, RegExp]>([
    ['a cut-short file', () => undefined, /backup\.json is not valid JSON/],
    ['another format', (f) => ({ ...f, format: 'yidu-glossary-pack' }), /not a Yidu backup/],
    ['a newer version', (f) => ({ ...f, version: 2 }), /backup version 2; this Yidu reads version 1/],
    ['a bad article field', (f) => ({ ...f, articles: [{ ...(f.articles as object[])[0], title: 5 }, (f.articles as object[])[1]] }), /article 1 \(http:\/\/a\/1\): "title" must be text/],
    ['random bytes inside a valid image data URL', (f) => ({ ...f, images: [{ ...(f.images as object[])[0], dataUrl: `data:image/png;base64,${btoa('random bytes, not a PNG at all')}` }, (f.images as object[])[1]] }), /image 1 \(http:\/\/a\/1#0\): its data is not a valid image\/png image/],
    ['a bad image', (f) => ({ ...f, images: [{ ...(f.images as object[])[0], dataUrl: 'http://x' }, (f.images as object[])[1]] }), /image 1 \(http:\/\/a\/1#0\): "dataUrl" must be a base64 data: URL/],
    ['a missing image', (f) => ({ ...f, images: (f.images as object[]).slice(1) }), /article 1 \(http:\/\/a\/1\): image http:\/\/a\/1#0 is not in the file/],
    ['a duplicate vocabulary item', (f) => ({ ...f, vocabulary: [...(f.vocabulary as object[]), ...(f.vocabulary as object[])] }), /vocabulary item 2 \(double-eight-strategy\): "entryId" appears twice/],
    ['bad settings', (f) => ({ ...f, settings: { ...settings, inlineEnglish: 'always' } }), /backup\.json, settings: "inlineEnglish" must be one of "off", "first", "every"/],
  ])('rejects %s and changes nothing', async (_label, change, message) => {
    const db = await filledDb();
    const before = await snapshot(db);
    const text = await exportedText(db);
    const changed = change(JSON.parse(text));
    const result = parseBackup(changed === undefined ? text.slice(0, text.length / 2) : JSON.stringify(changed), 'backup.json', BUILTIN_GLOSSARY);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems.map(problemText).join('\n')).toMatch(message);
    expect(await snapshot(db)).toEqual(before);
  });

  it('changes nothing when an import fails part-way, after the stores were cleared', async () => {
    const db = await filledDb();
    const before = await snapshot(db);
    const contents = parsed(await exportedText(db));
    // A value IndexedDB cannot store fails the last write, like a full disk would.
    const unstorable = { ...contents.userEntries[0]!, id: 'user-bad', explanation: (() => 'x') as unknown as string };
    await expect(restoreBackup(db, { ...contents, userEntries: [...contents.userEntries, unstorable] }, 'replace')).rejects.toThrow();
    expect(await snapshot(db)).toEqual(before);
  });

  it('clears every store the user made in one go, and leaves the search index to its owner', async () => {
    const db = await filledDb();
    await db.put('searchIndex', { url: 'http://a/1', tokens: ['战略'] });
    await clearAllData(db);
    for (const store of BACKUP_STORES) expect(await db.count(store)).toBe(0);
    expect(await db.count('searchIndex')).toBe(1);
  });
});
