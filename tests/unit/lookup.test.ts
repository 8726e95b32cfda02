import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import * as jieba from 'jieba-wasm';
import { openDictionary, type Dictionary } from '@/lib/dictionary';
import { Glossary, toPatternSources } from '@/lib/glossary/glossary';
import { compileGuards, GuardedFinder, guardRulesOf, segmenterJudge } from '@/lib/glossary/guards';
import { Matcher } from '@/lib/matcher/matcher';
import { readBuiltinGlossary } from '@/lib/glossary/source-files';
import { createSegmenter, glossaryWords } from '@/lib/search/segmenter';
import { breakDown, findWord, longestMatchPieces, lookUpText, pieceAt, stepOffset } from '@/lib/lookup/find-word';
import { wordVocabulary } from '@/lib/lookup/vocabulary';
import { writeDictionaryAsset } from '@/scripts/build-dictionary';

// The same pieces as the background: jieba with the glossary's words, the guarded glossary matcher, the packed CC-CEDICT.
const glossary = new Glossary(readBuiltinGlossary());
const segmenter = createSegmenter(jieba, glossaryWords(glossary.entries()));
const finder = new GuardedFinder(new Matcher(toPatternSources(glossary.entries())), compileGuards(guardRulesOf(glossary.entries())), segmenterJudge(segmenter.cut));
let dict: Dictionary;

beforeAll(() => {
  dict = openDictionary(readFileSync(writeDictionaryAsset(resolve('.wxt/dictionary.bin'))));
}, 120_000);

const at = (sentence: string, word: string, inside = 0) => {
  const offset = sentence.indexOf(word) + inside;
  return findWord(sentence, offset, segmenter.cut(sentence), dict, finder.find(sentence));
};

describe('the word under the pointer', () => {
  it('finds the word jieba cuts there, with its dictionary entries, from any of its characters', () => {
    const s = '他患有糖尿病多年，经常去医院。';
    for (const inside of [0, 1, 2]) {
      const found = at(s, '糖尿病', inside)!;
      expect(found).toMatchObject({ word: '糖尿病', start: 3, end: 6 });
      expect(found.entries[0]!.pinyin).toBe('táng niào bìng');
      expect(found.entries[0]!.senses.join(' ')).toMatch(/diabetes/);
      expect(found.glossaryId).toBeUndefined();
    }
    expect(at(s, '医院')!.word).toBe('医院');
  });

  it('keeps glossary terms whole and names their entry', () => {
    const s = '义乌坚持八八战略，推进五水共治。';
    const found = at(s, '八八战略', 2)!;
    expect(found).toMatchObject({ word: '八八战略', start: 4, end: 8, glossaryId: 'double-eight-strategy' });
    // not in CC-CEDICT: the entries are the longest headword at the pointer (战略 strategy)
    expect(found.entries[0]!.simplified).toBe('战略');
    expect(at(s, '五水共治')).toMatchObject({ word: '五水共治', glossaryId: 'five-water-co-governance' });
  });

  it('falls back to the longest headword at the pointer for a word the dictionary lacks', () => {
    // a made-up compound: no headword, so the card explains what starts where the pointer is
    const pieces = ['他', '去', '海关局长办', '了'];
    const s = pieces.join('');
    const found = findWord(s, 2, pieces, dict)!;
    expect(found).toMatchObject({ word: '海关', start: 2, end: 4 });
    expect(found.entries[0]!.senses.join(' ')).toMatch(/customs/i);
    expect(findWord(s, 4, pieces, dict)!.word).toBe('局长');
  });

  it('answers nothing off Chinese text and reads traditional characters too', () => {
    const s = 'GDP增长5%，海關數據。';
    expect(findWord(s, 0, segmenter.cut(s), dict)).toBeUndefined();
    expect(findWord(s, s.indexOf('5'), segmenter.cut(s), dict)).toBeUndefined();
    expect(findWord(s, s.indexOf('，'), segmenter.cut(s), dict)).toBeUndefined();
    const customs = findWord(s, s.indexOf('海關'), segmenter.cut(s), dict)!;
    expect(customs.word).toBe('海關');
    expect(customs.entries[0]!.simplified).toBe('海关');
  });

  it('steps to the next and previous Chinese word, skipping punctuation and Latin', () => {
    const s = '今年GDP增长，海关。';
    expect(stepOffset(s, 0, 2, 1)).toBe(5); // past "GDP" to 增
    expect(stepOffset(s, 5, 7, 1)).toBe(8); // past "，" to 海
    expect(stepOffset(s, 8, 10, 1)).toBeUndefined();
    expect(stepOffset(s, 8, 10, -1)).toBe(6);
    expect(stepOffset(s, 0, 2, -1)).toBeUndefined();
    expect(pieceAt(['今年', 'GDP'], 3)).toEqual({ word: 'GDP', start: 2, end: 5 });
  });
});

describe('a selection', () => {
  it('gives a headword’s own entries', () => {
    const found = lookUpText('起居', segmenter.cut('起居'), dict);
    expect(found.entries.length).toBeGreaterThan(0);
    expect(found.parts).toEqual([]);
  });

  it('breaks a phrase that is not one headword into words', () => {
    const text = '糖尿病患者增多';
    const found = lookUpText(text, segmenter.cut(text), dict);
    expect(found.entries).toEqual([]);
    expect(found.parts.map((p) => p.word).join('')).toBe(text);
    expect(found.parts[0]!.word).toBe('糖尿病');
    expect(found.parts.every((p) => p.entries.length > 0)).toBe(true);
  });

  it('splits a word jieba joined but the dictionary lacks into headwords', () => {
    expect(breakDown(['海关局长办'], dict).map((p) => p.word)).toEqual(['海关', '局长', '办']);
  });
});

describe('before jieba has loaded', () => {
  it('cuts by the dictionary’s longest match, keeping other characters together', () => {
    const s = '他患有糖尿病多年，GDP增长。';
    expect(longestMatchPieces(s, dict)).toEqual(['他', '患有', '糖尿病', '多年', '，GDP', '增长', '。']);
    expect(findWord(s, 4, longestMatchPieces(s, dict), dict)).toMatchObject({ word: '糖尿病', start: 3, end: 6 });
  });
});

describe('a looked-up word in the vocabulary', () => {
  it('is saved under word:<simplified> with its senses, or a selection word by word', () => {
    const item = wordVocabulary('海關', dict.lookup('海關'))!;
    expect(item).toMatchObject({ entryId: 'word:海关', term: '海关', pinyin: 'hǎi guān' });
    expect(item.english).toMatch(/customs/i);
    expect(item.definition).toMatch(/^hǎi guān: /);
    const text = '糖尿病患者';
    const parts = breakDown(segmenter.cut(text), dict);
    expect(wordVocabulary(text, [], parts)).toMatchObject({ entryId: 'word:糖尿病患者', term: text, pinyin: 'táng niào bìng huàn zhě' });
    expect(wordVocabulary('㐀', [], [{ word: '㐀', entries: [] }])).toBeUndefined();
  });
});
