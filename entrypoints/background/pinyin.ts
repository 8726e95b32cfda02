/**
 * The pinyin of pages' text, once per browser, here in the background beside jieba and CC-CEDICT: words
 * from the segmenter (glossary words whole), readings from the dictionary with the build-time choices
 * (pinyin-choices.json) and the polyphone fixes. pinyin-pro itself (300 KB of code) stays out: a
 * service worker cannot import() it lazily, and its choices among the dictionary's readings ship as data.
 */
import { browser } from '#imports';
import { WordReader, type PinyinChoices } from '@/lib/pinyin/word-readings';
import type { PinyinWord } from '@/lib/annotate/pinyin-ruby';
import type { GlossaryStore } from '@/lib/glossary/store';
import { backgroundDictionary } from './dictionary';
import { backgroundSegmenter } from './segmenter';

let reader: Promise<WordReader> | undefined;

export function backgroundWordReader(): Promise<WordReader> {
  reader ??= (async () => {
    // Added by a build hook, so WXT's typed list of public paths does not know it.
    const response = await fetch((browser.runtime.getURL as (path: string) => string)('/pinyin-choices.json'));
    if (!response.ok) throw new Error(`pinyin choices: HTTP ${response.status}`);
    const choices = (await response.json()) as PinyinChoices;
    return new WordReader(await backgroundDictionary(), choices);
  })().catch((err: unknown) => {
    reader = undefined;
    throw err;
  });
  return reader;
}

/** Each text cut into words, each word with its length (UTF-16 units) and one syllable or null per code point. */
export async function readPinyin(store: GlossaryStore, texts: string[]): Promise<PinyinWord[][]> {
  const [segmenter, words] = await Promise.all([backgroundSegmenter(store), backgroundWordReader()]);
  return texts.map((text) => {
    const pieces = segmenter.cut(text);
    const readings = words.block(pieces);
    return pieces.map((piece, i): PinyinWord => [piece.length, readings[i]!]);
  });
}
