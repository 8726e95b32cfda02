import { describe, expect, it } from 'vitest';
import { pinyinOfWord, readingOf } from '@/lib/pinyin';
import { PINYIN_OVERRIDES } from '@/lib/pinyin/overrides';

// Readings as a dictionary gives them (一 yī, 不 bù: no tone sandhi), of the characters as written.
// Rows marked * fail with pinyin-pro 3.29 alone and pass only through lib/pinyin/overrides.ts.
const READINGS: [string, string][] = [
  ['人大', 'rén dà'],
  ['人大代表', 'rén dà dài biǎo'],
  ['全国人大常委会', 'quán guó rén dà cháng wěi huì'],
  ['自贸区', 'zì mào qū'],
  ['银行', 'yín háng'],
  ['长三角', 'cháng sān jiǎo'],
  ['长三角一体化', 'cháng sān jiǎo yī tǐ huà'],
  ['重庆', 'chóng qìng'],
  ['重要', 'zhòng yào'],
  ['行政', 'xíng zhèng'],
  ['调研', 'diào yán'],
  ['干部', 'gàn bù'],
  ['都市', 'dū shì'],
  ['首都', 'shǒu dū'],
  ['都是', 'dōu shì'],
  ['行长', 'háng zhǎng'],
  ['银行行长', 'yín háng háng zhǎng'],
  ['银行长期贷款', 'yín háng cháng qī dài kuǎn'],
  ['银行长期', 'yín háng cháng qī'], // *
  ['市长', 'shì zhǎng'],
  ['经济增长', 'jīng jì zēng zhǎng'],
  ['长期', 'cháng qī'],
  ['重新', 'chóng xīn'],
  ['重点', 'zhòng diǎn'],
  ['调整', 'tiáo zhěng'],
  ['调查', 'diào chá'],
  ['宏观调控', 'hóng guān tiáo kòng'],
  ['干净', 'gān jìng'],
  ['会计', 'kuài jì'],
  ['着力', 'zhuó lì'],
  ['处理', 'chǔ lǐ'],
  ['副处长', 'fù chù zhǎng'], // *
  ['差距', 'chā jù'],
  ['出差', 'chū chāi'],
  ['供给侧', 'gōng jǐ cè'],
  ['率先', 'shuài xiān'], // *
  ['效率', 'xiào lǜ'],
  ['还款', 'huán kuǎn'], // *
  ['还是', 'hái shì'],
  ['了解', 'liǎo jiě'],
  ['种植', 'zhòng zhí'], // *
  ['种类', 'zhǒng lèi'],
  ['角色', 'jué sè'],
  ['投降', 'tóu xiáng'],
  ['降低', 'jiàng dī'],
  ['适应', 'shì yìng'],
  ['几乎', 'jī hū'],
  ['爱好', 'ài hào'],
  ['更加', 'gèng jiā'],
  ['更新', 'gēng xīn'],
  ['量化', 'liàng huà'], // *
  ['载体', 'zài tǐ'], // *
  ['资产重组', 'zī chǎn chóng zǔ'], // *
  ['要重构体系', 'yào chóng gòu tǐ xì'], // *
  ['比重构成', 'bǐ zhòng gòu chéng'], // guard: 比重|构成
  ['注重振兴乡村', 'zhù zhòng zhèn xīng xiāng cūn'], // guard: 注重|振兴
  ['倒逼改革', 'dào bī gǎi gé'], // *
  ['干字当头', 'gàn zì dāng tóu'], // *
  ['朝鲜', 'cháo xiǎn'], // *
  ['台州', 'tāi zhōu'], // *
  ['乐清市', 'yuè qīng shì'], // *
  ['宁波', 'níng bō'],
  ['厦门', 'xià mén'],
  ['丽水', 'lí shuǐ'],
  ['分行', 'fēn háng'], // *
  ['行业', 'háng yè'],
  ['进行', 'jìn xíng'],
  ['传记', 'zhuàn jì'],
  ['宣传', 'xuān chuán'],
  ['一带一路', 'yī dài yī lù'],
  ['不断', 'bù duàn'],
  ['不要', 'bù yào'],
  ['一个', 'yī gè'],
  // Traditional text is read in its simplified form.
  ['銀行', 'yín háng'],
  ['重慶', 'chóng qìng'],
  ['長三角', 'cháng sān jiǎo'],
  ['幹部', 'gàn bù'],
  ['什麼', 'shén me'],
  ['乾淨', 'gān jìng'],
  // …but 乾 in simplified text stays qián.
  ['乾隆', 'qián lóng'],
];

describe('pinyin as written, in context', () => {
  it('has a table of at least 40 readings', () => {
    expect(READINGS.length).toBeGreaterThanOrEqual(40);
  });

  it.each(READINGS)('%s → %s', (word, reading) => {
    expect(pinyinOfWord(word)).toBe(reading);
  });

  it('reads a word the same inside a sentence', () => {
    const sentence = '全市干部在长三角一体化中率先行动，重庆银行长期支持。';
    const py = readingOf(sentence).map((r) => r.pinyin ?? r.text).join(' ');
    expect(py).toContain('gàn bù');
    expect(py).toContain('cháng sān jiǎo');
    expect(py).toContain('shuài xiān');
    expect(py).toContain('chóng qìng yín háng cháng qī');
  });

  it('gives one reading per character, null where there is nothing to read', () => {
    expect(readingOf('重庆A1，𠀀 人大')).toEqual([
      { text: '重', pinyin: 'chóng' },
      { text: '庆', pinyin: 'qìng' },
      { text: 'A', pinyin: null },
      { text: '1', pinyin: null },
      { text: '，', pinyin: null },
      { text: '𠀀', pinyin: null },
      { text: ' ', pinyin: null },
      { text: '人', pinyin: 'rén' },
      { text: '大', pinyin: 'dà' },
    ]);
    expect(readingOf('')).toEqual([]);
    expect(pinyinOfWord('5G基站')).toBe('5G jī zhàn');
    expect(pinyinOfWord('ABC')).toBeNull();
  });

  it('has one syllable (or *) per character in every override', () => {
    for (const [word, reading] of Object.entries(PINYIN_OVERRIDES)) {
      expect(reading.split(' ').length, word).toBe([...word].length);
      for (const s of reading.split(' ')) expect(s, word).toMatch(/^(\*|[a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+)$/);
    }
  });
});
