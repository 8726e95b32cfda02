/**
 * Shapes of quoted phrases and counts that are not jargon, found by judging samples of candidate marks
 * on the policy corpus (scripts/candidate-report.ts; tests/fixtures/candidates/judged-sample.tsv):
 * names of events, leagues, products, craft and storms; streaks of results; counts that sum up a list
 * the sentence has just named. Each rule reads only the phrase and the text around it, so it runs in the
 * content script with no dictionary.
 */

const NUMERALS: Record<string, number> = { 一: 1, 二: 2, 两: 2, 双: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };

/** The count a phrase starts with (三大战略 → 3, 双缩减 → 2, 十二项 → 12), or 0. */
export function leadingCount(phrase: string): number {
  const m = /^([一二两三四五六七八九十双]+)/u.exec(phrase);
  if (!m) return 0;
  const digits = [...m[1]!];
  if (digits.length === 1) return NUMERALS[digits[0]!]!;
  // 十二 → 12, 二十 → 20, 二十三 → 23: enough for the counts formulas use.
  const ten = digits.indexOf('十');
  if (ten < 0) return NUMERALS[digits[0]!]!;
  const tens = ten === 0 ? 1 : (NUMERALS[digits[ten - 1]!] ?? 1);
  const ones = NUMERALS[digits[ten + 1] ?? ''] ?? 0;
  return tens * 10 + ones;
}

// Named things, by how their names end: craft and trains (嫦娥五号, 华龙一号, 郑和号; not the X字号 brand labels), leagues (川超, 蒙超),
// exhibitions, shows and seasons (古埃及文明大展, 科晚, 重庆之夜, 上海之夏), festivals, days (国际茶日),
// awards (中国工业大奖), cups and games, medicines (…片).
const NAME_ENDING = /(?:(?<!字)号|大展|之[春夏秋冬夜]|艺术节|文化节|旅游节|音乐节|购物节|杯|联赛|春晚|片|大奖|[\p{Script=Han}]{2}日)$|^[\p{Script=Han}]超$|^[\p{Script=Han}]晚$/u;
// A kind word right after the closing quote names what the phrase is the name of (“重庆之夜”交响音乐会,
// “舒心驿站”心理咨询室, “川超”联赛); one right before it, likewise (台风“麦德姆”).
const NAME_KIND_AFTER = /^(?:联赛|音乐会|演唱会|艺术展|展览|大展|赛事|比赛|专列|班列|列车|号|心理咨询室|咨询室|驿站|剧场|晚会|节目|系列赛)/u;
const NAME_KIND_BEFORE = /(?:台风|超强台风|强台风|热带风暴|飓风|展览|赛事|节目)$/u;
// Characters of Chinese spellings of foreign names (麦德姆, 玛舒拉沙韦): a phrase made only of them is a
// transliterated name, not a coinage. Chosen from characters that rarely carry meaning in policy words.
const TRANSLITERATION = new Set([...'阿埃艾安奥巴贝比波布达德迪蒂杜厄尔法菲弗盖戈格古哈赫胡霍基吉加贾卡凯科克库拉莱兰劳勒雷里利莉林卢鲁伦罗洛马玛麦曼梅蒙米姆娜纳尼诺帕佩皮普奇琪恰萨塞桑瑟沙莎舍什舒斯索塔泰坦特图瓦维韦温沃乌西希谢休亚伊尤泽扎詹兹佐']);

/** Whether a quoted phrase, with the text just before and after its quotes, names an event, product or the like. */
export function looksLikeAName(phrase: string, before: string, after: string): boolean {
  if (NAME_ENDING.test(phrase) || NAME_KIND_AFTER.test(after) || NAME_KIND_BEFORE.test(before)) return true;
  // Storms named in a list (“剑鱼”和“桦加沙”等15个台风).
  if (/^[^，。；]{0,8}台风/u.test(after)) return true;
  const core = phrase.replace(/片$/u, '');
  return [...core].length >= 3 && [...core].every((c) => TRANSLITERATION.has(c));
}

/** A streak of results (十连丰 ten good harvests in a row, 六连优) or a count of them: not a formula. */
export function isStreak(phrase: string): boolean {
  // Also counts of results (“双翻番”, “六个翻番”, “三下降”, “三增长”).
  return /^[一二三四五六七八九十]+连[\p{Script=Han}]{1,2}$|^[一二三四五六七八九十两双]+个?(?:翻番|下降|增长)$/u.test(phrase);
}

/**
 * Whether a count (三大战略, 双缩减, 两大主题) sums up a list the sentence has just named: at least as many
 * items before it, in the same sentence, as the count says (甲、乙和丙“三下降”; 和平与发展两大主题).
 * Then the items are right there, and the count is a plain summary, not a formula to explain.
 */
