/**
 * Pinyin of segmented text from CC-CEDICT, for the background (which keeps the dictionary and jieba
 * anyway, and cannot load pinyin-pro's 300 KB: service workers cannot import() lazily). Each word is
 * read as the dictionary writes it, so 人大 is rén dà and 银行 yín háng whatever the glossary's headword;
 * where CC-CEDICT has several readings of a word or a character, `choices` (made at build time by
 * scripts/build-pinyin-choices.ts from pinyin-pro's reading of the word alone) picks one; then the
 * polyphone fixes of ./overrides.ts are applied across the whole block, as lib/pinyin does.
 * Imports nothing from pinyin-pro.
 */
import type { Dictionary, DictionaryEntry } from '../dictionary';
import { applyOverrides } from './overrides';
import { isHanCode } from '../han';

/** Word (simplified or traditional, as CC-CEDICT writes it) → its reading, syllables separated by spaces. */
export type PinyinChoices = Readonly<Record<string, string>>;

/** A code point's reading, or null for anything that is not read (punctuation, Latin, unknown characters). */
export type Syllable = string | null;

/** Senses that make an entry a poor default reading (a surname, a variant, a rare literary sense). */
const MINOR_SENSE = /^(?:surname |variant of|old variant|used in |see |\(archaic\)|\(literary\)|\(old\))/;

/** CC-CEDICT's reading of a word when nothing else decides: its first common-word entry with one syllable per character. */
export function defaultReading(entries: readonly DictionaryEntry[], length: number): string | undefined {
  const fits = entries.filter((e) => e.pinyinNumbered.split(' ').length === length);
  const lower = fits.filter((e) => e.pinyin === e.pinyin.toLowerCase());
  const major = lower.find((e) => !e.senses.every((s) => MINOR_SENSE.test(s)));
  const entry = major ?? lower[0] ?? fits[0];
  return entry && normalise(entry.pinyin);
}

/**
 * Characters standing as words of their own in running text, read as they most often are there: the
 * particles (了 le, 地 de, 着 zhe), not the reading of the character cited alone (liǎo, dì, zháo) that
 * pinyin-pro gives a lone character and the choices table therefore holds.
 */
const ALONE: Record<string, string> = {
  的: 'de', 了: 'le', 地: 'de', 得: 'de', 着: 'zhe', 只: 'zhǐ', 还: 'hái', 都: 'dōu', 长: 'cháng', 和: 'hé',
  为: 'wèi', 行: 'xíng', 要: 'yào', 数: 'shù', 种: 'zhǒng', 便: 'biàn', 重: 'zhòng', 处: 'chù', 更: 'gèng',
  个: 'gè', 大: 'dà', 一: 'yī', 不: 'bù', 没: 'méi', 会: 'huì', 把: 'bǎ', 给: 'gěi', 与: 'yǔ', 将: 'jiāng',
  当: 'dāng', 少: 'shǎo', 发: 'fā', 看: 'kàn', 好: 'hǎo', 中: 'zhōng', 相: 'xiāng', 强: 'qiáng', 分: 'fēn',
  间: 'jiān', 应: 'yīng', 据: 'jù', 干: 'gàn', 难: 'nán', 差: 'chà', 降: 'jiàng', 空: 'kōng', 倒: 'dào',
  省: 'shěng', 曾: 'céng', 参: 'cān', 似: 'sì', 吗: 'ma', 呢: 'ne', 吧: 'ba', 么: 'me', 啊: 'a', 哪: 'nǎ',
  那: 'nà', 万: 'wàn', 教: 'jiào', 传: 'chuán', 量: 'liàng', 乐: 'lè', 觉: 'jué', 假: 'jià', 背: 'bèi',
};

function normalise(pinyin: string): string {
  return pinyin.normalize('NFC').toLowerCase();
}

export class WordReader {
  private readonly cache = new Map<string, Syllable[]>();

  constructor(
    private readonly dict: Dictionary,
    private readonly choices: PinyinChoices = {},
  ) {}

  /** The reading of a headword exactly as written, or undefined when CC-CEDICT lacks it. */
  private headword(word: string, length: number, alone: boolean): Syllable[] | undefined {
    // A character inside a longer word the dictionary lacks (用|地 of 工业用地) is no particle.
    const chosen = (alone ? ALONE[word] : undefined) ?? this.choices[word];
    if (chosen !== undefined) return chosen.split(' ');
    const reading = defaultReading(this.dict.lookup(word), length);
    return reading?.split(' ');
  }

  /** One syllable (or null) per code point of `word`: the whole word if CC-CEDICT has it, else its longest headwords left to right. */
  word(word: string): Syllable[] {
    const cached = this.cache.get(word);
    if (cached) return cached;
    const chars = Array.from(word);
    const out: Syllable[] = [];
    // Offsets in UTF-16 units for the dictionary, in code points for the output.
    for (let i = 0, unit = 0; i < chars.length; ) {
      let read: Syllable[] | undefined;
      let taken = '';
      for (const candidate of this.dict.longestMatches(word, unit)) {
        read = this.headword(candidate, Array.from(candidate).length, candidate === word);
        if (read) {
          taken = candidate;
          break;
        }
      }
      if (!read) {
        out.push(null);
        unit += chars[i]!.length;
        i++;
        continue;
      }
      out.push(...read);
      const n = Array.from(taken).length;
      i += n;
      unit += taken.length;
    }
    // Only Han characters are read (CC-CEDICT writes T恤 as "T xu4"; the T is not a syllable).
    chars.forEach((ch, k) => {
      if (!isHanCode(ch.charCodeAt(0))) out[k] = null;
    });
    // Cached per word: news repeats its words, and a page's blocks come in several requests.
    if (this.cache.size > 50_000) this.cache.clear();
    this.cache.set(word, out);
    return out;
  }

  /**
   * The readings of a block already cut into words (the pieces join back into the block): per word,
   * one syllable or null per code point, with the polyphone fixes applied across word boundaries.
   */
  block(words: readonly string[]): Syllable[][] {
    const chars: string[] = [];
    const readings: Syllable[] = [];
    for (const w of words) {
      chars.push(...Array.from(w));
      readings.push(...this.word(w));
    }
    applyOverrides(chars, readings);
    let at = 0;
    return words.map((w) => {
      const n = Array.from(w).length;
      const slice = readings.slice(at, at + n);
      at += n;
      return slice;
    });
  }
}
