/**
 * Jargon the glossary lacks: short quoted phrases (“四港”, “链长制”) and numbered formulas
 * (三个百分百, 四驾马车) that no entry covers. They get a quieter mark and a card that offers to add an
 * explanation. Heuristics, tuned to keep false alarms rare on Yiwu and Zhejiang news.
 */
import { HAN_CLASS } from '../han';
import type { MatchSpan } from '../matcher/matcher';
import { isQuotedPlainShape, isStreak, looksLikeAName, readsAsCoinage, summarisesListBefore } from './candidate-shapes';

/** The id given to candidate spans: the phrase itself, prefixed so it can never clash with an entry id. */
export const CANDIDATE_PREFIX = 'candidate:';

const HAN = HAN_CLASS;
// “…” 「…」 ‘…’ "…" around 2–8 Han characters (a + or · may join parts: “保税加工+转口”).
const QUOTED = new RegExp(`[“「‘"]([${HAN}]{1,8}(?:[+＋·][${HAN}]{1,8})?)[”」’"]`, 'gu');
// A numeral (not 一, which starts too many ordinary words; not after 第 or another numeral), a
// classifier-like character, then up to 4 Han characters, ending at punctuation, a quote or 和/与/及/等.
const NUMBERED = new RegExp(
  `(?<![一二三四五六七八九十两百千第0-9])([二三四五六七八九十两][十]?(?:个|大|项|张|驾|条|化|型|心|线|港|强|治|服务|零)[${HAN}]{0,4}?)(?=[，。、；：！？”」’）)\\s]|和|与|及|等|$)`,
  'gu',
);

