import { isHanCode } from '../han';
import type { GlossaryEntry } from './types';

/** One reading per character of a text, read in context (null for what is not a Han character). */
export type CharReader = (text: string) => (string | null)[];

/**
 * The pinyin of every written form of an entry, so a card and the ruby show what is actually written
 * (人大 → rén dà under the headword 人民代表大会). Characters the headword shares take its hand-checked
 * reading (polyphones were settled there by meaning: 河长制 zhǎng, 农发行 háng); the others are read
 * in context by `read` (lib/pinyin: pinyin-pro with this project's polyphone overrides). Made at build time.
 */
export function formPinyinOf(entry: GlossaryEntry, read: CharReader): Record<string, string> {
  const curated = new Map<string, string>();
  const syllables = entry.pinyin.trim().split(/\s+/);
  let k = 0;
  for (const ch of entry.term) {
    if (!isHanCode(ch.charCodeAt(0))) continue;
    const s = syllables[k++];
    if (s && !curated.has(ch)) curated.set(ch, s.toLowerCase());
  }
  const result: Record<string, string> = {};
  for (const form of entry.forms) {
    const chars = [...form];
    const inContext = read(form);
    const out: string[] = [];
    chars.forEach((ch, i) => {
      if (!isHanCode(ch.charCodeAt(0))) return;
      out.push(curated.get(ch) ?? inContext[i] ?? '?');
    });
    result[form] = out.join(' ');
  }
  return result;
}
