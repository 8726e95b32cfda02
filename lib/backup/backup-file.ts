/** The backup file's shape, and the check of a whole file before anything is written. */
import type { ArticleRecord, ImageRecord, VocabularyItem, YiduDB } from '../db/schema';
import type { GlossaryEntry } from '../glossary/types';
import type { Settings } from '../settings';
import { entryShapeProblems } from '../glossary/entry-shape';
import { BOOLEAN, fieldProblems, isNumber, isRecord, isText, NUMBER, oneOf, oneOfCheck, TEXT, TEXT_LIST, type FieldCheck } from '../field-checks';
import { phrase, problem, type Phrase, type Problem } from '../problems';
import { dataUrlToBlob, isDataUrl, isImageOfItsType } from '../data-url';

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

export type BackupResult = { ok: true; exportedAt: string; contents: BackupContents } | { ok: false; problems: Problem[] };

const SETTINGS_FIELDS: Record<string, FieldCheck> = {
  inlineEnglish: oneOfCheck(['off', 'first', 'every']),
  markCandidates: BOOLEAN,
  // Optional: backups made before word lookup existed have no such setting.
  lookup: [oneOf(['hover', 'alt', 'shift', 'off']), phrase('typeOneOf', '"hover", "alt", "shift", "off"'), 'optional'],
  siteModes: [(v) => isRecord(v) && Object.values(v).every(oneOf(['always', 'never'])), phrase('typeSiteModes')],
};
const OPTIONAL_NUMBER: FieldCheck = [isNumber, phrase('typeNumber'), 'optional'];
const ARTICLE_FIELDS: Record<string, FieldCheck> = {
  url: TEXT,
  title: TEXT,
  byline: TEXT,
  siteName: TEXT,
  publishedAt: OPTIONAL_NUMBER,
  html: TEXT,
  text: TEXT,
  length: NUMBER,
  source: oneOfCheck(['article', 'dense-block', 'selection', 'body']),
  terms: [(v) => isRecord(v) && Object.values(v).every(isNumber), phrase('typeTermCounts')],
  images: [(v) => Array.isArray(v) && v.every((k) => k === null || isText(k)), phrase('typeImageKeys')],
  missingImages: TEXT_LIST,
  leadImage: [isText, phrase('typeText'), 'optional'],
  savedAt: NUMBER,
  updatedAt: NUMBER,
  updates: NUMBER,
  readProgress: OPTIONAL_NUMBER,
};
const IMAGE_FIELDS: Record<string, FieldCheck> = {
  key: TEXT,
  articleUrl: TEXT,
  originalUrl: TEXT,
  dataUrl: [(v) => isText(v) && isDataUrl(v), phrase('typeDataUrl')],
};
const VOCABULARY_FIELDS: Record<string, FieldCheck> = {
  entryId: TEXT,
  term: TEXT,
  english: TEXT,
  pinyin: TEXT,
  sentence: TEXT,
  definition: [isText, phrase('typeText'), 'optional'],
  pageTitle: TEXT,
  pageUrl: TEXT,
  savedAt: NUMBER,
  learned: BOOLEAN,
};

type Section = 'articles' | 'images' | 'vocabulary' | 'userEntries';
const SECTION_NAMES: Record<Section, Phrase> = { articles: phrase('sectionArticle'), images: phrase('sectionImage'), vocabulary: phrase('sectionVocabulary'), userEntries: phrase('sectionUserEntry') };
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
    return { ok: false, problems: [problem('problemBackupNotJson', fileName, (err as Error).message)] };
  }
  if (!isRecord(data) || data.format !== BACKUP_FORMAT)
    return { ok: false, problems: [problem('problemNotBackup', fileName, BACKUP_FORMAT)] };
  if (data.version !== BACKUP_VERSION) {
    const newer = typeof data.version === 'number' && data.version > BACKUP_VERSION;
    return { ok: false, problems: [problem(newer ? 'problemBackupVersionNewer' : 'problemBackupVersion', fileName, JSON.stringify(data.version) ?? '?', BACKUP_VERSION)] };
  }
  const problems: Problem[] = [];
  const inFile = phrase('whereFile', fileName);
  if (!isText(data.exportedAt)) problems.push({ ...problem('problemFieldType', 'exportedAt', phrase('typeText')), where: inFile });
  problems.push(...fieldProblems(data.settings, SETTINGS_FIELDS).map((p) => ({ ...p, where: phrase('whereSettings', fileName) })));
  const builtinIds = new Set(builtin.map((e) => e.id));
  const specs: Record<Section, (v: unknown) => Problem[]> = {
    articles: (v) => fieldProblems(v, ARTICLE_FIELDS),
    images: (v) => {
      const shape = fieldProblems(v, IMAGE_FIELDS);
      if (shape.length || !isRecord(v) || !isText(v.dataUrl)) return shape;
      // Checked before anything is replaced: the bytes must be an image of the type the file claims.
      return isImageOfItsType(v.dataUrl) ? [] : [problem('problemImageData', v.dataUrl.slice(5, v.dataUrl.indexOf(';')))];
    },
    vocabulary: (v) => fieldProblems(v, VOCABULARY_FIELDS),
    // Shape only, not the glossary's content rules: these entries were in Yidu when the backup was
    // made, and a stricter check (or a newer built-in glossary) must not make a backup unreadable.
    userEntries: (v) => [
      ...entryShapeProblems(v),
      ...(isRecord(v) && !isNumber(v.updatedAt) ? [problem('problemFieldType', 'updatedAt', phrase('typeNumber'))] : []),
      ...(isRecord(v) && isText(v.id) && builtinIds.has(v.id) ? [problem('problemBuiltinId', v.id)] : []),
    ],
  };
  for (const section of Object.keys(specs) as Section[]) {
    const list = data[section];
    if (!Array.isArray(list)) {
      problems.push({ ...problem('problemFieldType', section, phrase('typeList')), where: inFile });
      continue;
    }
    const seen = new Set<unknown>();
    list.forEach((record: unknown, i) => {
      const key = isRecord(record) ? record[KEY_OF[section]] : undefined;
      const where = isText(key) ? phrase('whereRecordKey', fileName, SECTION_NAMES[section], i + 1, key) : phrase('whereRecord', fileName, SECTION_NAMES[section], i + 1);
      problems.push(...specs[section](record).map((p) => ({ ...p, where })));
      if (key !== undefined && seen.has(key)) problems.push({ ...problem('problemKeyTwice', KEY_OF[section]), where });
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
function crossReferenceProblems(file: BackupFile, fileName: string): Problem[] {
  const problems: Problem[] = [];
  const urls = new Set(file.articles.map((a) => a.url));
  const imageKeys = new Set(file.images.map((i) => i.key));
  file.images.forEach((image, i) => {
    if (!urls.has(image.articleUrl))
      problems.push({ ...problem('problemImageOrphan', image.articleUrl), where: phrase('whereRecordKey', fileName, SECTION_NAMES.images, i + 1, image.key) });
  });
  file.articles.forEach((article, i) => {
    for (const key of article.images) {
      if (key !== null && !imageKeys.has(key))
        problems.push({ ...problem('problemImageMissing', key), where: phrase('whereRecordKey', fileName, SECTION_NAMES.articles, i + 1, article.url) });
    }
  });
  return problems;
}

/** What a backup holds, for the screen to word ("12 articles, 30 images, …"). */
export function describeContents(contents: BackupContents): Phrase {
  return phrase('backupContents', contents.articles.length, contents.images.length, contents.vocabulary.length, contents.userEntries.length);
}

