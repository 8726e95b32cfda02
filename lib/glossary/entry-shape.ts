import { BOOLEAN, fieldProblems, isNumber, isRecord, isText, isTextList, TEXT, TEXT_LIST, type FieldCheck } from '../field-checks';
import { phrase, type Problem } from '../problems';
import type { GlossaryEntry } from './types';

const isItems = (v: unknown) => Array.isArray(v) && v.every((item) => isRecord(item) && isText(item.zh) && isText(item.en));

/** The types validateGlossary assumes: it reads fields without checking them, so a hand-made file is checked first. */
const ENTRY_FIELDS: Record<string, FieldCheck> = {
  id: TEXT,
  term: TEXT,
  forms: TEXT_LIST,
  pinyin: TEXT,
  english: TEXT,
  englishSource: TEXT,
  explanation: TEXT,
  category: TEXT,
  scope: TEXT,
  related: TEXT_LIST,
  year: [isNumber, phrase('typeNumber'), 'optional'],
  items: [isItems, phrase('typeItems'), 'optional'],
  sharedForms: [isTextList, phrase('typeTextList'), 'optional'],
  user: [BOOLEAN[0], BOOLEAN[1], 'optional'],
};

export function entryShapeProblems(value: unknown): Problem[] {
  return fieldProblems(value, ENTRY_FIELDS);
}

/** The known fields of a shape-checked entry, so stray fields in a file are not stored. */
export function pickEntry(value: GlossaryEntry): GlossaryEntry {
  const entry: GlossaryEntry = {
    id: value.id,
    term: value.term,
    forms: value.forms,
    pinyin: value.pinyin,
    english: value.english,
    englishSource: value.englishSource,
    explanation: value.explanation,
    category: value.category,
    scope: value.scope,
    related: value.related,
  };
  if (value.year !== undefined) entry.year = value.year;
  if (value.items !== undefined) entry.items = value.items.map(({ zh, en }) => ({ zh, en }));
  if (value.sharedForms !== undefined) entry.sharedForms = value.sharedForms;
  if (value.user !== undefined) entry.user = value.user;
  return entry;
}
