/**
 * Readings pinyin-pro 3.29 gets wrong in policy and Zhejiang news, checked one by one against its output
 * (and CC-CEDICT where it has the word). Applied over pinyin-pro's reading, leftmost-longest, on the
 * simplified form of the text.
 *
 * Each value gives one syllable per character; `*` keeps pinyin-pro's reading. Entries whose only job is
 * `*`s and the reading pinyin-pro already gives are guards: a fix such as 重构 → chóng gòu must not fire
 * inside 比重|构成 or 注重|振兴, and since matching is leftmost-longest, a guard that starts earlier
 * (比重, 注重) wins over the fix.
 */

const FIXES: Record<string, string> = {
  // 率 is shuài (to lead), not lǜ (rate), in these.
  率先: 'shuài xiān',
  // Official titles: 长 is zhǎng (head of).
  处长: 'chù zhǎng',
  // 处 is chǔ (to be situated) here.
  处在: 'chǔ zài',
  种植: 'zhòng zhí',
  量化: 'liàng huà',
  载体: 'zài tǐ',
  还款: 'huán kuǎn',
  还贷: 'huán dài',
  // 行 as a bank or a trade: háng.
  排行: 'pái háng',
  分行: 'fēn háng',
  银行家: 'yín háng jiā',
  // 银行|长期, 银行|长三角…: pinyin-pro splits 银|行长 and reads zhǎng. As written, 银行长 never means a
  // bank president (that is 银行行长).
  银行长: '* * cháng',
  // 重 meaning "again": chóng.
  重组: 'chóng zǔ',
  重构: 'chóng gòu',
  重塑: 'chóng sù',
  重振: 'chóng zhèn',
  提供给: 'tí gōng gěi',
  供暖: 'gōng nuǎn',
  供热: 'gōng rè',
  供货: 'gōng huò',
  // A policy verb: to force (reform) by pressure from the other end.
  倒逼: 'dào bī',
  // Zhejiang's slogan 干字当头 ("doing comes first").
  干字当头: 'gàn zì dāng tóu',
  大都会: 'dà dū huì',
  // Alone pinyin-pro reads cháo xiān (it gets 朝鲜族 right).
  朝鲜: 'cháo xiǎn',
  卷入: 'juǎn rù',
  // Zhejiang place names with local readings.
  台州: 'tāi zhōu',
  天台县: 'tiān tāi xiàn',
  天台山: 'tiān tāi shān',
  乐清: 'yuè qīng',
  会稽: 'kuài jī',
};

/** Words ending in 重 (zhòng) that the 重X fixes above must not reach into. */
const ZHONG_GUARDS = '注重 比重 尊重 看重 并重 严重 沉重 侧重 偏重 加重 慎重 隆重 体重 着重 器重 倚重 繁重 郑重 稳重 贵重 载重 超重 过重 庄重 厚重 保重 自重 负重';

function guards(): Record<string, string> {
  const out: Record<string, string> = {};
  for (const word of ZHONG_GUARDS.split(' ')) out[word] = [...word].map((ch) => (ch === '重' ? 'zhòng' : '*')).join(' ');
  return out;
}

/** Word → one syllable or `*` per character. */
export const PINYIN_OVERRIDES: Readonly<Record<string, string>> = { ...guards(), ...FIXES };

let overrideTable: { words: Map<string, string[]>; longest: number; firsts: Set<string> } | undefined;

function overrides() {
  if (overrideTable) return overrideTable;
  const words = new Map<string, string[]>();
  let longest = 0;
  for (const [word, reading] of Object.entries(PINYIN_OVERRIDES)) {
    const syllables = reading.split(' ');
    // A mismatch would shift every later syllable of the word onto the wrong character.
    if (syllables.length !== [...word].length) throw new Error(`pinyin override ${word}: ${reading}`);
    words.set(word, syllables);
    longest = Math.max(longest, word.length);
  }
  overrideTable = { words, longest, firsts: new Set([...words.keys()].map((w) => w[0]!)) };
  return overrideTable;
}

/**
 * Replaces readings where an override word is written, leftmost-longest. `chars`: the text's code points
 * in simplified form; `readings`: one per code point. Here (not in ./reading.ts) so the background can
 * apply the same fixes to the dictionary's readings without loading pinyin-pro.
 */
export function applyOverrides(chars: readonly string[], readings: (string | null)[]): void {
  const { words, longest, firsts } = overrides();
  for (let i = 0; i < chars.length; ) {
    let matched = 0;
    if (firsts.has(chars[i]!)) {
      for (let len = Math.min(longest, chars.length - i); len >= 2 && !matched; len--) {
        const syllables = words.get(chars.slice(i, i + len).join(''));
        if (!syllables) continue;
        syllables.forEach((s, k) => {
          if (s !== '*') readings[i + k] = s;
        });
        matched = len;
      }
    }
    i += matched || 1;
  }
}
