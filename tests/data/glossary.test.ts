import { describe, expect, it } from 'vitest';
import { readBuiltinGlossary } from '@/lib/glossary/source-files';

const BUILTIN_GLOSSARY = readBuiltinGlossary();
import { Glossary, toPatternSources } from '@/lib/glossary/glossary';
import { validateGlossary } from '@/lib/glossary/validate';
import { hanCount } from '@/lib/han';
import { Matcher } from '@/lib/matcher/matcher';
import { renderingConflicts, zhKey } from '@/lib/glossary/renderings';
import { JUSTIFIED_RENDERING_DIFFERENCES } from '@/lib/glossary/rendering-exceptions';
import type { GlossaryEntry } from '@/lib/glossary/types';

const glossary = new Glossary(BUILTIN_GLOSSARY);
const matcher = new Matcher(toPatternSources(glossary.entries()));

function idOf(text: string): string | undefined {
  const spans = matcher.find(text);
  return spans.length === 1 && spans[0]!.start === 0 && spans[0]!.end === text.length ? spans[0]!.id : undefined;
}

describe('the shipped glossary', () => {
  it('passes every data rule (schema, unique ids and forms, pinyin, related ids, non-empty text)', () => {
    expect(validateGlossary(BUILTIN_GLOSSARY)).toEqual([]);
  });

  it('has at least 400 entries, 120 of them specific to Zhejiang, Jinhua or Yiwu', () => {
    expect(BUILTIN_GLOSSARY.length).toBeGreaterThanOrEqual(400);
    expect(BUILTIN_GLOSSARY.filter((e) => e.scope !== 'national').length).toBeGreaterThanOrEqual(120);
  });

  it('stores no traditional spellings (the matcher folds traditional characters itself)', () => {
    expect(BUILTIN_GLOSSARY.filter((e) => 'traditional' in e).map((e) => e.id)).toEqual([]);
    expect(idOf('八八戰略')).toBe('double-eight-strategy');
    expect(idOf('義烏發展經驗')).toBe('yiwu-development-experience');
  });

  it('lists the items of every numbered formula', () => {
    const formulas = BUILTIN_GLOSSARY.filter((e) => e.category === 'numbered-formula');
    expect(formulas.length).toBeGreaterThan(20);
    for (const e of formulas) expect(e.items?.length, e.id).toBeGreaterThan(0);
  });

  it.each([
    ['八八战略', 'double-eight-strategy'],
    ['义新欧', 'yixinou-railway'],
    ['义新欧班列', 'yixinou-railway'],
    ['义新欧中欧班列', 'yixinou-railway'],
    ['五水共治', 'five-water-co-governance'],
    ['市场采购贸易方式', 'market-procurement-trade'],
    ['十四五', 'fourteenth-five-year-plan'],
    ['四个全面', 'four-comprehensives'],
    ['两个确立', 'two-establishes'],
    ['新发展理念', 'new-development-philosophy'],
    ['双循环', 'new-development-pattern'],
    ['共同富裕', 'common-prosperity'],
    ['高质量发展', 'high-quality-development'],
    ['一带一路', 'belt-and-road-initiative'],
    ['重要窗口', 'important-window'],
    ['千万工程', 'thousand-villages-project'],
    ['最多跑一次', 'run-at-most-once'],
    ['数字化改革', 'digital-reform'],
    ['共同富裕示范区', 'common-prosperity-demonstration-zone'],
    ['枫桥经验', 'fengqiao-experience'],
    ['三服务', 'three-services'],
    ['世界小商品之都', 'world-small-commodity-capital'],
    ['义乌发展经验', 'yiwu-development-experience'],
    ['国际贸易综合改革试点', 'international-trade-reform-pilot'],
    ['第六代市场', 'sixth-generation-market'],
    ['无证明城市', 'certificate-free-city'],
    ['党建+单元', 'party-building-plus-unit'],
    ['自贸区', 'pilot-free-trade-zone'],
    ['自贸试验区', 'pilot-free-trade-zone'],
    ['中国（浙江）自由贸易试验区', 'zhejiang-pilot-free-trade-zone'],
  ])('matches %s as %s', (surface, id) => {
    expect(idOf(surface)).toBe(id);
  });

  it('finds the longer 党建+单元+警务 rather than 党建+单元 inside it', () => {
    const [span] = matcher.find('党建+单元+警务');
    expect(span?.end).toBe('党建+单元+警务'.length);
    expect(span?.id).not.toBe('party-building-plus-unit');
  });

  it('does not mark everyday words as jargon', () => {
    const ordinary = ['发展', '改革', '市场', '经济', '政府', '工作', '群众', '企业', '建设', '社会', '创新', '服务', '城市', '国际', '贸易', '文化', '人民', '中国', '浙江', '义乌', '金华', '今年', '会议', '领导', '干部', '项目'];
    expect(ordinary.filter((w) => matcher.find(w).length > 0)).toEqual([]);
  });

  it('has pinyin with one syllable per Han character of the headword', () => {
    const bad = BUILTIN_GLOSSARY.filter((e) => e.pinyin.split(' ').length !== hanCount(e.term));
    expect(bad.map((e) => e.id)).toEqual([]);
  });
});

