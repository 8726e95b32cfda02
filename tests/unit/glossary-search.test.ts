import { describe, expect, it } from 'vitest';
import { englishWords, searchGlossary } from '@/lib/glossary/search';
import { readBuiltinGlossary } from '@/lib/glossary/source-files';

const entries = readBuiltinGlossary();
const first = (query: string) => searchGlossary(entries, query)[0]?.id;

describe('glossary search in English', () => {
  it('ignores hyphens, case, word order and a plural -s', () => {
    expect(englishWords('Double-Eight Strategies')).toEqual(['double', 'eight', 'strategy']);
    expect(first('double eight strategy')).toBe('double-eight-strategy');
    expect(first('Strategy Double eight')).toBe('double-eight-strategy');
    expect(first('zero COVID')).toBe('dynamic-zero-covid');
    expect(searchGlossary(entries, 'Belt Road').map((e) => e.id)).toContain('belt-and-road-initiative');
  });

  it('finds "e commerce" written with a hyphen, and ranks an exact rendering first', () => {
    expect(searchGlossary(entries, 'e commerce').some((e) => /e-commerce/i.test(e.english))).toBe(true);
    const exact = entries.find((e) => e.id === 'double-eight-strategy')!.english;
    expect(first(exact)).toBe('double-eight-strategy');
  });

  it('still finds hanzi and pinyin, and nothing for nonsense', () => {
    expect(first('八八战略')).toBe('double-eight-strategy');
    expect(searchGlossary(entries, 'babazhanlue').map((e) => e.id)).toContain('double-eight-strategy');
    expect(searchGlossary(entries, 'qwxzv')).toEqual([]);
  });
});
