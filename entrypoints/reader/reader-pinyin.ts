/**
 * The pinyin mode in the reader: the same layer as on web pages, read here with pinyin-pro's context
 * readings (lib/pinyin, loaded on first use: this page may load it) over the words of this page's
 * jieba (the search's segmenter, glossary words whole).
 */
import type { PinyinWord } from '@/lib/annotate/pinyin-ruby';
import { pageSegmenter } from '@/lib/search/search-service';

export async function readInReader(texts: string[]): Promise<PinyinWord[][]> {
  const [{ readingOf }, segmenter] = await Promise.all([import('@/lib/pinyin'), pageSegmenter()]);
  return texts.map((text) => {
    // One pass of pinyin-pro over the whole block (its context), then split along jieba's words.
    const readings = readingOf(text).map((r) => r.pinyin);
    let at = 0;
    return segmenter.cut(text).map((word): PinyinWord => {
      const n = Array.from(word).length;
      const syllables = readings.slice(at, at + n);
      at += n;
      return [word.length, syllables];
    });
  });
}
