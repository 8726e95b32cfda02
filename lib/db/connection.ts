/** An extension page's one connection to Yidu's database, and the stores over it. */
import { openYiduDB, type YiduDatabase } from './schema';
import { createArticlesRepo } from './articles';
import { createVocabularyRepo } from './vocabulary';
import { createUserEntriesRepo } from './user-entries';

let db: Promise<YiduDatabase> | undefined;

export function libraryDb(): Promise<YiduDatabase> {
  db ??= openYiduDB();
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
