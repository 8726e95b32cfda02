/** The add/edit form's text fields, and the conversion between them and a glossary entry. */
import { problem, ProblemError } from '../problems';
import type { Category, FormulaItem, GlossaryEntry, Scope } from './types';
import { buildUserEntry } from './user-entry';

export interface EntryDraft {
  term: string;
  /** Other spellings, separated by 、 , ， or line breaks. */
  forms: string;
  /** Empty: filled in from the term. */
  pinyin: string;
  english: string;
  /** Empty: "your own entry". */
  englishSource: string;
  explanation: string;
  category: Category;
  scope: Scope;
  /** Ids of related entries (the form picks them from the glossary). */
  related: string[];
  year: string;
  /** One item per line: `发挥体制机制优势 = Leverage institutional advantages`. */
  items: string;
}

export const EMPTY_DRAFT: EntryDraft = {
  term: '',
  forms: '',
  pinyin: '',
  english: '',
  englishSource: '',
  explanation: '',
  category: 'document-phrase',
  scope: 'national',
  related: [],
  year: '',
  items: '',
};

export function draftFromEntry(e: GlossaryEntry): EntryDraft {
  return {
    term: e.term,
    forms: e.forms.join('、'),
    pinyin: e.pinyin,
    english: e.english,
    englishSource: e.englishSource,
    explanation: e.explanation,
    category: e.category,
    scope: e.scope,
    related: [...e.related],
    year: e.year === undefined ? '' : String(e.year),
    items: (e.items ?? []).map((i) => `${i.zh} = ${i.en}`).join('\n'),
  };
}

const split = (text: string, separators: RegExp) => text.split(separators).map((s) => s.trim()).filter(Boolean);

function parseItems(text: string): FormulaItem[] | undefined {
  const lines = text.split('\n').map((l) => l.trim());
  const items: FormulaItem[] = [];
  lines.forEach((line, i) => {
    if (!line) return;
    const at = line.indexOf('=');
    if (at < 0) throw new ProblemError([problem('problemItemLine', i + 1)]);
    items.push({ zh: line.slice(0, at).trim(), en: line.slice(at + 1).trim() });
  });
  return items.length > 0 ? items : undefined;
}

/**
 * The entry a filled-in form describes. New entries get their id from buildUserEntry; an edited one
 * keeps the id it had, so vocabulary cards and related links that point at it still work.
 * Throws an Error with a message for the reader when a field cannot be read at all. `syllables`
 * reads the term's pinyin (lib/pinyin's syllablesOf): passed in so the screens holding the form load
 * pinyin-pro (~40 ms of start-up work) only when an entry is saved.
 */
export function entryFromDraft(draft: EntryDraft, original: GlossaryEntry | undefined, syllables: (text: string) => string[]): GlossaryEntry {
  const built = buildUserEntry({
    term: draft.term,
    english: draft.english,
    explanation: draft.explanation,
    forms: split(draft.forms, /[、,，\n]/),
    category: draft.category,
    scope: draft.scope,
  }, syllables);
  const yearText = draft.year.trim();
  const year = yearText ? Number(yearText) : undefined;
  if (year !== undefined && !Number.isInteger(year)) throw new ProblemError([problem('problemYearWhole')]);
  const id = original?.id ?? built.id;
  const entry: GlossaryEntry = {
    ...built,
    id,
    pinyin: draft.pinyin.trim().replace(/\s+/g, ' ') || built.pinyin,
    englishSource: draft.englishSource.trim() || built.englishSource,
    // Each related entry once, and never the entry itself.
    related: [...new Set(draft.related)].filter((r) => r !== id),
  };
  if (year !== undefined) entry.year = year;
  const items = parseItems(draft.items);
  if (items) entry.items = items;
  if (original?.sharedForms) entry.sharedForms = original.sharedForms;
  return entry;
}
