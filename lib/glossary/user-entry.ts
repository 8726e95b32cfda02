import type { GlossaryEntry } from './types';
import type { GlossaryStore } from './store';
import { hanCount, onlyHan } from '../han';
import { problem, ProblemError } from '../problems';

export interface UserEntryInput {
  term: string;
  english: string;
  explanation: string;
  forms?: string[];
  category?: GlossaryEntry['category'];
  scope?: GlossaryEntry['scope'];
}

/** A stable id for a user entry: derived from the term, so adding the same phrase twice updates it. */
export function userEntryId(term: string): string {
  let hash = 2166136261;
  for (let i = 0; i < term.length; i++) hash = Math.imul(hash ^ term.charCodeAt(i), 16777619);
  return `user-${(hash >>> 0).toString(36)}`;
}

/** Reads Han text aloud: one tone-marked syllable per character. */
export type PinyinReader = (hanText: string) => string[];

/**
 * Turns what a reader typed into a full entry (pinyin filled in by `readPinyin`: pinyin-pro in the
 * reader, the dictionary in the background), or throws a ProblemError saying what is wrong.
 */
export function buildUserEntry(input: UserEntryInput, readPinyin: PinyinReader): GlossaryEntry {
  const term = input.term.trim();
  const english = input.english.trim();
  const explanation = input.explanation.trim();
  if (hanCount(term) === 0) throw new ProblemError([problem('problemTermNoHan')]);
  if ([...term].length > 30) throw new ProblemError([problem('problemTermTooLong', 30)]);
  if (!english) throw new ProblemError([problem('problemEnglishEmpty')]);
  const forms = [...new Set((input.forms ?? []).map((f) => f.trim()).filter((f) => f && f !== term))];
  const syllables = readPinyin(onlyHan(term));
  return {
    id: userEntryId(term),
    term,
    forms,
    pinyin: syllables.join(' '),
    english,
    englishSource: 'your own entry',
    explanation: explanation || english,
    category: input.category ?? 'document-phrase',
    scope: input.scope ?? 'national',
    related: [],
    user: true,
  };
}

/** A card's "Add your explanation": the entry built from the draft, checked and stored by the store. */
export async function addUserEntryFromDraft(store: GlossaryStore, input: UserEntryInput, readPinyin: PinyinReader): Promise<GlossaryEntry> {
  const entry = buildUserEntry(input, readPinyin);
  await store.saveUserEntries([entry]);
  return entry;
}
