/**
 * Fills the extension's IndexedDB with saved articles straight from an extension page (no save
 * pipeline), for the e2e list of 200 and the bench's 1,000. Summaries come from the extension's own
 * summaryOf, so the written library is exactly what saving would have left.
 */
import type { Page } from 'playwright-core';
import type { ArticleRecord } from '@/lib/db/schema';
import { summaryOf, termsOf } from '@/lib/db/summaries';

/** A saved article as the save pipeline would store it, `index` apart from the others (newer first). */
export function savedArticle(index: number, text: string, terms: Record<string, number>): ArticleRecord {
  const savedAt = Date.UTC(2025, 0, 1) - index * 60_000;
  return {
    url: `https://news.example/${index}.html`,
    title: `第${index}篇 ${text.slice(0, 12)}`,
    byline: '',
    siteName: `site${index % 7}`,
    html: `<p>${text}</p>`,
    text,
    length: text.length,
    source: 'article',
    terms,
    images: [],
    missingImages: [],
    savedAt,
    updatedAt: savedAt,
    updates: 0,
  };
}

/**
 * Writes the articles with their summaries and entry ids, 100 to a transaction. A build without
 * those stores (summaries before schema version 4, articleTerms before 6) gets what it has, so the
 * bench can measure it too.
 */
export async function fillLibrary(page: Page, articles: readonly ArticleRecord[]): Promise<void> {
  for (let i = 0; i < articles.length; i += 100) {
    const batch = articles.slice(i, i + 100).map((article) => ({ article, summary: summaryOf(article), terms: termsOf(article) }));
    await page.evaluate(async (records) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const open = indexedDB.open('yidu');
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      const stores = ['articles', 'summaries', 'articleTerms'].filter((name) => db.objectStoreNames.contains(name));
      const tx = db.transaction(stores, 'readwrite');
      for (const { article, summary, terms } of records) {
        tx.objectStore('articles').put(article);
        if (stores.includes('summaries')) tx.objectStore('summaries').put(summary);
        if (stores.includes('articleTerms')) tx.objectStore('articleTerms').put(terms);
      }
      await new Promise((resolve, reject) => {
        tx.oncomplete = resolve;
        tx.onerror = () => reject(tx.error);
      });
      db.close();
    }, batch);
  }
}
