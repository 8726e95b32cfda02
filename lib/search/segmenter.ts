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
}

const WORDISH = /[\p{Script=Han}\p{L}\p{N}]/u;
/** Function words too common to help a search; leaving them out keeps the index small. */
const STOP = new Set(['的', '了', '和', '与', '及', '等', '在', '是', '为', '对', '将', '把', '被', '也', '都', '并', '而', '其', '之', '以', '于', '中', '上', '年', '月', '日']);

/** Glossary spellings that jieba should keep whole. */
export function glossaryWords(entries: Iterable<GlossaryEntry>): string[] {
  const words = new Set<string>();
  for (const e of entries) for (const s of [e.term, ...e.forms]) if (hasHan(s) && !/\s/.test(s)) words.add(s);
  return [...words];
}

export function createSegmenter(jieba: JiebaApi, words: Iterable<string>): Segmenter {
  // A high frequency makes jieba prefer the whole term over its parts.
  for (const w of words) jieba.add_word(w, 100000, 'nz');
  return {
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
