import type { PhraseKind } from '../annotate/candidates';
import type { Dictionary } from './reader';

/**
 * A quoted phrase as the dictionary knows it: an ordinary word (lower-case pinyin: 了解, 中国 as a
 * word, 五一), a name (only capitalised readings: 马克龙), or unknown (a coinage: a candidate for jargon).
 */
export function phraseKind(dict: Dictionary, phrase: string, isSegmenterWord?: (phrase: string) => boolean): PhraseKind {
  const entries = dict.lookup(phrase);
  // jieba's dictionary (without new-word guessing) knows many set phrases CC-CEDICT lacks (降本增效, 订单农业).
  if (entries.length === 0) return isSegmenterWord?.(phrase) ? 'word' : 'unknown';
  return entries.some((e) => e.pinyin !== '' && e.pinyin === e.pinyin.toLowerCase()) ? 'word' : 'name';
}