export function summarisesListBefore(text: string, start: number, phrase: string): boolean {
  const count = leadingCount(phrase);
  if (count < 2) return false;
  // Right after 等 (智算规模等“六个翻番”) it sums up what came before.
  if (/等$/u.test(text.slice(0, start))) return true;
  // Itself an item of a list (“蒙古马精神”、“三北精神”): not a summary of one.
  if (/[、和与及]$/u.test(text.slice(0, start))) return false;
  // The list must lead up to the count within its clause (commas end clauses here), so a list earlier
  // in the sentence (十次、十一次全会部署要求，锚定“三地一区”) does not count.
  let from = start;
  while (from > 0 && !/[。！？；：，,\n]/u.test(text[from - 1]!)) from--;
  const clause = text.slice(from, start);
  // Items are separated by 、 or joined by 和/与/及; commas are left out, as they also separate clauses.
  const separators = (clause.match(/、|[和与及](?=[\p{Script=Han}])/gu) ?? []).length;
  return separators >= 1 && separators >= count - 1;
}

// Quoted for emphasis or as a figure of speech, by shape: superlatives and "key" (“最大增量”,
// “关键变量”), “永不…”, descriptions with 的 (“人民的保护神”), indexes of feeling (“辛苦指数”), measures of
// pride (“中国速度”, “甘肃速度”), and
// smart/digital/green plus a plain sector (“智慧交通”: a general term, not a named programme).
const EMPHASIS = /^(?:最|关键|永不)|的|指数$|(?:速度|高度|深度|温度|力度|精度|强度|厚度|广度)$|^(?:智慧|数字|绿色|低碳)(?:交通|城市|社区|校园|农业|医疗|政务|养老|教育|旅游|物流|金融|能源)$/u;
// Games by their session number (“十五冬”, “十四运”): names of events, not formulas.
const NUMBERED_GAMES = /^十[一二三四五六七八九]?[冬运]会?$/u;

/** Whether a quoted phrase is emphasis or an event's number by its shape alone. */
export function isQuotedPlainShape(phrase: string): boolean {
  return EMPHASIS.test(phrase) || NUMBERED_GAMES.test(phrase) || /不夜城$/u.test(phrase);
}

// What policy coinages are made of, found by comparing judged samples of candidate marks: a number
// (三通一码, 双中心), a place (投资湖南, 豫农优品, 天府粮仓), a policy head word (…工程, …机制, …通, …一体化),
// or a verb-like character that abbreviations are built from (煤改电, 以绿制绿, 管运分离).
const NUMERAL_CHARS = /[一二三四五六七八九十两双百千万]/u;
const PLACE =
  /浙|湘|豫|渝|辽|鲁|苏|皖|闽|赣|鄂|粤|桂|琼|川|蜀|黔|滇|藏|陕|秦|甘|陇|青|宁|蒙|晋|冀|津|沪|京|吉|黑|湖南|湖北|福建|海南|云南|贵州|河北|河南|山东|山西|广东|广西|新疆|安徽|江西|天府|齐鲁|荆楚|中原|八桂|巴蜀|燕赵|中国|全国|全省|全区|全市/u;
const POLICY_HEAD =
  /(?:工程|行动|计划|机制|模式|平台|品牌|改革|制|办|通|网|图|码|站|体系|链|港|园|谷|仓|廊|带|圈|片区|精神|清单|一体化|出海|回归|下乡|入|共治|联动|同治|同构|协同|联创|治理|服务|示范|试点|优品|精品|工匠|英才|人才|先锋|保障|专班|行|法|单|库|屏障|基地|枢纽|中心|走廊|高地|标准|要求|任务|战略|定位)$/u;
const ABBREVIATION_VERB = /[改转换管治制联促兴强富保办通]/u;
// Without such a shape, a quoted phrase is as often emphasis or a plain description (“真金白银”,
// “城市病”, “大格局”) as a coinage; it counts only where the sentence treats it as a measure: after a
// verb of carrying policy out (实施“减盐减油”, 推广“窗帘之约”) or before a head word (“暖心民政”三年行动).
const POLICY_VERB_BEFORE =
  /(?:实施|推进|推广|开展|打造|深化|创新|建立|完善|落实|培育|擦亮|打响|推行|探索|建设|启动|构建|健全|实行|优化|开行|做优|提升|升级|强化|推动|发挥|实现|做实|做好|持续|抓好|坚持|克服|严防|维护|聚焦|锚定|把握|围绕|弘扬)$/u;
const POLICY_HEAD_AFTER =
  /^(?:行动|工程|计划|机制|模式|改革|品牌|平台|做法|活动|项目|试点|建设|服务|工作|体系|制度|专项|示范|经验|理念|政策|方案|战略)/u;

/** Whether a quoted phrase is shaped like a policy coinage, or used as one by the words around it. */
export function readsAsCoinage(phrase: string, before: string, after: string): boolean {
  if (NUMERAL_CHARS.test(phrase) || PLACE.test(phrase) || POLICY_HEAD.test(phrase) || ABBREVIATION_VERB.test(phrase)) return true;
  return POLICY_VERB_BEFORE.test(before) || POLICY_HEAD_AFTER.test(after);
}
