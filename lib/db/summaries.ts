/**
 * What the library and glossary screens need to list an article, without its body: reading 1,000
 * whole records (HTML and text, ~10 KB each) to show titles is what made the library slow to open.
 */
import type { ArticleRecord } from './schema';

export interface ArticleSummary {
  url: string;
  title: string;
  siteName: string;
  savedAt: number;
  updatedAt: number;
  publishedAt?: number;
  /** Characters of text. */
  length: number;
  /** Entry id → occurrences (a few dozen numbers): enough to count, sort and filter by term. */
  terms: Record<string, number>;
  readProgress?: number;
  /** Key in the images store of the first image that was saved, for a thumbnail. */
  firstImage?: string;
}

/** The one derivation of a summary, used at save, progress, restore and upgrade alike. */
export function summaryOf(article: ArticleRecord): ArticleSummary {
  const summary: ArticleSummary = {
    url: article.url,
    title: article.title,
    siteName: article.siteName,
    savedAt: article.savedAt,
    updatedAt: article.updatedAt,
    length: article.length,
    terms: { ...article.terms },
  };
  // Optional fields are left out rather than stored as undefined, so a summary compares equal to
  // one derived again (IndexedDB keeps an explicit undefined as a present key).
  if (article.publishedAt !== undefined) summary.publishedAt = article.publishedAt;
  if (article.readProgress !== undefined) summary.readProgress = article.readProgress;
  const firstImage = article.images.find((key): key is string => key !== null);
  if (firstImage !== undefined) summary.firstImage = firstImage;
  return summary;
}
