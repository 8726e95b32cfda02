/**
 * Word segmentation for search: jieba (jieba-wasm, the WASM build of jieba-rs) with every glossary
 * spelling added as a word, so jargon stays whole (八八战略, not 八八|战略). The same code runs on the
 * web build in extension pages and on the Node build in tests and benchmarks.
 */
import { hasHan } from '../han';
import type { GlossaryEntry } from '../glossary/types';

/** The part of jieba-wasm's API we use (identical in its web and Node builds). */
export interface JiebaApi {
  cut(text: string, hmm?: boolean | null): string[];
  add_word(word: string, freq?: number | null, tag?: string | null): number;
}

export interface Segmenter {
  /** Search tokens of `text`: Chinese words and lower-case Latin words/numbers, no punctuation or spaces. */
  tokens(text: string): string[];
  /** Every piece of `text` in order, punctuation and spaces included (they join back into `text`). */
  cut(text: string): string[];
  /** Whether jieba's dictionary (glossary words included) holds `text` as one word, new-word guessing off. */
  isWord(text: string): boolean;
}

const WORDISH = /[\p{L}\p{N}]/u;
/** Function words too common to help a search; leaving them out keeps the index small. */
const STOP = new Set(['的', '了', '和', '与', '及', '等', '在', '是', '为', '对', '将', '把', '被', '也', '都', '并', '而', '其', '之', '以', '于', '中', '上', '年', '月', '日']);

/** A word for jieba, and how strongly it should be preferred over its parts. */
export type WeightedWord = readonly [word: string, frequency: number];

/** Glossary terms win over their parts (八八战略, not 八八|战略). */
const TERM_FREQUENCY = 100000;

/**
 * Glossary spellings that jieba should keep whole, each with its weight. Forms guarded as whole words
 * (人大, 职教, 交通局) are left out: added, even weakly, they win inside 男人大, 兼职教授 or 交通局部,
 * which is exactly what their guard asks jieba's own judgement to rule out.
 */
export function glossaryWords(entries: Iterable<GlossaryEntry>): WeightedWord[] {
  const words = new Map<string, number>();
  for (const e of entries) {
    for (const s of [e.term, ...e.forms]) {
      if (hasHan(s) && !/\s/.test(s) && !e.guards?.[s]?.wholeWord) words.set(s, TERM_FREQUENCY);
    }
  }
  return [...words];
}

export function createSegmenter(jieba: JiebaApi, words: Iterable<string | WeightedWord>): Segmenter {
  for (const w of words) {
    if (typeof w === 'string') jieba.add_word(w, TERM_FREQUENCY, 'nz');
    else jieba.add_word(w[0], w[1], 'nz');
  }
  return {
    cut: (text: string) => jieba.cut(text, true),
    isWord: (text: string) => jieba.cut(text, false).length === 1,
    tokens(text: string): string[] {
      const out: string[] = [];
      for (const raw of jieba.cut(text.normalize('NFKC'), true)) {
        const token = raw.trim().toLowerCase();
        if (!token || !WORDISH.test(token) || STOP.has(token)) continue;
        out.push(token);
      }
      return out;
    },
  };
}
