/**
 * Unknown jargon taken apart for its card: the phrase cut into words (the same jieba as everywhere),
 * each with its pinyin as written and its first English sense in CC-CEDICT. Runs in the background,
 * where the dictionary and jieba live.
 */
import type { Dictionary } from './reader';
import type { WordReader } from '../pinyin/word-readings';
import { hasHan } from '../han';

export interface BreakdownWord {
  word: string;
  /** Syllables separated by spaces, or '' when nothing in the word is read. */
  pinyin: string;
  /** The first sense of the entry with that reading, or null when CC-CEDICT lacks the word. */
  english: string | null;
}

export interface PhraseBreakdown {
  phrase: string;
  words: BreakdownWord[];
  /** A numbered formula's items as the article lists them (lib/annotate/formula-items.ts), when found. */
  items?: string[];
}

export function breakDown(phrase: string, cut: (text: string) => string[], reader: WordReader, dict: Dictionary): PhraseBreakdown {
  // A word jieba made up (四港: its HMM joins unknown characters) is shown as the dictionary's words in it.
  const pieces = cut(phrase)
    .filter(hasHan)
    .flatMap((word) => (dict.has(word) ? [word] : dictionaryWords(word, dict)));
  const readings = reader.block(pieces);
  const words = pieces.map((word, i): BreakdownWord => {
    const pinyin = readings[i]!.filter((s): s is string => s !== null).join(' ');
    const entries = dict.lookup(word);
    // The sense that goes with the reading shown (行 háng "row; profession", not xíng "to walk").
    const entry = entries.find((e) => e.pinyin.normalize('NFC').toLowerCase() === pinyin) ?? entries[0];
    return { word, pinyin, english: entry?.senses[0] ?? null };
  });
  return { phrase, words };
}

/** `word` as CC-CEDICT's longest headwords, left to right (a character it lacks stands alone). */
function dictionaryWords(word: string, dict: Dictionary): string[] {
  const out: string[] = [];
  for (let i = 0; i < word.length; ) {
    const piece = dict.longestMatches(word, i)[0] ?? String.fromCodePoint(word.codePointAt(i)!);
    out.push(piece);
    i += piece.length;
  }
  return out;
}