const MAY_HOLD_CANDIDATE = /[“「‘"二三四五六七八九十两]/u;

/** Quoted phrases that are ordinary words in quotes (emphasis, irony), not policy jargon. */
const ORDINARY_QUOTED = new Set([
  '礼包', '颜值', '内涵', '加速度', '摘帽', '提低', '扩中', '最佳应用', '亮点', '难点', '痛点', '堵点', '短板',
  '加法', '减法', '乘法', '除法', '主战场', '主力军', '排头兵', '领头雁', '金名片', '新名片', '活得好', '稳得住',
  '家门口', '一件事', '大脑', '钥匙', '温度', '底线', '刻度', '火车头', '压舱石', '定盘星', '生命线',
  '改日', '首站', '平安', '厚度', '高度', '深度', '广度', '力度', '速度', '热度', '成色', '底色', '里子', '面子',
  '一站式', '两端', '一张床', '小家庭', '大家庭', '答卷', '考卷', '赶考', '新引擎', '快车道', '硬核', '软实力',
  '硬实力', '朋友圈', '点单', '派单', '接单', '买单', '网红', '打卡', '出圈', '破圈', '娘家人', '贴心人', '领路人',
  '大医疗', '新名片', '加油站', '充电站', '服务员', '守门人', '店小二', '金钥匙',
]);

/**
 * Tails after a numeral that make an ordinary count, not a formula (两个方面, 三个月, 三个女儿, 两个大核).
 * Counts of people, time and things are the common false alarm on pages that are not about policy.
 */
const ORDINARY_COUNT = new RegExp(
  '^[一二三四五六七八九十两百千]{1,2}(?:个|项|张|条|大)(?:' +
    [
      '方面|问题|小时|月|年|人|次|部门|单位|国家|城市|地区|区|镇|村|街道|企业|项目|工程|点|步|字|多|批|阶段|层次|环节|领域|行业|类',
      '女儿|儿子|孩子|小孩|朋友|同学|老人|男人|女人|家庭|孙子|姐妹|兄弟|队员|球员|选手|学生|老师|医生|工人|员工|客户|用户',
      '大核|小核|核|屏|摄像头|镜头|版本|型号|颜色|房间|座位|窗口|门店|店|品牌|产品|订单|包裹|箱|柜|车|球|分|钟|周|天|星期|季度',
    ].join('|') +
    ')|^[一二三四五六七八九十两百千]{1,2}(?:个|项|张|条)$',
  'u',
);

/**
 * Quoted phrases that are emphasis by their shape, whatever the words (judged on a sample of 200 marks
 * from the policy corpus): zero-targets (“零伤亡”, “零发生”), counts (“五年”), and pairings of plain
 * sectors (“文化+旅游”), as opposed to named models (“保险+期货”).
 */
const SECTOR = new Set(['文化', '交通', '文旅', '旅游', '科技', '消费', '商业', '智慧商业', '体育', '农业', '工业', '康养', '教育', '健康', '生态', '金融', '数字', '电商', '物流', '休闲', '养老', '医疗']);
function emphasisByShape(phrase: string): boolean {
  if (/^零[^售]{1,3}$/u.test(phrase)) return true;
  if (/^[一二三四五六七八九十两百千]+[年月天日周次个]$/u.test(phrase)) return true;
  const parts = phrase.split(/[+＋]/);
  return parts.length > 1 && parts.every((p) => SECTOR.has(p));
}

/**
 * Where an unquoted numbered formula may start: after punctuation or a quote, or after a character that
 * ends a verb or a particle (实施|三个一工程, 坚持|两个毫不动摇). After any other Han character the numeral
 * is usually inside a longer word (铁人三项世界杯, 开一备三强度).
 */
const FORMULA_MAY_FOLLOW = new Set([...'的是了和与及在为把将以按要抓推施实化绕焦持进展造建出到做用等于对从向如即好住成守']);

function startsAWord(text: string, start: number): boolean {
  const before = text[start - 1];
  return before === undefined || !new RegExp(`[${HAN}]`).test(before) || FORMULA_MAY_FOLLOW.has(before);
}

/** An unquoted count right after a list its items were just named in (“甲、乙、丙三大动力”) is a summary, not a formula. */
function summarisesAList(text: string, start: number): boolean {
  let from = start;
  while (from > 0 && !/[。！？；\n]/.test(text[from - 1]!)) from--;
  return (text.slice(from, start).match(/、/g)?.length ?? 0) >= 2;
}

/**
 * What the dictionary says of a quoted phrase: an ordinary 'word' ("了解", "中国", "五一"), a 'name'
 * ("马克龙"), or 'unknown' (not a headword: a coinage, so a candidate). `undefined`: not known yet
 * (the dictionary lives in the background); the phrase is left out for now and reported as pending.
 */
export type PhraseKind = 'word' | 'name' | 'unknown';

export interface CandidateOptions {
  classify?: (phrase: string) => PhraseKind | undefined;
  onPending?: (phrase: string) => void;
}

/**
 * Candidate spans in `text` that no glossary span overlaps, in order. `glossarySpans` must be sorted.
 * Quoted phrases count only when the dictionary does not know them as a word or a name (without a
 * classifier, the built-in list of emphasis words is all that filters them).
 */
export function findCandidates(text: string, glossarySpans: readonly MatchSpan[], options: CandidateOptions = {}): MatchSpan[] {
  const found: MatchSpan[] = [];
  if (!MAY_HOLD_CANDIDATE.test(text)) return found; // most paragraphs: no quote, no numeral
  const covered = (start: number, end: number) => glossarySpans.some((s) => s.start < end && start < s.end);
  for (const m of text.matchAll(QUOTED)) {
    const phrase = m[1]!;
    const start = m.index! + 1;
    const end = start + phrase.length;
    if ([...phrase].length < 2 || ORDINARY_QUOTED.has(phrase) || emphasisByShape(phrase) || covered(start, end)) continue;
    const before = text.slice(Math.max(0, start - 1 - 6), start - 1);
    const after = text.slice(end + 1, end + 1 + 6);
    if (!readsAsCoinage(phrase, before, after) || isQuotedPlainShape(phrase) || looksLikeAName(phrase, before, after) || isStreak(phrase) || summarisesListBefore(text, m.index!, phrase)) continue;
    if (options.classify) {
      const kind = options.classify(phrase);
      if (kind === undefined) options.onPending?.(phrase);
      if (kind !== 'unknown') continue;
    }
    found.push({ start, end, id: CANDIDATE_PREFIX + phrase });
  }
  for (const m of text.matchAll(NUMBERED)) {
    const phrase = m[1]!;
    const start = m.index!;
    const end = start + phrase.length;
    if ([...phrase].length < 3 || ORDINARY_COUNT.test(phrase) || covered(start, end)) continue;
    // Counted with 项/条 ("三项举措", "十条政策") it is a count; inside a word or after its list, not a formula.
    if (/^[一二三四五六七八九十两百千]+[项条]/u.test(phrase) || !startsAWord(text, start) || summarisesAList(text, start)) continue;
    if (summarisesListBefore(text, start, phrase) || isStreak(phrase)) continue;
    if (found.some((f) => f.start < end && start < f.end)) continue;
    found.push({ start, end, id: CANDIDATE_PREFIX + phrase });
  }
  return found.sort((a, b) => a.start - b.start);
}

export function isCandidateId(id: string): boolean {
  return id.startsWith(CANDIDATE_PREFIX);
}

export function candidatePhrase(id: string): string {
  return id.slice(CANDIDATE_PREFIX.length);
}

/**
 * Whether a text is about policy or public affairs, judged by how densely the glossary's terms occur
 * in it: at least 3 distinct entries and at least 10 occurrences per 1,000 Han characters. Measured on
 * the 37 real news pages of tests/fixtures/extraction and the Yiwu pages: Yiwu and government news run
 * at 12–52, general news (markets, society, science, sport) at 0–8. Candidates are marked only on such
 * pages, so counts and quoted emphasis elsewhere are left alone.
 */
export const POLICY_DENSITY = 10;

export function isPolicyText(hanCharacters: number, glossarySpans: readonly MatchSpan[]): boolean {
  const distinct = new Set(glossarySpans.map((s) => s.id)).size;
  return distinct >= 3 && (glossarySpans.length * 1000) / Math.max(1, hanCharacters) >= POLICY_DENSITY;
}