describe('the matcher over the whole glossary', () => {
  it('agrees with a brute-force leftmost-longest search on news-like text', async () => {
    const { foldCode, foldString, TRANSPARENT } = await import('@/lib/matcher/fold');
    const { generatedNews } = await import('@/bench/corpus');
    const patterns = [...glossary.entries()].flatMap((e) => [e.term, ...e.forms].map((s) => ({ folded: foldString(s), id: e.id })));
    const text = generatedNews(3000, 11).replace(/战略/g, '戰\n略').replace(/\+/g, '＋');
    const expected: { start: number; end: number }[] = [];
    let i = 0;
    while (i < text.length) {
      let best = -1;
      if (foldCode(text.charCodeAt(i)) !== TRANSPARENT) {
        for (const { folded } of patterns) {
          let j = i;
          let k = 0;
          while (k < folded.length && j < text.length) {
            const c = foldCode(text.charCodeAt(j));
            if (c === TRANSPARENT) j++;
            else if (c === folded.charCodeAt(k)) {
              j++;
              k++;
            } else break;
          }
          if (k === folded.length && folded.length > 0 && j > best) best = j;
        }
      }
      if (best > 0) {
        // the span ends at the last matched character, not after trailing transparent ones
        let end = best;
        while (foldCode(text.charCodeAt(end - 1)) === TRANSPARENT) end--;
        expected.push({ start: i, end });
        i = end;
      } else i++;
    }
    expect(matcher.find(text).map(({ start, end }) => ({ start, end }))).toEqual(expected);
    expect(expected.length).toBeGreaterThan(50);
  });
});

describe('context guards', () => {
  it('match in every sentence where they must, and in none where they must not', async () => {
    const jieba = await import('jieba-wasm');
    const { createSegmenter, glossaryWords } = await import('@/lib/search/segmenter');
    const { compileGuards, GuardedFinder, guardRulesOf, segmenterJudge } = await import('@/lib/glossary/guards');
    const judge = segmenterJudge(createSegmenter(jieba, glossaryWords(glossary.entries())).cut);
    const guarded = BUILTIN_GLOSSARY.filter((e) => e.guards);
    expect(guarded.length).toBeGreaterThan(100);
    const failures: string[] = [];
    let checked = 0;
    for (const entry of guarded) {
      // The entry alone, so the examples test its guard (a longer entry winning elsewhere is the matcher's rule).
      const finder = new GuardedFinder(new Matcher(toPatternSources([entry])), compileGuards(guardRulesOf([entry])), judge);
      for (const [form, guard] of Object.entries(entry.guards!)) {
        for (const sentence of guard.match ?? []) {
          checked++;
          if (!finder.find(sentence).length) failures.push(`${entry.id} (${form}) should match: ${sentence}`);
        }
        for (const sentence of guard.noMatch ?? []) {
          checked++;
          if (finder.find(sentence).length) failures.push(`${entry.id} (${form}) should not match: ${sentence}`);
        }
      }
    }
    console.log(`${checked} guard sentences checked over ${guarded.length} guarded entries`);
    expect(failures).toEqual([]);
  }, 60_000); // loads jieba-wasm and segments every guard sentence: slow on a busy machine

  it('keep short forms from matching where they mean something else', async () => {
    const { glossaryFinder } = await import('@/lib/cli/annotate-cli');
    const finder = glossaryFinder(glossary);
    const ids = (text: string) => finder.find(text).map((s) => s.id);
    expect(ids('确保零就业家庭动态清零。')).not.toContain('dynamic-zero-covid');
    expect(ids('推进PM2.5和臭氧双控双减。')).not.toContain('double-reduction');
    expect(ids('这个男人大声说话。')).not.toContain('peoples-congress');
    expect(ids('学院聘请兼职教授。')).not.toContain('vocational-education');
    expect(ids('全市PM2.5浓度下降。')).toEqual([]);
    expect(ids('市人大代表视察。').length).toBe(1);
  });
});

