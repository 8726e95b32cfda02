/**
 * The items of a numbered formula the glossary lacks (三件大事, “四港”联动), looked for where news
 * writing lists them right after naming it: in brackets, after a colon, as 一是…二是…, or as a
 * 、-separated list, in the same sentence or the next. Heuristics: a list must have as many items as
 * the formula's number says (or at least two when it has none), so an unrelated list is not offered.
 */

const DIGITS: Record<string, number> = { 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };

/** The number a formula starts with: 四港 → 4, 十四五 → undefined (a plan's name, not a count), 十大 → 10. */
export function formulaCount(phrase: string): number | undefined {
  const m = /^([一二两三四五六七八九]?十?[一二三四五六七八九]?)/u.exec(phrase)?.[1];
  // More numerals after it (十四五, 八八): a name, not a count.
  if (!m || /^[一二两三四五六七八九十]/u.test(phrase.slice(m.length))) return undefined;
  if (m.length === 1) return DIGITS[m];
  if (m === '十') return 10;
  // 十二 → 12, 二十 → 20; anything longer reads as a name (十四五), not a count.
  if (m.length === 2 && m[0] === '十') return 10 + DIGITS[m[1]!]!;
  if (m.length === 2 && m[1] === '十') return DIGITS[m[0]!]! * 10;
  return undefined;
}

const SENTENCE_END = /[。！？!?]/u;
/** Words that introduce a list rather than belong to its first item. */
const LEAD_IN = /^(?:[”’」"）)]?\s*)(?:联动|工程|行动|建设|体系)?[，,：:]?\s*(?:即|也就是|就是|包括|包含|分别是|分别为|主要是|具体是|是指|指的是|指|是|为|：|:)?/u;
/** Verbs a sentence puts before its list (推进海港、陆港…), kept out of the first item unless every item has them. */
const LEAD_VERB = /^(?:全力|加快|持续|深入|大力|着力)?(?:推进|推动|实施|抓好|做好|聚焦|突出|围绕|深化|强化|打造|建设|实现|落实|开展)/u;
const ITEM_SPLIT = /[、，,；;]/u;
/** Enumerating words that end a list and belong to no item. */
const TAIL = /(?:等等|等)$/u;

/** The text from the phrase's end to the end of the next sentence (where its items may stand). */
function scopeOf(after: string): string {
  let ends = 0;
  for (let i = 0; i < after.length; i++) {
    if (SENTENCE_END.test(after[i]!) && ++ends === 2) return after.slice(0, i);
  }
  return after;
}

function clean(items: string[]): string[] {
  return items.map((item) => item.trim().replace(TAIL, '').replace(/^(?:和|及|与|以及)/u, '')).filter((item) => item.length > 0);
}

/**
 * Trims a 、-list's outer items to the shape of the inner ones: the items of a formula mostly share
 * their last character (海港、陆港、空港、信息港), so the last item ends at that character
 * (信息港协同 → 信息港), and a first item much longer than the rest loses its leading verb (推进海港 → 海港).
 */
function trimEdges(items: string[]): string[] {
  if (items.length < 3) return items;
  const inner = items.slice(1, -1);
  const last = inner[inner.length - 1]!.slice(-1);
  const out = [...items];
  if (inner.every((item) => item.endsWith(last))) {
    const end = out[out.length - 1]!.lastIndexOf(last);
    if (end > 0) out[out.length - 1] = out[out.length - 1]!.slice(0, end + 1);
  }
  const longest = Math.max(...inner.map((item) => item.length));
  const first = out[0]!;
  if (first.length > longest + 1 && inner.every((item) => item.endsWith(last)) && first.endsWith(last)) {
    out[0] = first.slice(first.length - Math.min(...inner.map((item) => item.length)));
  }
  return out;
}

const fits = (items: string[], count: number | undefined) =>
  (count === undefined ? items.length >= 2 : items.length === count) && items.every((item) => item.length <= 20);

/** Items in brackets right after the phrase: 四港联动（海港、陆港、空港、信息港）. */
function inBrackets(scope: string): string[] | undefined {
  const m = /^[^（(。]{0,6}[（(]([^）)]+)[）)]/u.exec(scope);
  return m ? clean(m[1]!.split(ITEM_SPLIT)) : undefined;
}

/** Items after a colon near the phrase, up to the sentence's end. */
function afterColon(scope: string): string[] | undefined {
  const m = /^[^。：:]{0,12}[：:]([^。！？]+)/u.exec(scope);
  if (!m) return undefined;
  const body = m[1]!;
  // With 、 the items are short and 、-separated; otherwise clauses separated by ；or ，.
  const parts = body.includes('、') ? body.split(/[、；;]/u) : body.split(/[；;，,]/u);
  return clean(parts.map((p) => p.replace(/和(?=[^和]*$)/u, '')));
}

/** 一是…，二是…，三是…: each item runs to the next comma or semicolon. */
function ordinals(scope: string): string[] | undefined {
  const items: string[] = [];
  const names = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
  let from = 0;
  for (const name of names) {
    const at = scope.indexOf(`${name}是`, from);
    if (at < 0) break;
    const rest = scope.slice(at + 2);
    const end = rest.search(/[，,；;。]/u);
    items.push(end < 0 ? rest : rest.slice(0, end));
    from = at + 2;
  }
  return items.length ? clean(items) : undefined;
}

/** The first 、-separated list: 即海港、陆港、空港、信息港 (the last item may be joined by 和/及/与). */
function enumerated(scope: string): string[] | undefined {
  const m = /([^，,。；;：:、“”"（）()]{1,12}(?:、[^，,。；;：:、“”"（）()]{1,12})+)/u.exec(scope);
  if (!m) return undefined;
  let items = m[1]!.split('、');
  const last = items[items.length - 1]!;
  const joined = /^(.+?)(?:和|及|与|以及)(.+)$/u.exec(last);
  if (joined) items = [...items.slice(0, -1), joined[1]!, joined[2]!];
  items[0] = items[0]!.replace(LEAD_IN, '');
  const verb = LEAD_VERB.exec(items[0]!)?.[0];
  if (verb && verb.length < items[0]!.length && !items.slice(1).every((item) => item.startsWith(verb))) items[0] = items[0]!.slice(verb.length);
  return trimEdges(clean(items));
}

/**
 * The formula's items as the article lists them after `phrase`, or undefined. `after`: the text that
 * follows the phrase (its block from there on, and the next block if the list may be there).
 */
export function findFormulaItems(phrase: string, after: string): string[] | undefined {
  const count = formulaCount(phrase);
  const scope = scopeOf(after);
  for (const finder of [inBrackets, afterColon, ordinals, enumerated]) {
    const items = finder(scope);
    if (items && fits(items, count)) return items;
  }
  return undefined;
}
