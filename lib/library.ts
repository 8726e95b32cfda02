/** The stores as extension pages use them (one connection per page), and the matcher with user entries. */
import { openYiduDB, type YiduDatabase } from './db/schema';
import { createArticlesRepo } from './db/articles';
import { createVocabularyRepo } from './db/vocabulary';
import { createUserEntriesRepo } from './db/user-entries';
import { BUILTIN_GLOSSARY } from './glossary/builtin';
import { Glossary, toPatternSources } from './glossary/glossary';
import { Matcher } from './matcher/matcher';

let db: Promise<YiduDatabase> | undefined;

/** The page's one connection to Yidu's database. */
export function libraryDb(): Promise<YiduDatabase> {
  db ??= openYiduDB();
  return db;
}

export function library() {
  db ??= openYiduDB();
  return {
    articles: createArticlesRepo(db),
    vocabulary: createVocabularyRepo(db),
    userEntries: createUserEntriesRepo(db),
  };
}

export async function currentGlossary(): Promise<Glossary> {
  return new Glossary(BUILTIN_GLOSSARY, await library().userEntries.list().catch(() => []));
}

export async function currentMatcher(): Promise<Matcher> {
  return new Matcher(toPatternSources((await currentGlossary()).entries()));
}

/** Asks once for persistent storage, and reports use and quota in bytes. */
export async function storageStatus(): Promise<{ persisted: boolean; usage: number; quota: number }> {
  const persisted = (await navigator.storage?.persisted?.()) || (await navigator.storage?.persist?.()) || false;
  const { usage = 0, quota = 0 } = (await navigator.storage?.estimate?.()) ?? {};
  return { persisted, usage, quota };
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} KB`;
  if (bytes < 1024 ** 3) return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  return `${(bytes / 1024 ** 3).toFixed(1)} GB`;
}
