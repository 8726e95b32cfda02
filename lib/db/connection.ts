/** An extension page's one connection to Yidu's database, and the stores over it. */
import { openYiduDB, type YiduDatabase } from './schema';
import { createArticlesRepo } from './articles';
import { createVocabularyRepo } from './vocabulary';
import { createUserEntriesRepo } from './user-entries';

let db: Promise<YiduDatabase> | undefined;

export function libraryDb(): Promise<YiduDatabase> {
  // Opened again after the browser closed it or a newer schema asked for it (see openYiduDB).
  db ??= openYiduDB(undefined, () => (db = undefined));
  return db;
}

export function library() {
  const connection = libraryDb();
  return {
    articles: createArticlesRepo(connection),
    vocabulary: createVocabularyRepo(connection),
    userEntries: createUserEntriesRepo(connection),
  };
}
