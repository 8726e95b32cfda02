import { describe, expect, it } from 'vitest';
import { findCandidates } from '@/lib/annotate/candidates';
import { Matcher } from '@/lib/matcher/matcher';

const matcher = new Matcher([
  { id: 'double-eight-strategy', surfaces: ['八八战略'] },
  { id: 'three-services', surfaces: ['三服务'] },
]);
const phrases = (text: string) =>
  findCandidates(text, matcher.find(text)).map((s) => [text.slice(s.start, s.end), s.id]);

describe('candidate jargon', () => {
  it('marks a short quoted phrase the glossary lacks', () => {
    expect(phrases('推进“四港”联动和“链长制”改革。')).toEqual([
      ['四港', 'candidate:四港'],
      ['链长制', 'candidate:链长制'],
    ]);
  });

  it('marks a numbered formula the glossary lacks', () => {
    expect(phrases('做到三个百分百，用好四驾马车。')).toEqual([
      ['三个百分百', 'candidate:三个百分百'],
      ['四驾马车', 'candidate:四驾马车'],
    ]);
  });

  it('leaves phrases the glossary covers to the glossary', () => {
    expect(phrases('践行“八八战略”，深化“三服务”。')).toEqual([]);
  });

  it('ignores quoted ordinary words, long quotations and plain counts', () => {
    expect(phrases('送上“礼包”，提升“颜值”。')).toEqual([]);
    expect(phrases('他说：“今年我们要把工作做得更好更实更细。”')).toEqual([]);
    expect(phrases('解决两个方面问题，用了三个月。')).toEqual([]);
  });
});
