// @vitest-environment jsdom
/** A page too large to search for its article is kept as its text, and says so (the screen words why). */
import { describe, expect, it } from 'vitest';
import { extractArticle } from '@/lib/extract/article';

// The limit is lowered here (jsdom is far slower than a browser); the e2e test saves 200,000 elements.
const LIMIT = 500;

const paragraphs = Array.from({ length: 6 }, (_, i) => `<p>第${i + 1}段：全省深入实施八八战略，推进五水共治，打造共同富裕示范区。</p>`).join('');
const page = (filler: number) =>
  `<!doctype html><html><head><title>超大页面</title></head><body><article><h1>超大页面</h1>${paragraphs}<div>${'<i></i>'.repeat(filler)}</div></article></body></html>`;

describe('extraction limits', () => {
  it('keeps the text of a page with more elements than it searches, with their count', () => {
    const result = extractArticle(page(LIMIT + 10), 'https://example.cn/a.html', '', LIMIT);
    expect(result.source).toBe('body');
    expect(result.tooLarge).toBeGreaterThan(LIMIT);
    expect(result.text).toContain('第6段：全省深入实施八八战略');
  });

  it('searches a page under the limit as usual', () => {
    const result = extractArticle(page(100), 'https://example.cn/a.html', '', LIMIT);
    expect(result.source).toBe('article');
    expect(result.tooLarge).toBeUndefined();
    expect(result.text).toContain('第6段');
  });
});
