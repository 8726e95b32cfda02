// @vitest-environment jsdom
/**
 * Runs the extractor on every real-page fixture and prints a bench-style report (per page and median
 * character precision/recall/F1, titles, dates), with floors: median F1 ≥ 0.95, no page below 0.8.
 */
import { describe, expect, it } from 'vitest';
import { extractArticle } from '@/lib/extract/article';
import { decodePageBytes } from '@/lib/extract/encoding';
import { dateMatches, loadFixtures, median, report, scoreText, titleMatches, type PageResult } from '../extraction/fixtures';

describe('extraction on real Chinese news and government pages', () => {
  const fixtures = loadFixtures();

  it('has at least 30 pages, each decoded without garbling', () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(30);
    for (const f of fixtures) expect(decodePageBytes(f.bytes).ok, f.id).toBe(true);
  });

  it('keeps the article and only the article (median F1 ≥ 0.95, every page ≥ 0.8)', () => {
    const results: PageResult[] = [];
    for (const f of fixtures) {
      const started = performance.now();
      // The HTML as decoded from the page's bytes: extractArticle parses it into its inert copy.
      const article = extractArticle(decodePageBytes(f.bytes).text, f.url);
      const ms = performance.now() - started;
      results.push({
        id: f.id,
        score: scoreText(article.text, f.expectedText),
        title: article.title,
        titleOk: titleMatches(article.title, f.title),
        date: article.publishedAt,
        dateOk: dateMatches(article.publishedAt, f.date),
        source: article.source,
        ms,
      });
    }
    console.log(`\n${report(results)}\n`);
    expect(median(results.map((r) => r.score.f1))).toBeGreaterThanOrEqual(0.95);
    for (const r of results) expect(r.score.f1, r.id).toBeGreaterThanOrEqual(0.8);
    // Titles and dates: every page but the one whose headline no title source holds (gne-gsc-1).
    expect(results.filter((r) => r.titleOk).length).toBeGreaterThanOrEqual(results.length - 1);
    const dated = results.filter((r) => r.dateOk !== undefined);
    expect(dated.filter((r) => r.dateOk).length).toBeGreaterThanOrEqual(dated.length - 1);
  }, 120_000);
});