describe('pinyin of every written form', () => {
  it('reads each form as written, one syllable per Han character, headword readings reused', async () => {
    const { toShippedEntries } = await import('@/lib/glossary/shipped');
    const { readingOf } = await import('@/lib/pinyin');
    const shipped = toShippedEntries(BUILTIN_GLOSSARY, (text) => readingOf(text).map((r) => r.pinyin));
    const incomplete: string[] = [];
    const byForm = new Map<string, string>();
    for (const e of shipped) {
      byForm.set(e.term, e.pinyin);
      for (const form of e.forms) {
        const py = e.formPinyin?.[form] ?? '';
        byForm.set(form, py);
        const syllables = py ? py.split(' ') : [];
        if (syllables.length !== hanCount(form) || syllables.includes('?')) incomplete.push(`${e.id}: ${form} → ${py}`);
      }
    }
    expect(incomplete).toEqual([]);
    expect(byForm.get('人大')).toBe('rén dà');
    expect(byForm.get('自贸区')).toBe('zì mào qū');
    expect(byForm.get('长三角')).toBe('cháng sān jiǎo');
  });
});

/**
 * Wording that states a fact true only at some date: "now", "currently", "so far", or a count of pilots,
 * zones, cities, countries or members in a sentence that gives no year. Such an explanation needs `asOf`.
 */
const TIME_SENSITIVE_WORDS = /\b(now|currently|so far|as of|at present|to date)\b/i;
const TIME_SENSITIVE_COUNT = /\b\d[\d,]* (pilots?|pilot (cities|zones)|zones|cities|countries|members|market clusters)\b/i;
const A_YEAR = /\b(1[89]\d\d|20\d\d)\b/;

function statesTimeSensitiveFact(explanation: string): boolean {
  return explanation
    .split(/(?<=[.;])\s+/)
    .some((s) => TIME_SENSITIVE_WORDS.test(s) || (TIME_SENSITIVE_COUNT.test(s) && !A_YEAR.test(s)));
}

/** Facts are due for review when their asOf year is more than three years before `year`. */
function staleFacts(entries: readonly GlossaryEntry[], year: number): GlossaryEntry[] {
  return entries.filter((e) => e.asOf !== undefined && e.asOf < year - 3);
}

/**
 * Entries whose asOf is more than three years old, reviewed: the fact is still worth showing with its
 * date. A newly stale entry fails the test until someone checks it and either updates it or adds it here.
 */
const REVIEWED_STALE_FACTS: Record<string, string> = {
  'advanced-manufacturing-clusters': 'the count of national clusters is given with its year (45 by 2022); later rounds may add more',
  politburo: 'membership as elected at the 20th Party Congress (2022); it changes only at a congress or by expulsion',
  'floating-population': 'a 2020 census figure, dated in the text; the next census is due in 2030',
  'gross-enrolment-rate': 'a dated milestone (higher education passed 50% in 2019)',
  'separated-household-registration': 'a 2020 census figure, dated in the text',
  'yiwu-central-hospital': 'the 2022 plan to reach grade 3A is dated in the text; whether it has been reached is not yet checked',
  'market-procurement-trade': '39 pilot market clusters since the sixth batch of 2022 (checked against the issue 10 review)',
};

