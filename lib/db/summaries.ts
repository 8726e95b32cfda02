/**
 * What the library and glossary screens need to list an article, without its body: reading 1,000
 * whole records (HTML and text, ~10 KB each) to show titles is what made the library slow to open.
 * Which glossary entries an article mentions is kept apart (`articleTerms`, one small record per
 * article under a multiEntry index): with ~160 entry ids per article, carrying them in each summary
 * tripled the time to read the list (1,000 summaries: ~250 ms → ~60 ms in Chromium without them).
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
  /** How many distinct glossary entries the article mentions. */
  termCount: number;
  readProgress?: number;
  /** Key in the images store of the first image that was saved, for a thumbnail. */
  firstImage?: string;
}

/** The glossary entries an article mentions, indexed (multiEntry) so a filter by term reads keys only. */
export interface ArticleTerms {
  url: string;
  ids: string[];
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
    termCount: Object.keys(article.terms).length,
  };
  // Optional fields are left out rather than stored as undefined, so a summary compares equal to
  // one derived again (IndexedDB keeps an explicit undefined as a present key).
  if (article.publishedAt !== undefined) summary.publishedAt = article.publishedAt;
  if (article.readProgress !== undefined) summary.readProgress = article.readProgress;
  const firstImage = article.images.find((key): key is string => key !== null);
  if (firstImage !== undefined) summary.firstImage = firstImage;
  return summary;
}

export function termsOf(article: Pick<ArticleRecord, 'url' | 'terms'>): ArticleTerms {
  return { url: article.url, ids: Object.keys(article.terms) };
}

/** The stores derived from each article, written in the same transaction as the article itself. */
export const LISTING_STORES = ['summaries', 'articleTerms'] as const;
