/**
 * Pinyin of text as it is written, read in context: 人大 is rén dà (not the full name's reading),
 * 银行 yín háng, 重庆 chóng qìng. pinyin-pro chooses among a character's readings from the words around
 * it; a short list of fixes (./overrides.ts) corrects what it gets wrong in this genre. Tones are the
 * dictionary's (一 yī, 不 bù), without tone sandhi, matching CC-CEDICT and the glossary.
 */
import { pinyin } from 'pinyin-pro';
import traditionalPairs from '../../assets/traditional-fold.json';
import { applyOverrides } from './overrides';

export interface CharReading {
  /** One character (a code point) of the text. */
  text: string;
  /** Its pinyin with tone marks, or null for anything that is not a Chinese character pinyin-pro knows. */
  pinyin: string | null;
}

/**
 * pinyin-pro reads traditional text badly (銀行 → yín xíng, 重慶 → zhòng qìng), so text is read in its
 * simplified form, character for character (positions stay put). The matcher's fold table serves, except
 * for characters that are also ordinary simplified ones and would change meaning: 么 and 著 are never
 * folded (什么, 显著), 麼/麽 go to 么 (the table sends them to 幺), and 乾 (乾隆 in simplified text, 乾淨
 * in traditional) is folded to 干 only when the text has other traditional characters.
 */
const NEVER_FOLD = new Set(['么', '著', '乾']);
const FOLD_IF_TRADITIONAL: Record<string, string> = { 乾: '干' };
const FOLD_ALWAYS: Record<string, string> = { 麼: '么', 麽: '么' };

let foldMap: Map<string, string> | undefined;

function folds(): Map<string, string> {
  if (foldMap) return foldMap;
  // An object, not a bare JSON string: the config loader (jiti) cannot import a top-level string.
  const { pairs } = traditionalPairs as { pairs: string };
  const map = new Map<string, string>();
  for (let i = 0; i + 1 < pairs.length; i += 2) {
    if (!NEVER_FOLD.has(pairs[i]!)) map.set(pairs[i]!, pairs[i + 1]!);
  }
  for (const [from, to] of Object.entries(FOLD_ALWAYS)) map.set(from, to);
  foldMap = map;
  return map;
}

/** The text's code points in simplified form, one for one. */
function simplifiedChars(chars: string[]): string[] {
  const map = folds();
  const traditional = chars.some((ch) => map.has(ch) && !(ch in FOLD_ALWAYS));
  return chars.map((ch) => map.get(ch) ?? (traditional ? FOLD_IF_TRADITIONAL[ch] : undefined) ?? ch);
}

const PINYIN_SYLLABLE = /^[a-zA-Züāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜêḿń]+$/;

/** Each character of `text` with its pinyin in context (null for punctuation, Latin letters, digits…). */
export function readingOf(text: string): CharReading[] {
  const chars = Array.from(text);
  if (!chars.length) return [];
  const simplified = simplifiedChars(chars);
  // type 'array' gives one item per code point and is several times faster than type 'all'.
  let raw = pinyin(simplified.join(''), { type: 'array', toneSandhi: false });
  // Should a future pinyin-pro group characters differently, read them one by one rather than misalign.
  if (raw.length !== simplified.length) raw = simplified.map((ch) => pinyin(ch, { toneSandhi: false }));
  const readings = simplified.map((ch, i) => {
    const r = raw[i];
    // pinyin-pro hands back anything it cannot read unchanged. A syllable may have no plain Latin
    // letter at all (额 é, 鹅 é), so the test is "only pinyin letters", not "some a–z".
    return r !== undefined && r !== ch && PINYIN_SYLLABLE.test(r) ? r : null;
  });
  applyOverrides(simplified, readings);
  return chars.map((ch, i) => ({ text: ch, pinyin: readings[i] ?? null }));
}

/**
 * The pinyin of a word or phrase as one string: syllables separated by spaces, anything that is not a
 * Chinese character kept as written (5G基站 → "5G jī zhàn"); null when nothing in it has a reading.
 */
export function pinyinOfWord(word: string): string | null {
  const parts: string[] = [];
  let other = '';
  let any = false;
  for (const { text, pinyin: py } of readingOf(word)) {
    if (py === null) {
      if (/\s/.test(text)) {
        if (other) parts.push(other);
        other = '';
      } else other += text;
      continue;
    }
    if (other) parts.push(other);
    other = '';
    parts.push(py);
    any = true;
  }
  if (other) parts.push(other);
  return any ? parts.join(' ') : null;
}

/** One tone-marked syllable per Han character of `text`, read in context (for a new entry's pinyin). */
export function syllablesOf(text: string): string[] {
  return readingOf(text).flatMap((r) => (r.pinyin ? [r.pinyin] : []));
}