describe('facts that age', () => {
  it('date every explanation that states a time-sensitive fact (asOf)', () => {
    const undated = BUILTIN_GLOSSARY.filter((e) => e.asOf === undefined && statesTimeSensitiveFact(e.explanation));
    expect(undated.map((e) => e.id)).toEqual([]);
  });

  it('give asOf as a plausible year, not after the current one', () => {
    const thisYear = new Date().getFullYear();
    const bad = BUILTIN_GLOSSARY.filter((e) => e.asOf !== undefined && !(Number.isInteger(e.asOf) && e.asOf >= 1949 && e.asOf <= thisYear));
    expect(bad.map((e) => `${e.id} ${e.asOf}`)).toEqual([]);
  });

  it('recognise undated counts and "now" as time-sensitive, dated history as not', () => {
    expect(statesTimeSensitiveFact('There are now over twenty such zones.')).toBe(true);
    expect(statesTimeSensitiveFact('It has been copied to 31 market clusters across China.')).toBe(true);
    expect(statesTimeSensitiveFact('The club has 24 members.')).toBe(true);
    expect(statesTimeSensitiveFact('National pilots began in 2014 in 28 cities and counties.')).toBe(false);
    expect(statesTimeSensitiveFact('It is known as a model; reports cite it.')).toBe(false);
  });

  it('list the entries whose facts are more than three years old, each of them reviewed', () => {
    const stale = staleFacts(BUILTIN_GLOSSARY, new Date().getFullYear());
    for (const e of stale) console.log(`review (asOf ${e.asOf}) ${e.id}: ${e.explanation}`);
    expect(stale.length).toBe(Object.keys(REVIEWED_STALE_FACTS).length);
    expect(stale.map((e) => e.id).sort()).toEqual(Object.keys(REVIEWED_STALE_FACTS).sort());
  });

  it('count a fact as stale once its asOf is more than three years old', () => {
    const entry = BUILTIN_GLOSSARY[0]!;
    expect(staleFacts([{ ...entry, asOf: 2022 }], 2026)).toHaveLength(1);
    expect(staleFacts([{ ...entry, asOf: 2023 }], 2026)).toHaveLength(0);
    expect(staleFacts([{ ...entry, asOf: undefined }], 2026)).toHaveLength(0);
  });
});

describe('one English per Chinese term', () => {
  const justified = new Set(Object.keys(JUSTIFIED_RENDERING_DIFFERENCES));

  it('renders each term, form and formula item with the same English across entries and items', () => {
    const conflicts = renderingConflicts(BUILTIN_GLOSSARY, justified);
    expect(conflicts.map((c) => `${c.zh}: ${c.renderings.map((r) => `${r.where} "${r.en}"`).join(', ')}`)).toEqual([]);
  });

  it('keeps only justified exceptions that are still needed', () => {
    const found = new Set(renderingConflicts(BUILTIN_GLOSSARY).map((c) => zhKey(c.zh)));
    expect([...justified].filter((zh) => !found.has(zh))).toEqual([]);
  });

  it('finds a term rendered two ways, but not a rendering with a gloss added', () => {
    const base = BUILTIN_GLOSSARY[0]!;
    const garden = { ...base, id: 'a', term: '大花园', forms: [], english: 'Great Garden', items: undefined };
    const formula = (en: string) => ({ ...base, id: 'b', term: '四大建设', forms: [], english: 'x', items: [{ zh: '“大花园”', en }] });
    expect(renderingConflicts([garden, formula('Big Garden')]).map((c) => c.zh)).toEqual(['大花园']);
    expect(renderingConflicts([garden, formula('Great Garden (province-wide)')])).toEqual([]);
    expect(renderingConflicts([garden, { ...garden, id: 'c', english: 'Big Garden', sharedForms: ['大花园'] }].map((e) => ({ ...e, sharedForms: ['大花园'] })))).toEqual([]);
  });
});

describe('explanations', () => {
  it('open with a sentence, not a bare label followed by a clause ("Campaign Zhejiang launched…")', () => {
    const telegraphic = /^(Campaign|Programme|Plan|Policy|Slogan|Initiative|Project|Platform|Strategy)s?\b/;
    expect(BUILTIN_GLOSSARY.filter((e) => telegraphic.test(e.explanation)).map((e) => e.id)).toEqual([]);
  });
});

describe('pinyin tones', () => {
  it('are dictionary tones, not tone sandhi (一 yī, 不 bù)', () => {
    const sandhi: string[] = [];
    for (const e of BUILTIN_GLOSSARY) {
      const syllables = e.pinyin.split(' ');
      [...e.term].filter((c) => hanCount(c) === 1).forEach((c, i) => {
        if ((c === '一' && syllables[i] !== 'yī') || (c === '不' && syllables[i] !== 'bù')) sandhi.push(`${e.id}: ${c} ${syllables[i]}`);
      });
    }
    expect(sandhi).toEqual([]);
  });
});
