import { describe, expect, it } from 'vitest';
import { problemText } from '@/components/problem-text';
import { validateGlossary } from '@/lib/glossary/validate';
import type { GlossaryEntry } from '@/lib/glossary/types';

const good: GlossaryEntry = {
  id: 'double-eight-strategy',
  term: '八八战略',
  forms: [],
  pinyin: 'bā bā zhàn lüè',
  english: 'Double-Eight Strategy',
  englishSource: 'Xinhua',
  explanation: 'Zhejiang’s master plan of eight advantages and eight measures, set out in 2003.',
  category: 'numbered-formula',
  scope: 'zhejiang',
  related: [],
  year: 2003,
  items: [{ zh: '发挥体制机制优势', en: 'Leverage institutional advantages' }],
};

describe('validateGlossary', () => {
  it('accepts a sound entry', () => {
    expect(validateGlossary([good])).toEqual([]);
  });

  it.each<[string, Partial<GlossaryEntry>, RegExp]>([
    ['a non-ASCII id', { id: '八八' }, /lower-case letters/],
    ['too few pinyin syllables', { pinyin: 'bā bā zhàn' }, /3 syllables for 4 Chinese/],
    ['a non-pinyin syllable', { pinyin: 'ba1 ba1 zhan4 lue4' }, /not a pinyin syllable/],
    ['an empty English rendering', { english: ' ' }, /English rendering/],
    ['an empty explanation', { explanation: '' }, /explanation/],
    ['an unknown category', { category: 'motto' as GlossaryEntry['category'] }, /unknown category/],
    ['a formula without items', { items: [] }, /lists its items/],
    ['a related id that does not exist', { related: ['nowhere'] }, /"nowhere" does not exist/],
  ])('rejects %s', (_label, change, message) => {
    const problems = validateGlossary([{ ...good, ...change }]);
    expect(problems.map(problemText).join('\n')).toMatch(message);
  });

  it('rejects duplicate ids', () => {
    expect(validateGlossary([good, { ...good, term: '八八', pinyin: 'bā bā' }]).map(problemText).join('\n')).toMatch(/used twice/);
  });

  it('rejects a form claimed by two entries unless both mark it shared', () => {
    const other: GlossaryEntry = { ...good, id: 'other', term: '八八方针', pinyin: 'bā bā fāng zhēn', forms: ['八八'] };
    const mine: GlossaryEntry = { ...good, forms: ['八八'] };
    expect(validateGlossary([mine, other]).map(problemText).join('\n')).toMatch(/"八八" is claimed by double-eight-strategy, other/);
    expect(validateGlossary([{ ...mine, sharedForms: ['八八'] }, { ...other, sharedForms: ['八八'] }])).toEqual([]);
  });
});
