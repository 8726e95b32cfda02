import { describe, expect, it } from 'vitest';
import { ankiField, toAnkiTsv, toVocabularyJson } from '@/lib/vocabulary/export';
import type { VocabularyItem } from '@/lib/db/schema';

const item = (over: Partial<VocabularyItem> = {}): VocabularyItem => ({
  entryId: 'yixinou',
  term: '义新欧',
  english: 'Yiwu–Xinjiang–Europe freight train',
  pinyin: 'yì xīn ōu',
  sentence: '义新欧班列\t开行\n第一千列',
  pageTitle: '义乌新闻',
  pageUrl: 'https://www.ywnews.cn/a/1',
  savedAt: 1700000000000,
  learned: false,
  ...over,
});

describe('Anki TSV export', () => {
  it('starts with the header Anki 2.1.55+ reads as import options', () => {
    const lines = toAnkiTsv([]).split('\n');
    expect(lines.slice(0, 4)).toEqual(['#separator:tab', '#html:false', '#columns:Front\tBack\tPinyin\tContext\tTags', '#tags column:5']);
  });

  it('writes one line of five fields per term, tabs and line breaks inside fields replaced by spaces', () => {
    const tsv = toAnkiTsv([item(), item({ entryId: 'double-eight-strategy', term: '八八战略', english: 'Double-Eight\tStrategy', sentence: '' })], (id) =>
      id === 'yixinou' ? 'jinhua-yiwu' : undefined,
    );
    const notes = tsv.trimEnd().split('\n').slice(4);
    expect(notes).toHaveLength(2);
    expect(notes[0]!.split('\t')).toEqual(['义新欧', 'Yiwu–Xinjiang–Europe freight train', 'yì xīn ōu', '义新欧班列 开行 第一千列', 'yidu jinhua-yiwu']);
    expect(notes[1]!.split('\t')).toEqual(['八八战略', 'Double-Eight Strategy', 'yì xīn ōu', '', 'yidu']);
    expect(tsv.endsWith('\n')).toBe(true);
  });

  it('quotes fields Anki would otherwise read as quoted or as a comment', () => {
    expect(ankiField('the "Four Ports" plan')).toBe('"the ""Four Ports"" plan"');
    expect(ankiField('#tag-like')).toBe('"#tag-like"');
    expect(ankiField('a\r\nb\tc')).toBe('a b c');
  });
});

describe('JSON export', () => {
  it('keeps every field of every term', () => {
    const json = JSON.parse(toVocabularyJson([item({ learned: true })], new Date('2024-05-01T00:00:00Z')));
    expect(json).toMatchObject({ format: 'yidu-vocabulary', version: 1, exportedAt: '2024-05-01T00:00:00.000Z' });
    expect(json.items).toEqual([item({ learned: true })]);
  });
});
