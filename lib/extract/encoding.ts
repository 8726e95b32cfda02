/**
 * Telling garbled Chinese text from real text, and decoding a page's bytes when the charset the
 * server or the page declares is wrong or missing. Only UTF-8 and GB18030 (a superset of GBK and
 * GB2312) are tried, plus the declared charset when TextDecoder knows it: these cover Chinese news
 * and government sites.
 */
import { HAN_CLASS } from '../han';

export interface MojibakeReport {
  /** True when the text looks garbled: too many replacement characters or mojibake sequences. */
  garbled: boolean;
  /** Share of U+FFFD among the non-ASCII characters. */
  replacementShare: number;
  /** Share of characters in UTF-8-read-as-Latin-1/Windows-1252 sequences ("ä¸­å›½" for 中国). */
  latin1Share: number;
  /** Share of Han characters typical of UTF-8 read as GBK ("涓浗" for 中国, "锛" for a full-width comma). */
  gbkShare: number;
  /** A short English reason when garbled. */
  reason?: string;
}

export type PageEncoding = 'utf-8' | 'gb18030' | (string & {});

export interface DecodedPage {
  text: string;
  encoding: PageEncoding;
  /** False when no candidate decoded cleanly: the text is the least bad guess and should not be trusted. */
  ok: boolean;
  report: MojibakeReport;
}

// A UTF-8 lead byte of a CJK character (E3–E9) read as Windows-1252 or Latin-1, then two continuation
// bytes (80–BF) read the same way: C1 controls, Windows-1252 punctuation, or U+00A0–U+00BF.
const W1252_HIGH = '\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013\u2014\u2018-\u201a\u201c-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122';
const LATIN1_MOJIBAKE = new RegExp(`[\u00e3-\u00e9][${W1252_HIGH}]{2}`, 'gu');
// GBK/GB18030 mojibake of UTF-8 Chinese: the first byte pairs of common UTF-8 sequences land on these
// rare characters (鐨 from 的, 涓 from 中/个, 锛 from full-width punctuation, 銆 from 、。《》…).
const GBK_MOJIBAKE = /[锛銆鈥鐨涓浜鍙鏃鏂璇闂瑙杩鎴鍦瀛缁鍚鍥鐢浠鏉绠閮鑰鍏妫楠缂鍒闄绋勫彂]/gu;
const HAN = new RegExp(`[${HAN_CLASS}]`, 'g');
/** About 500 of the most frequent characters of written Chinese: they make up well over half of any real text. */
const COMMON_HAN = new Set('的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处队南给色光门即保治北造百规热领七海口东导器压志世金增争济阶油思术极交受联什认六共权收证改清己美再采转更单风切打白教速花带安场身车例真务具万每目至达走积示议声报斗完类八离华名确才科张信马节话米整空元况今集温传土许步群广石记需段研界拉林律叫且究观越织装影算低持音众书布复容儿须际商非验连断深难近矿千周委素技备半办青省列习响约支般史感劳便团往酸历市克何除消构府称太准精值号率族维划选标写存候毛亲快效斯院查江型眼王按格养易置派层片始却专状育厂京识适属圆包火住调满县局照参红细引听该铁价严龙飞');
const PRIVATE_USE = /[\ue000-\uf8ff]/gu;

/** Whether decoded text is garbled, and why. */
export function detectMojibake(text: string): MojibakeReport {
  const sample = text.length > 200_000 ? text.slice(0, 200_000) : text;
  // Shares are of the non-ASCII characters: markup, Latin letters and digits are the same in every reading.
  const visible = sample.replace(/[\s\x00-\x7f]+/g, '').length;
  if (visible === 0) return { garbled: false, replacementShare: 0, latin1Share: 0, gbkShare: 0 };
  const replacement = sample.split('\ufffd').length - 1;
  const latin1 = (sample.match(LATIN1_MOJIBAKE)?.length ?? 0) * 3;
  const han = sample.match(HAN)?.length ?? 0;
  const gbk = sample.match(GBK_MOJIBAKE)?.length ?? 0;
  const replacementShare = replacement / visible;
  const latin1Share = Math.min(1, latin1 / visible);
  const gbkShare = han ? gbk / han : 0;
  let common = 0;
  if (han >= 40) for (const ch of sample.match(HAN) ?? []) if (COMMON_HAN.has(ch)) common++;
  const privateUse = sample.match(PRIVATE_USE)?.length ?? 0;
  let reason: string | undefined;
  if (replacement >= 3 && replacementShare > 0.05) reason = `${(replacementShare * 100).toFixed(1)}% replacement characters`;
  else if (latin1 >= 9 && latin1Share > 0.3) reason = `${(latin1Share * 100).toFixed(1)}% UTF-8 read as Latin-1`;
  else if (gbk >= 5 && gbkShare > 0.08) reason = `${(gbkShare * 100).toFixed(1)}% of Han characters look like UTF-8 read as GBK`;
  else if (han >= 40 && common < 0.2 * han) reason = `only ${((common / han) * 100).toFixed(1)}% of Han characters are common ones: not Chinese text in this encoding`;
  else if (privateUse >= 5 && privateUse > 0.05 * visible) reason = `${privateUse} private-use characters`;
  return { garbled: reason !== undefined, replacementShare, latin1Share, gbkShare, reason };
}

/** The charset a page declares in its first bytes (`<meta charset>` or http-equiv), lower-cased. */
export function declaredCharset(bytes: Uint8Array): string | undefined {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 4096));
  const m = /<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)/i.exec(head);
  return m?.[1]?.toLowerCase();
}

function decodeWith(label: string, bytes: Uint8Array, fatal: boolean): string | undefined {
  try {
    return new TextDecoder(label, { fatal }).decode(bytes);
  } catch {
    return undefined; // unknown label, or invalid bytes with fatal on
  }
}

function canonicalLabel(label: string | undefined): string | undefined {
  if (!label) return undefined;
  try {
    return new TextDecoder(label).encoding; // "gb2312" and "gbk" both name the gbk decoder
  } catch {
    return undefined;
  }
}

/**
 * Decodes a page's bytes without trusting its declared charset: strict UTF-8 first (GBK text is
 * almost never valid UTF-8), then GB18030, then the declared charset; the first that decodes without
 * errors and reads as real text wins. When none does, the candidate with the fewest problems is
 * returned with `ok: false` and the reason, so a caller can say so instead of saving garbage.
 */
export function decodePageBytes(bytes: Uint8Array, declared?: string): DecodedPage {
  const declaredLabel = canonicalLabel(declared ?? declaredCharset(bytes));
  const labels = ['utf-8', 'gb18030'];
  if (declaredLabel && declaredLabel !== 'utf-8' && declaredLabel !== 'gbk' && declaredLabel !== 'gb18030') labels.push(declaredLabel);
  let best: DecodedPage | undefined;
  for (const label of labels) {
    const strict = decodeWith(label, bytes, true);
    if (strict !== undefined) {
      const report = detectMojibake(strict);
      if (!report.garbled) return { text: strict, encoding: label, ok: true, report };
    }
    const loose = strict ?? decodeWith(label, bytes, false);
    if (loose === undefined) continue;
    const report = detectMojibake(loose);
    const badness = report.replacementShare + report.latin1Share + report.gbkShare;
    const bestBadness = best ? best.report.replacementShare + best.report.latin1Share + best.report.gbkShare : Infinity;
    if (badness < bestBadness) best = { text: loose, encoding: label, ok: !report.garbled, report };
  }
  return best ?? { text: '', encoding: 'utf-8', ok: false, report: { ...detectMojibake(''), garbled: true, reason: 'no decoder' } };
}
