import { describe, expect, it } from 'vitest';
import '@/lib/matcher/fold-data';
import { Matcher, type PatternSource } from '@/lib/matcher/matcher';

const SOURCES: PatternSource[] = [
  { id: 'double-eight-strategy', surfaces: ['八八战略'] },
  { id: 'party-building-plus-unit', surfaces: ['党建+单元'] },
  { id: 'party-building-plus-unit-plus-policing', surfaces: ['党建+单元+警务'] },
  { id: 'not-lagging', surfaces: ['没有走在前列'] },
  { id: 'fourteenth-five-year-plan', surfaces: ['十四五', '十四五规划'] },
  { id: 'yixinou-railway', surfaces: ['义新欧', '义新欧班列', '义新欧中欧班列'] },
  { id: 'china-europe-railway-express', surfaces: ['中欧班列'] },
  { id: 'abcde', surfaces: ['ABCDE'] },
  { id: 'bc', surfaces: ['BC'] },
];

function surfaces(text: string, matcher = new Matcher(SOURCES)) {
  return matcher.find(text).map((s) => [text.slice(s.start, s.end), s.id]);
}

describe('Matcher', () => {
  it('finds a term and reports UTF-16 offsets into the text', () => {
    const text = '忠实践行八八战略。';
    expect(new Matcher(SOURCES).find(text)).toEqual([{ start: 4, end: 8, id: 'double-eight-strategy' }]);
  });

  it('prefers the longest match at the leftmost position (党建+单元+警务 over 党建+单元)', () => {
    expect(surfaces('深化党建+单元+警务模式，推广党建+单元。')).toEqual([
      ['党建+单元+警务', 'party-building-plus-unit-plus-policing'],
      ['党建+单元', 'party-building-plus-unit'],
    ]);
  });

  it('prefers the leftmost match over a longer one that starts later', () => {
    expect(surfaces('义新欧中欧班列')).toEqual([['义新欧中欧班列', 'yixinou-railway']]);
    expect(surfaces('新欧中欧班列')).toEqual([['中欧班列', 'china-europe-railway-express']]);
  });

  it('steps over line breaks and spaces inside a term, and includes them in the span', () => {
    expect(surfaces('坚持八\n八战略')).toEqual([['八\n八战略', 'double-eight-strategy']]);
    expect(surfaces('工作没 有 走 在 前 列。')).toEqual([['没 有 走 在 前 列', 'not-lagging']]);
    expect(surfaces('八八\r\n　战略')).toEqual([['八八\r\n　战略', 'double-eight-strategy']]);
  });

  it('never starts or ends a span on whitespace or a quotation mark', () => {
    expect(surfaces('“十四五”规划')).toEqual([['十四五”规划', 'fourteenth-five-year-plan']]);
    expect(surfaces(' 八八战略 ')).toEqual([['八八战略', 'double-eight-strategy']]);
  });

  it('treats full-width and half-width forms alike', () => {
    expect(surfaces('党建＋单元＋警务')).toEqual([['党建＋单元＋警务', 'party-building-plus-unit-plus-policing']]);
    expect(surfaces('ＡＢＣＤＥ abcde')).toEqual([
      ['ＡＢＣＤＥ', 'abcde'],
      ['abcde', 'abcde'],
    ]);
  });

  it('matches traditional-character text against simplified patterns', () => {
    expect(surfaces('八八戰略與義新歐班列')).toEqual([
      ['八八戰略', 'double-eight-strategy'],
      ['義新歐班列', 'yixinou-railway'],
    ]);
  });

  it('finds a short pattern inside a longer one that failed', () => {
    expect(surfaces('ABCX')).toEqual([['BC', 'bc']]);
  });

  it('does not match across a character outside every pattern', () => {
    expect(surfaces('八八的战略')).toEqual([]);
  });

  it('accepts entries added at run time and forgets removed ones', () => {
    const matcher = new Matcher(SOURCES);
    expect(surfaces('鸡毛换糖', matcher)).toEqual([]);
    matcher.add([{ id: 'feather-for-candy', surfaces: ['鸡毛换糖'] }]);
    expect(surfaces('鸡毛换糖', matcher)).toEqual([['鸡毛换糖', 'feather-for-candy']]);
    matcher.remove('feather-for-candy');
    expect(surfaces('鸡毛换糖', matcher)).toEqual([]);
  });

  it('agrees with a brute-force leftmost-longest search on random text', () => {
    const alphabet = '八战略党建+单元警务十四五规划义新欧中班列 \n';
    const patterns = SOURCES.flatMap((s) => s.surfaces.map((surface) => ({ surface, id: s.id })));
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
    const matcher = new Matcher(SOURCES);
    for (let round = 0; round < 300; round++) {
      let text = '';
      for (let i = 0; i < 40; i++) {
        text += random() < 0.3 ? patterns[Math.floor(random() * patterns.length)]!.surface : alphabet[Math.floor(random() * alphabet.length)];
      }
      expect(matcher.find(text)).toEqual(bruteForce(text, patterns));
    }
  });
});

/** Reference: at each non-space position, the longest pattern that matches when spaces are skipped. */
function bruteForce(text: string, patterns: { surface: string; id: string }[]) {
  const out: { start: number; end: number; id: string }[] = [];
  let i = 0;
  while (i < text.length) {
    let best: { end: number; id: string; length: number } | undefined;
    if (!/\s/.test(text[i]!)) {
      for (const { surface, id } of patterns) {
        let j = i;
        let k = 0;
        while (k < surface.length && j < text.length) {
          if (/\s/.test(text[j]!) && j > i) j++;
          else if (text[j] === surface[k]) {
            j++;
            k++;
          } else break;
        }
        if (k === surface.length && (!best || surface.length > best.length)) best = { end: j, id, length: surface.length };
      }
    }
    if (best) {
      out.push({ start: i, end: best.end, id: best.id });
      i = best.end;
    } else i++;
  }
  return out;
}
