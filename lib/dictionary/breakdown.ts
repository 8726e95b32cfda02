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
}

export function breakDown(phrase: string, cut: (text: string) => string[], reader: WordReader, dict: Dictionary): PhraseBreakdown {
  const pieces = cut(phrase).filter(hasHan);
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

/** The breakdown as the text an explanation starts from: 四港 (sì gǎng): 四 sì "four" + 港 gǎng "harbor". */
export function breakdownText(breakdown: PhraseBreakdown, items: readonly string[] = []): string {
  const parts = breakdown.words.map((w) => `${w.word} ${w.pinyin}${w.english ? ` "${w.english}"` : ''}`);
  const lines = [`${breakdown.phrase}: ${parts.join(' + ')}`];
  if (items.length) lines.push(items.join('、'));
  return lines.join('\n');
}
