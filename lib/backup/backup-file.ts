/** The backup file's shape, and the check of a whole file before anything is written. */
import type { ArticleRecord, ImageRecord, VocabularyItem, YiduDB } from '../db/schema';
import type { GlossaryEntry } from '../glossary/types';
import type { Settings } from '../settings';
import { entryShapeProblems } from '../glossary/entry-shape';
import { fieldProblems, isBoolean, isNumber, isRecord, isText, NUMBER, oneOf, TEXT, TEXT_LIST, type FieldCheck } from '../field-checks';
import { dataUrlToBlob, isDataUrl } from './data-url';

export const BACKUP_FORMAT = 'yidu-backup';
export const BACKUP_VERSION = 1;

export type StoredUserEntry = YiduDB['userEntries']['value'];

/** An image as the file holds it: the Blob as a base64 data URL. */
export interface BackupImage {
  key: string;
  articleUrl: string;
  originalUrl: string;
  dataUrl: string;
}

export interface BackupFile {
  format: typeof BACKUP_FORMAT;
  version: typeof BACKUP_VERSION;
  exportedAt: string;
  settings: Settings;
  articles: ArticleRecord[];
  images: BackupImage[];
  vocabulary: VocabularyItem[];
  userEntries: StoredUserEntry[];
}

/** A checked backup, ready to write: images are Blobs again. */
export interface BackupContents {
  settings: Settings;
  articles: ArticleRecord[];
  images: ImageRecord[];
  vocabulary: VocabularyItem[];
  userEntries: StoredUserEntry[];
}

export type BackupResult = { ok: true; exportedAt: string; contents: BackupContents } | { ok: false; problems: string[] };

const SETTINGS_FIELDS: Record<string, FieldCheck> = {
  inlineEnglish: [oneOf(['off', 'first', 'every']), '"off", "first" or "every"'],
  markCandidates: [isBoolean, 'true or false'],
  siteModes: [(v) => isRecord(v) && Object.values(v).every(oneOf(['always', 'never'])), 'an object of "always" or "never" by site'],
};
const OPTIONAL_NUMBER: FieldCheck = [isNumber, 'a number', 'optional'];
const ARTICLE_FIELDS: Record<string, FieldCheck> = {
  url: TEXT,
  title: TEXT,
  byline: TEXT,
  siteName: TEXT,
  publishedAt: OPTIONAL_NUMBER,
  html: TEXT,
  text: TEXT,
  length: NUMBER,
  source: [oneOf(['article', 'dense-block', 'selection', 'body']), '"article", "dense-block", "selection" or "body"'],
  terms: [(v) => isRecord(v) && Object.values(v).every(isNumber), 'an object of counts by entry id'],
  images: [(v) => Array.isArray(v) && v.every((k) => k === null || isText(k)), 'a list of image keys or null'],
  missingImages: TEXT_LIST,
  leadImage: [isText, 'text', 'optional'],
  savedAt: NUMBER,
  updatedAt: NUMBER,
  updates: NUMBER,
  readProgress: OPTIONAL_NUMBER,
};
const IMAGE_FIELDS: Record<string, FieldCheck> = {
  key: TEXT,
  articleUrl: TEXT,
  originalUrl: TEXT,
  dataUrl: [(v) => isText(v) && isDataUrl(v), 'a base64 data: URL'],
};
const VOCABULARY_FIELDS: Record<string, FieldCheck> = {
  entryId: TEXT,
  term: TEXT,
  english: TEXT,
  pinyin: TEXT,
  sentence: TEXT,
  pageTitle: TEXT,
  pageUrl: TEXT,
  savedAt: NUMBER,
  learned: [isBoolean, 'true or false'],
};

type Section = 'articles' | 'images' | 'vocabulary' | 'userEntries';
const SECTION_NAMES: Record<Section, string> = { articles: 'article', images: 'image', vocabulary: 'vocabulary item', userEntries: 'your entry' };
const KEY_OF: Record<Section, string> = { articles: 'url', images: 'key', vocabulary: 'entryId', userEntries: 'id' };

/**
 * Reads a backup and checks all of it: format, version, every record's fields, duplicate keys, and
 * that articles and their images match. Any problem rejects the file before anything is written.
 */
