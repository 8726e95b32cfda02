/**
 * One English per Chinese term: every place the glossary renders a Chinese string in English (an entry's
 * term and forms, a numbered formula's items), grouped by the Chinese, with the groups whose renderings
 * differ. Pure (no file access): used by scripts/glossary-renderings.ts and the data tests.
 */
import type { GlossaryEntry } from './types';

export interface Rendering {
  /** The Chinese as written in the glossary. */
  zh: string;
  en: string;
  /** Entry id, with the item number for a formula item: `four-major-constructions#2`. */
  where: string;
  /** The entry lists this string in `sharedForms` (a short form that deliberately names two things). */
  shared: boolean;
}

export interface RenderingConflict {
  zh: string;
  renderings: Rendering[];
}

/** The Chinese compared: quotes, brackets of titles, spaces and list commas do not count. */
export function zhKey(zh: string): string {
  return zh.replace(/[\s"'“”‘’「」『』《》〈〉、，,]/g, '');
}

/**
 * The core of an English rendering: lower case, without a leading item number, parenthetical glosses, what
 * follows a colon or a spaced dash, quotes and punctuation; words stemmed crudely so that "stabilize" and
 * "stabilizing", "-isation" and "-ization", "deputy" and "deputies" agree.
 */
export function englishCore(en: string): string {
  return coreWords(en).join(' ');
}

function coreWords(en: string): string[] {
  return en
    .toLowerCase()
    .replace(/^\s*\d+\s*:\s*/, '')
    .replace(/\([^)]*\)/g, ' ')
    .replace(/\s[—–-]\s.*$|:.*$/, '')
    .replace(/['"‘’“”.,;!?]/g, '')
    .replace(/[-–—/]/g, ' ')
    .split(/\s+/)
    .filter((w) => w && !ARTICLES.has(w))
    .map(stem);
}

const ARTICLES = new Set(['the', 'a', 'an']);
const FUNCTION_WORDS = new Set(['of', 'and', 'for', 'to', 'in', 'on', 'by', 'with', 'from', 'its', 'their']);

function stem(word: string): string {
  let w = word.replace(/is(e|ed|es|ing|ation)$/, 'iz$1').replace(/ies$/, 'y');
  if (w.length > 4) w = w.replace(/ation$/, 'ate').replace(/(ion|ing|ed|es|s|e)$/, '');
  return w.replace(/([bdfglmnprt])\1$/, '$1');
}

/**
 * Two renderings agree when, after `englishCore`, the content words of one are all among those of the
 * other: "rule of virtue" and "rule by virtue and moral example", "Zhejiang Greater Bay Area" and
 * "Greater Bay Area (around Hangzhou Bay)". Different words for the same Chinese do not agree.
 */
export function renderingsAgree(a: string, b: string): boolean {
  const content = (en: string) => new Set(coreWords(en).filter((w) => !FUNCTION_WORDS.has(w)));
  const x = content(a);
  const y = content(b);
  const [small, large] = x.size <= y.size ? [x, y] : [y, x];
  return small.size > 0 && [...small].every((w) => large.has(w));
}

export function renderingsOf(entries: readonly GlossaryEntry[]): Map<string, Rendering[]> {
  const byZh = new Map<string, Rendering[]>();
  const add = (zh: string, en: string, where: string, shared: boolean) => {
    const key = zhKey(zh);
    if (!key) return;
    const list = byZh.get(key) ?? [];
    // an entry's term and forms share its one English: keep one row per entry
    if (!list.some((r) => r.where === where)) list.push({ zh, en, where, shared });
    byZh.set(key, list);
  };
  for (const e of entries) {
    const shared = new Set(e.sharedForms ?? []);
    for (const s of [e.term, ...e.forms]) add(s, e.english, e.id, shared.has(s));
    e.items?.forEach((item, i) => add(item.zh, item.en, `${e.id}#${i + 1}`, false));
  }
  return byZh;
}

/**
 * Chinese strings rendered in English that do not agree, across entries and items. A string every entry
 * of which lists it in `sharedForms` is a deliberate two-sense form and is not a conflict; `exceptions`
 * (Chinese strings) are others reviewed and justified.
 */
export function renderingConflicts(
  entries: readonly GlossaryEntry[],
  exceptions: ReadonlySet<string> = new Set(),
): RenderingConflict[] {
  const conflicts: RenderingConflict[] = [];
  for (const [key, renderings] of renderingsOf(entries)) {
    if (renderings.length < 2 || exceptions.has(key)) continue;
    const entryRows = renderings.filter((r) => !r.where.includes('#'));
    if (entryRows.length > 1 && entryRows.every((r) => r.shared) && entryRows.length === renderings.length) continue;
    // an item of the entry that also claims the string as its term or form is the same thing, spelled out
    const entryOf = (r: Rendering) => r.where.split('#')[0];
    const bad = renderings.some((r, i) =>
      renderings.slice(i + 1).some((s) => entryOf(r) !== entryOf(s) && !renderingsAgree(r.en, s.en)),
    );
    if (bad) conflicts.push({ zh: renderings[0]!.zh, renderings });
  }
  return conflicts;
}
