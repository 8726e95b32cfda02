// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { judgePolicyDensity, SAMPLE_CHARS } from '@/lib/annotate/density';
import { Matcher } from '@/lib/matcher/matcher';
import { hanCount } from '@/lib/han';

const matcher = new Matcher([
  { id: 'double-eight-strategy', surfaces: ['八八战略'] },
  { id: 'five-water-co-governance', surfaces: ['五水共治'] },
  { id: 'yixinou-railway', surfaces: ['义新欧'] },
]);

/** A paragraph of 100 characters with three glossary terms (30 per 1,000: a policy text). */
const POLICY = '义乌深入实施八八战略，推进五水共治，义新欧班列开行数量持续增长，'.padEnd(100, '。');
/** 100 characters with no glossary term. */
const PLAIN = '今天天气很好，我们一起去公园散步，看见很多人在湖边钓鱼，孩子们在草地上放风筝。'.padEnd(100, '。');

function body(html: string): HTMLElement {
  const root = document.createElement('div');
  root.innerHTML = html;
  return root;
}

describe('judgePolicyDensity', () => {
  it('tells a policy text from an ordinary one', async () => {
    expect(await judgePolicyDensity(body(`<p>${POLICY.repeat(5)}</p>`), matcher)).toBe(true);
    expect(await judgePolicyDensity(body(`<p>${PLAIN.repeat(5)}</p>`), matcher)).toBe(false);
  });

  it('does not spend its sample on scripts and styles', async () => {
    // Script and style text longer than the whole sample, before the article: skipped, not read.
    const script = `<script>var s = "${PLAIN.repeat(SAMPLE_CHARS / 100 + 10)}";</script><style>p{}</style>`;
    expect(await judgePolicyDensity(body(`${script}<p>${POLICY.repeat(5)}</p>`), matcher)).toBe(true);
  });

  it('judges a long page on its beginning only', async () => {
    const plainFirst = `<p>${PLAIN.repeat(SAMPLE_CHARS / 100 + 10)}</p><p>${POLICY.repeat(SAMPLE_CHARS / 100)}</p>`;
    expect(await judgePolicyDensity(body(plainFirst), matcher)).toBe(false);
  });
});

describe('counting Han characters', () => {
  it('counts the unified ideographs, Extension A and the compatibility ideographs, nothing else', () => {
    expect(hanCount('ab八八战略12，㐀豈。')).toBe(6);
    expect(hanCount('')).toBe(0);
    expect(hanCount('Yiwu 2026!')).toBe(0);
  });
});