export function parseBackup(text: string, fileName: string, builtin: readonly GlossaryEntry[]): BackupResult {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    return { ok: false, problems: [`${fileName} is not valid JSON (${(err as Error).message}). Was the file cut short?`] };
  }
  if (!isRecord(data) || data.format !== BACKUP_FORMAT)
    return { ok: false, problems: [`${fileName} is not a Yidu backup: "format" must be "${BACKUP_FORMAT}".`] };
  if (data.version !== BACKUP_VERSION) {
    const newer = typeof data.version === 'number' && data.version > BACKUP_VERSION;
    return { ok: false, problems: [`${fileName} has backup version ${JSON.stringify(data.version)}; this Yidu reads version ${BACKUP_VERSION}${newer ? ' (update Yidu to read it)' : ''}.`] };
  }
  const problems: string[] = [];
  if (!isText(data.exportedAt)) problems.push(`${fileName}: "exportedAt" must be text`);
  problems.push(...fieldProblems(data.settings, SETTINGS_FIELDS).map((p) => `${fileName}: settings ${p}`));
  const builtinIds = new Set(builtin.map((e) => e.id));
  const specs: Record<Section, (v: unknown) => string[]> = {
    articles: (v) => fieldProblems(v, ARTICLE_FIELDS),
    images: (v) => fieldProblems(v, IMAGE_FIELDS),
    vocabulary: (v) => fieldProblems(v, VOCABULARY_FIELDS),
    // Shape only, not the glossary's content rules: these entries were in Yidu when the backup was
    // made, and a stricter check (or a newer built-in glossary) must not make a backup unreadable.
    userEntries: (v) => [
      ...entryShapeProblems(v),
      ...(isRecord(v) && !isNumber(v.updatedAt) ? ['"updatedAt" must be a number'] : []),
      ...(isRecord(v) && isText(v.id) && builtinIds.has(v.id) ? [`id "${v.id}" belongs to a built-in entry`] : []),
    ],
  };
  for (const section of Object.keys(specs) as Section[]) {
    const list = data[section];
    if (!Array.isArray(list)) {
      problems.push(`${fileName}: "${section}" must be a list`);
      continue;
    }
    const seen = new Set<unknown>();
    list.forEach((record: unknown, i) => {
      const key = isRecord(record) ? record[KEY_OF[section]] : undefined;
      const where = `${fileName}, ${SECTION_NAMES[section]} ${i + 1}${isText(key) ? ` (${key})` : ''}`;
      problems.push(...specs[section](record).map((p) => `${where}: ${p}`));
      if (key !== undefined && seen.has(key)) problems.push(`${where}: "${KEY_OF[section]}" appears twice`);
      seen.add(key);
    });
  }
  if (problems.length === 0) problems.push(...crossReferenceProblems(data as unknown as BackupFile, fileName));
  if (problems.length > 0) return { ok: false, problems };

  const file = data as unknown as BackupFile;
  return {
    ok: true,
    exportedAt: file.exportedAt,
    contents: {
      settings: file.settings,
      articles: file.articles,
      images: file.images.map(({ dataUrl, ...image }) => ({ ...image, blob: dataUrlToBlob(dataUrl)! })),
      vocabulary: file.vocabulary,
      userEntries: file.userEntries,
    },
  };
}

/** Every image belongs to an article in the file, and every image an article names is in the file. */
function crossReferenceProblems(file: BackupFile, fileName: string): string[] {
  const problems: string[] = [];
  const urls = new Set(file.articles.map((a) => a.url));
  const imageKeys = new Set(file.images.map((i) => i.key));
  file.images.forEach((image, i) => {
    if (!urls.has(image.articleUrl)) problems.push(`${fileName}, image ${i + 1} (${image.key}): its article ${image.articleUrl} is not in the file`);
  });
  file.articles.forEach((article, i) => {
    for (const key of article.images) {
      if (key !== null && !imageKeys.has(key)) problems.push(`${fileName}, article ${i + 1} (${article.url}): image ${key} is not in the file`);
    }
  });
  return problems;
}

export function describeContents(contents: BackupContents): string {
  const n = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;
  return [
    n(contents.articles.length, 'article', 'articles'),
    n(contents.images.length, 'image', 'images'),
    n(contents.vocabulary.length, 'vocabulary term', 'vocabulary terms'),
    n(contents.userEntries.length, 'entry of your own', 'entries of your own'),
  ].join(', ');
}

