import type { Dictionary } from './reader';

/**
 * Pinyin of Han text from the dictionary alone (the background has the dictionary, not pinyin-pro):
 * the longest headword at each position, read as its first common-word entry (lower-case pinyin;
 * capitals mark proper nouns in CC-CEDICT). A character the dictionary lacks reads as "?".
 */
export function pinyinFromDictionary(dict: Dictionary, hanText: string): string[] {
  const syllables: string[] = [];
  for (let i = 0; i < hanText.length; ) {
    const match = dict.wordsAt(hanText, i)[0];
    const entry = match?.entries.find((e) => e.pinyin && e.pinyin === e.pinyin.toLowerCase()) ?? match?.entries[0];
    const read = entry?.pinyin.toLowerCase().split(' ') ?? [];
    if (match && read.length === match.word.length) {
      syllables.push(...read);
      i += match.word.length;
    } else {
      syllables.push('?');
      i++;
    }
  }
  return syllables;
}
