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
    expect(lines.slice(0, 4)).toEqual(['#separator:tab', '#html:false', '#columns:Front\tBack\tPinyin\tDefinition\tContext\tTags', '#tags column:6']);
  });

  it('writes one line of six fields per term, tabs and line breaks inside fields replaced by spaces', () => {
    const tsv = toAnkiTsv(
      [item(), item({ entryId: 'double-eight-strategy', term: '八八战略', english: 'Double-Eight\tStrategy', sentence: '', definition: 'Eight\npoints.' })],
      (id) => (id === 'yixinou' ? { scope: 'jinhua-yiwu', explanation: 'A freight train from Yiwu to Madrid.' } : undefined),
    );
    const notes = tsv.trimEnd().split('\n').slice(4);
    expect(notes).toHaveLength(2);
    // an item saved before definitions were kept takes the glossary's explanation
    expect(notes[0]!.split('\t')).toEqual(['义新欧', 'Yiwu–Xinjiang–Europe freight train', 'yì xīn ōu', 'A freight train from Yiwu to Madrid.', '义新欧班列 开行 第一千列', 'yidu jinhua-yiwu']);
    expect(notes[1]!.split('\t')).toEqual(['八八战略', 'Double-Eight Strategy', 'yì xīn ōu', 'Eight points.', '', 'yidu']);
    expect(tsv.endsWith('\n')).toBe(true);
  });

  it('writes a dictionary word with its readings and senses, tagged as such', () => {
    const word = item({ entryId: 'word:糖尿病', term: '糖尿病', english: 'diabetes', pinyin: 'táng niào bìng', definition: 'táng niào bìng: diabetes; diabetes mellitus' });
    const [note] = toAnkiTsv([word]).trimEnd().split('\n').slice(4);
    expect(note!.split('\t')).toEqual(['糖尿病', 'diabetes', 'táng niào bìng', 'táng niào bìng: diabetes; diabetes mellitus', '义新欧班列 开行 第一千列', 'yidu dictionary']);
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
