/**
 * Context guards: a short form that also means something else (人大 inside 男人大, 动态清零 in a jobs
 * sentence, 双减 after 双控) counts only where its entry's conditions hold. The matcher finds every
 * spelling; this filter, wrapped around it, drops the occurrences whose context says otherwise.
 * One filter for every caller (content script, reader, save, CLI), so they all agree.
 */
import type { Matcher, MatchSpan } from '../matcher/matcher';
import type { FormGuard, GlossaryEntry } from './types';

/** Anything that finds term spans in text: a bare matcher or a guarded one. */
export interface SpanFinder {
  /**
   * The spans in `text`. `onHeld` hears where an occurrence was left out until an answer comes (its
   * start offset): the caller can look at that text again then, rather than at everything.
   */
  find(text: string, onHeld?: (offset: number) => void): MatchSpan[];
}

/** The rules of guarded forms: entry id → form as written → guard (example sentences left out). */
export type GuardTable = Map<string, Map<string, FormGuard>>;

/** Guards as the content scripts receive them: entry id → form → rule. */
export type GuardRules = Record<string, Record<string, FormGuard>>;

export function guardRulesOf(entries: Iterable<GlossaryEntry>): GuardRules {
  const rules: GuardRules = {};
  for (const e of entries) {
    if (!e.guards) continue;
    rules[e.id] = Object.fromEntries(Object.entries(e.guards).map(([form, { match: _m, noMatch: _n, ...rule }]) => [form, rule]));
  }
  return rules;
}

export function compileGuards(rules: GuardRules): GuardTable {
  const table: GuardTable = new Map();
  for (const [id, forms] of Object.entries(rules)) {
    table.set(id, new Map(Object.entries(forms)));
  }
  return table;
}

/**
 * Whether the form at [start, end) of `sentence` is a whole word of the segmenter (true), cuts one
 * (false), or cannot be told yet (undefined: the segmenter is elsewhere and has not answered).
 */
export type WholeWordJudge = (sentence: string, start: number, end: number) => boolean | undefined;

/** Where a sentence ends: Chinese and Western sentence punctuation, line breaks, and the annotator's run separator. */
const SENTENCE_END = /[。！？；!?;\n\r\u0000]/;

export function sentenceBounds(text: string, start: number, end: number): [number, number] {
  let from = start;
  while (from > 0 && !SENTENCE_END.test(text[from - 1]!)) from--;
  let to = end;
  while (to < text.length && !SENTENCE_END.test(text[to]!)) to++;
  return [from, to];
}

/**
 * True when [start, end) begins and ends at word boundaries (`wordEnds`: each word's end offset, in
 * order): the form is one word or several whole ones (中|办 for a 中办 jieba does not know), never
 * part of a longer word (男人|大声 for 人大, 实事求是 for 求是, 交通|局部 for 交通局).
 */
export function isWholeWords(wordEnds: readonly number[], start: number, end: number): boolean {
  const boundaries = new Set([0, ...wordEnds]);
  return boundaries.has(start) && boundaries.has(end);
}

export type GuardVerdict = 'keep' | 'drop' | 'pending';

export function judgeSpan(text: string, span: MatchSpan, guard: FormGuard, wholeWord?: WholeWordJudge): GuardVerdict {
  const { start, end } = span;
  if (guard.notAfter?.some((w) => text.slice(Math.max(0, start - w.length), start) === w)) return 'drop';
  if (guard.notBefore?.some((w) => text.slice(end, end + w.length) === w)) return 'drop';
  if (guard.near || guard.notNear || guard.wholeWord) {
    const [from, to] = sentenceBounds(text, start, end);
    const sentence = text.slice(from, to);
    if (guard.near && !guard.near.some((w) => sentence.includes(w))) return 'drop';
    if (guard.notNear?.some((w) => sentence.includes(w))) return 'drop';
    if (guard.wholeWord) {
      const whole = wholeWord?.(sentence, start - from, end - from);
      if (whole === undefined) return 'pending';
      if (!whole) return 'drop';
    }
  }
  return 'keep';
}

/**
 * A matcher with the glossary's guards applied. Occurrences whose whole-word check cannot be answered
 * yet are left out and their sentences collected in `pending`, for the caller to have segmented.
 */
export class GuardedFinder implements SpanFinder {
  readonly pending = new Set<string>();
  /**
   * Entry id → the matcher's key of each guarded form (Matcher.formKey) → its guard, made for an entry
   * when it first matches: a match is told by what the matcher saw, so 人大 written 人　大 or in
   * traditional characters finds its guard, and no fold table is built in a page for it. The keys
   * hold while the matcher's entries do: every finder wraps a matcher that is not added to afterwards
   * (a glossary snapshot's, a page's pattern pack's).
   */
  private readonly byKey = new Map<string, Map<string, FormGuard>>();

  constructor(
    private readonly matcher: Pick<Matcher, 'find' | 'formKey'>,
    private readonly table: GuardTable,
    public wholeWord?: WholeWordJudge,
  ) {}

  private guardsOf(id: string): Map<string, FormGuard> | undefined {
    let keyed = this.byKey.get(id);
    if (keyed) return keyed;
    const forms = this.table.get(id);
    if (!forms) return undefined;
    keyed = new Map([...forms].map(([form, guard]) => [this.matcher.formKey(form), guard]));
    this.byKey.set(id, keyed);
    return keyed;
  }

  find(text: string, onHeld?: (offset: number) => void): MatchSpan[] {
    const spans = this.matcher.find(text);
    if (this.table.size === 0) return spans;
    return spans.filter((span) => {
      const guard = this.guardsOf(span.id)?.get(this.matcher.formKey(text, span.start, span.end));
      if (!guard) return true;
      const verdict = judgeSpan(text, span, guard, this.wholeWord);
      if (verdict === 'pending') {
        this.pending.add(text.slice(...sentenceBounds(text, span.start, span.end)));
        onHeld?.(span.start);
      }
      return verdict === 'keep';
    });
  }
}

/** A whole-word judge over a segmenter that answers at once (jieba in Node or an extension page). */
export function segmenterJudge(cut: (sentence: string) => string[]): WholeWordJudge {
  return (sentence, start, end) => {
    const ends: number[] = [];
    let at = 0;
    for (const word of cut(sentence)) ends.push((at += word.length));
    return isWholeWords(ends, start, end);
  };
}
