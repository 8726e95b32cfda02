import { describe, expect, it } from 'vitest';
import { findFormulaItems, formulaCount } from '@/lib/annotate/formula-items';

/** The text after the phrase, as the card passes it (the phrase's block from its end on). */
const after = (text: string, phrase: string) => text.slice(text.indexOf(phrase) + phrase.length);
const items = (text: string, phrase: string) => findFormulaItems(phrase, after(text, phrase));

describe('a numbered formula’s items, found in the text', () => {
  it('reads the count a formula starts with', () => {
    expect(formulaCount('四港')).toBe(4);
    expect(formulaCount('三件大事')).toBe(3);
    expect(formulaCount('两个确立')).toBe(2);
    expect(formulaCount('十大工程')).toBe(10);
    expect(formulaCount('十二项行动')).toBe(12);
    expect(formulaCount('十四五')).toBeUndefined();
    expect(formulaCount('链长制')).toBeUndefined();
  });

  it('finds items in brackets right after the phrase', () => {
    expect(items('推进“四港”联动（海港、陆港、空港、信息港），打造开放高地。', '四港')).toEqual(['海港', '陆港', '空港', '信息港']);
  });

  it('finds a 、-list in the same sentence, trimming its lead-in and what follows the last item', () => {
    expect(items('全力推进“四港”联动，即海港、陆港、空港、信息港协同发展。', '四港')).toEqual(['海港', '陆港', '空港', '信息港']);
    expect(items('“四港”联动持续深化，推进海港、陆港、空港和信息港一体化。', '四港')).toEqual(['海港', '陆港', '空港', '信息港']);
  });

  it('finds a list in the next sentence', () => {
    const text = '我市聚焦三件大事。推进共同富裕、数字化改革、营商环境优化。其他工作有序开展。';
    expect(items(text, '三件大事')).toEqual(['共同富裕', '数字化改革', '营商环境优化']);
  });

  it('finds items after a colon', () => {
    expect(items('突出三件大事：招商引资、项目建设、民生实事。', '三件大事')).toEqual(['招商引资', '项目建设', '民生实事']);
    expect(items('做好三件大事：一抓产业升级；二抓城市更新；三抓民生保障。', '三件大事')).toEqual(['一抓产业升级', '二抓城市更新', '三抓民生保障']);
  });

  it('finds 一是…二是…三是…', () => {
    const text = '落实三个坚持，一是坚持人民至上，二是坚持问题导向，三是坚持系统观念。';
    expect(items(text, '三个坚持')).toEqual(['坚持人民至上', '坚持问题导向', '坚持系统观念']);
  });

  it('offers nothing when the count does not fit or there is no list', () => {
    expect(items('推进“四港”联动（海港、陆港、空港）。', '四港')).toBeUndefined();
    expect(items('推进“四港”联动，打造开放高地。下一步继续努力。', '四港')).toBeUndefined();
    // a list two sentences on is not the formula's
    expect(items('聚焦三件大事。成效明显。推进甲、乙、丙。', '三件大事')).toBeUndefined();
  });

  it('takes a phrase without a number when at least two items are listed', () => {
    expect(items('实施“链长制”（链长、链主、专员）。', '链长制')).toEqual(['链长', '链主', '专员']);
  });
});
