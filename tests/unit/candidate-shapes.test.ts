import { describe, expect, it } from 'vitest';
import { findCandidates } from '@/lib/annotate/candidates';
import { leadingCount, looksLikeAName, readsAsCoinage, summarisesListBefore } from '@/lib/annotate/candidate-shapes';

const phrases = (text: string) => findCandidates(text, []).map((s) => text.slice(s.start, s.end));

describe('shapes that are not jargon', () => {
  it('reads the count a phrase starts with', () => {
    expect([leadingCount('三大战略'), leadingCount('双缩减'), leadingCount('十二项'), leadingCount('二十三条'), leadingCount('链长制')]).toEqual([3, 2, 12, 23, 0]);
  });

  it('leaves names of craft, leagues, shows, days and storms unmarked', () => {
    expect(phrases('“天宫二号”升空，“浙超”开赛，“西湖之夜”演出，迎来“世界读书日”，防御台风“卡努”和“海葵”等台风。')).toEqual([]);
    expect(looksLikeAName('西湖之夜', '', '交响音乐会')).toBe(true);
    expect(looksLikeAName('青字号', '', '农产品')).toBe(false);
  });

  it('leaves streaks and counts of results unmarked', () => {
    expect(phrases('粮食生产实现“十连丰”，收入“五连快”，规模“双翻番”。')).toEqual([]);
  });

  it('treats a count right after the list it sums up as a summary', () => {
    const text = '案件数、涉案人数和金额“三下降”。';
    expect(summarisesListBefore(text, text.indexOf('“'), '三下降')).toBe(true);
    expect(phrases('小公园、小市场等“十小项目”陆续建成。')).toEqual([]);
    // A list earlier in the sentence, ended by a comma, is not what the count sums up.
    expect(phrases('贯彻十次、十一次全会精神，锚定“三地一区”目标。')).toEqual(['三地一区']);
    // Itself an item of a list of quoted names.
    expect(phrases('弘扬“红船精神”、“三北精神”。')).toEqual(['红船精神', '三北精神']);
  });

  it('leaves emphasis and measures of pride unmarked', () => {
    expect(phrases('创造“中国速度”，把握“最大增量”，擦亮“人民的好帮手”招牌，用“辛苦指数”换“幸福指数”。')).toEqual([]);
  });

  it('keeps a quoted phrase without the shape of a coinage only where it is used as a measure', () => {
    // Shaped like coinages: a number, a place, a policy head word, an abbreviation verb.
    expect(readsAsCoinage('两清两改', '', '')).toBe(true);
    expect(readsAsCoinage('清新福建', '', '')).toBe(true);
    expect(readsAsCoinage('渝快办', '', '')).toBe(true);
    expect(readsAsCoinage('煤改电', '', '')).toBe(true);
    // No such shape: counts only after a verb of carrying out policy or before a head word.
    expect(phrases('把更多“真金白银”用于民生，解决“城市病”。')).toEqual([]);
    expect(phrases('实施“减盐减油”，推进“暖心民政”三年行动。')).toEqual(['减盐减油', '暖心民政']);
  });
});
