// @vitest-environment jsdom
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as jieba from 'jieba-wasm';
import { collectRuns } from '@/lib/annotate/blocks';
import { newLedger, unwrapAll } from '@/lib/annotate/wrap';
import { buildRt, layOut, toneOf, wrapRuby, type PinyinWord } from '@/lib/annotate/pinyin-ruby';
import { PinyinLayer } from '@/lib/annotate/pinyin-layer';
import { openDictionary } from '@/lib/dictionary';
import { WordReader } from '@/lib/pinyin/word-readings';
import { createSegmenter } from '@/lib/search/segmenter';
import { buildPinyinChoices } from '@/scripts/build-pinyin-choices';

const dictionaryFile = resolve(import.meta.dirname, '../../.wxt/dictionary.bin');
const dict = openDictionary(readFileSync(dictionaryFile));
// The build's table when there is one (made by `npx wxt build`), else made here (a few seconds).
const choicesFile = resolve(import.meta.dirname, '../../.wxt/pinyin-choices.json');
const choices = existsSync(choicesFile) ? (JSON.parse(readFileSync(choicesFile, 'utf8')) as Record<string, string>) : buildPinyinChoices(dictionaryFile);
const reader = new WordReader(dict, choices);
const segmenter = createSegmenter(jieba, []);

/** What the background answers for a text (entrypoints/background/pinyin.ts without the messaging). */
function read(text: string): PinyinWord[] {
  const words = segmenter.cut(text);
  const readings = reader.block(words);
  return words.map((w, i) => [w.length, readings[i]!]);
}
const pinyin = (text: string) => reader.block(segmenter.cut(text)).flat().filter(Boolean).join(' ');

describe('pinyin from the dictionary, as the background reads it', () => {
  it.each([
    ['人大', 'rén dà'],
    ['自贸区', 'zì mào qū'],
    ['银行', 'yín háng'],
    ['长三角', 'cháng sān jiǎo'],
    ['重庆', 'chóng qìng'],
    ['银行长期贷款', 'yín háng cháng qī dài kuǎn'],
    ['重点工作', 'zhòng diǎn gōng zuò'],
    ['了解情况', 'liǎo jiě qíng kuàng'],
    ['工作做好了', 'gōng zuò zuò hǎo le'],
    ['率先发展', 'shuài xiān fā zhǎn'],
    ['台州', 'tāi zhōu'],
    ['銀行', 'yín háng'],
  ])('%s → %s', (text, expected) => {
    expect(pinyin(text)).toBe(expected);
  });

  it('reads nothing but Han characters', () => {
    const words = read('5G基站，2024年');
    const syllables = words.flatMap(([, s]) => s);
    expect(syllables.filter(Boolean)).toEqual(['jī', 'zhàn', 'nián']);
    expect(words.reduce((n, [length]) => n + length, 0)).toBe('5G基站，2024年'.length);
  });
});

describe('the ruby builder', () => {
  it('tells tones from marks', () => {
    expect(['mā', 'má', 'mǎ', 'mà', 'ma', 'lǜ', 'nǚ'].map(toneOf)).toEqual([1, 2, 3, 4, 5, 4, 3]);
  });

  it('builds a plain <rt>, or one with a tone per syllable', () => {
    expect(buildRt(document, ['yín', 'háng'], 'off').outerHTML).toBe('<rt data-yidu-ruby="">yín háng</rt>');
    expect(buildRt(document, ['yín', 'háng'], 'pleco').outerHTML).toBe(
      '<rt data-yidu-ruby="" data-yidu-tones="pleco"><span data-yidu-tone="2">yín</span> <span data-yidu-tone="2">háng</span></rt>',
    );
  });

  it('lays readings out on UTF-16 offsets, surrogate pairs included', () => {
    const text = '𠀀人大';
    const { readings, words } = layOut(text, [[2, [null]], [2, ['rén', 'dà']]]);
    expect(readings).toEqual([null, null, 'rén', 'dà']);
    expect(words).toEqual([{ start: 2, end: 4 }]);
  });

  it('wraps each word (one ruby per piece across inline tags) and restores the HTML exactly', () => {
    const html = '<p>坚持<a href="#">八八</a>战略，<b>银行</b>长期支持。Latin 5G</p><p>重庆自贸区</p>';
    document.body.innerHTML = html;
    const ledger = newLedger();
    for (const run of collectRuns(document.body)) {
      const { readings, words } = layOut(run.text, read(run.text));
      wrapRuby(run, words, readings, 'off', ledger);
    }
    const rubies = [...document.querySelectorAll('ruby')].map((r) => [r.firstChild!.textContent, r.querySelector('rt')?.textContent]);
    expect(rubies).toContainEqual(['银行', 'yín háng']);
    expect(rubies).toContainEqual(['长期', 'cháng qī']);
    expect(rubies).toContainEqual(['重庆', 'chóng qìng']);
    // 八八战略 crosses the link: each piece has the syllables of its own characters.
    expect(document.querySelector('a ruby rt')?.textContent).toBe('bā bā');
    expect(document.body.textContent).toContain('Latin 5G');
    unwrapAll(ledger);
    expect(document.body.innerHTML).toBe(html);
  });

  it('runs as a layer over jargon only, and detaches exactly', async () => {
    const html = '<p>推进<yidu-mark data-yidu-term="x">长三角</yidu-mark>一体化，银行支持。</p>';
    document.body.innerHTML = html;
    const layer = new PinyinLayer();
    await layer.attach(document.body, { mode: 'jargon', colours: 'off', read: async (texts) => texts.map(read) });
    expect([...document.querySelectorAll('ruby')].map((r) => r.closest('yidu-mark') !== null)).toEqual([true]);
    expect(document.querySelector('rt')?.textContent).toBe('cháng sān jiǎo');
    await layer.detach();
    expect(document.body.innerHTML).toBe(html);
  });
});
