import { CATEGORIES, SCOPES, type GlossaryEntry } from './types';
import { hanCount } from '../han';
import { phrase, problem, type Problem } from '../problems';

const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
// A tone-marked pinyin syllable (toneless neutral-tone syllables allowed), optionally capitalised.
const SYLLABLE = /^[a-zA-ZüÜāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜĀÁǍÀĒÉĚÈĪÍǏÌŌÓǑÒŪÚǓÙ]+$/;


/** Problems in a list of entries (each with the entry it applies to); an empty list means the data is sound. */
export function validateGlossary(entries: readonly GlossaryEntry[]): Problem[] {
  const problems: Problem[] = [];
  const ids = new Set<string>();
  const formOwners = new Map<string, string[]>();

  for (const e of entries) {
    const where = phrase('whereEntryId', String(e.id ?? '?'));
    const add = (key: Parameters<typeof problem>[0], ...args: (string | number)[]) => problems.push({ ...problem(key, ...args), where });
    if (typeof e.id !== 'string' || !ID_PATTERN.test(e.id)) add('problemIdFormat');
    if (ids.has(e.id)) add('problemIdDuplicate');
    ids.add(e.id);
    if (typeof e.term !== 'string' || hanCount(e.term) === 0) add('problemTermNoHan');
    if (!Array.isArray(e.forms) || !e.forms.every((f) => typeof f === 'string' && f.trim() !== ''))
      add('problemFormsList');
    if (typeof e.english !== 'string' || e.english.trim() === '') add('problemEnglishEmpty');
    if (typeof e.englishSource !== 'string' || e.englishSource.trim() === '')
      add('problemSourceEmpty');
    if (typeof e.explanation !== 'string' || e.explanation.trim().length < 20)
      add('problemExplanationShort');
    if (!CATEGORIES.includes(e.category)) add('problemCategory', String(e.category));
    if (!SCOPES.includes(e.scope)) add('problemScope', String(e.scope));
    if (!Array.isArray(e.related)) add('problemRelatedList');
    if (e.year !== undefined && (!Number.isInteger(e.year) || e.year < 1900 || e.year > 2100))
      add('problemYear', e.year);
    if (e.asOf !== undefined && (!Number.isInteger(e.asOf) || e.asOf < 1990 || e.asOf > 2100))
      add('problemAsOf', e.asOf);
    for (const p of guardProblems(e)) problems.push({ ...p, where });
    if (e.category === 'numbered-formula' && (!Array.isArray(e.items) || e.items.length === 0))
      add('problemFormulaItems');
    for (const item of e.items ?? []) {
      if (!item.zh?.trim() || !item.en?.trim()) add('problemItemIncomplete');
    }

    if (typeof e.pinyin === 'string' && typeof e.term === 'string') {
      const syllables = e.pinyin.trim().split(/\s+/);
      if (syllables.length !== hanCount(e.term))
        add('problemPinyinCount', syllables.length, hanCount(e.term));
      const bad = syllables.find((s) => !SYLLABLE.test(s));
      if (bad) add('problemPinyinSyllable', bad);
    } else add('problemPinyinMissing');

    const shared = new Set(e.sharedForms ?? []);
    for (const form of new Set([e.term, ...(e.forms ?? [])])) {
      if (shared.has(form)) continue;
      const owners = formOwners.get(form) ?? [];
      owners.push(e.id);
      formOwners.set(form, owners);
    }
  }

  for (const [form, owners] of formOwners) {
    if (owners.length > 1) problems.push(problem('problemFormClaimed', form, owners.join(', ')));
  }
  for (const e of entries) {
    for (const r of e.related ?? []) {
      const where = phrase('whereEntryId', e.id);
      if (!ids.has(r)) problems.push({ ...problem('problemRelatedMissing', r), where });
      if (r === e.id) problems.push({ ...problem('problemRelatedSelf'), where });
    }
  }
  return problems;
}

const GUARD_LISTS = ['near', 'notNear', 'notAfter', 'notBefore', 'match', 'noMatch'] as const;

function guardProblems(e: GlossaryEntry): Problem[] {
  if (e.guards === undefined) return [];
  if (typeof e.guards !== 'object' || e.guards === null) return [problem('problemGuardsShape')];
  const problems: Problem[] = [];
  const surfaces = new Set([e.term, ...(e.forms ?? [])]);
  for (const [form, guard] of Object.entries(e.guards)) {
    if (!surfaces.has(form)) problems.push(problem('problemGuardForm', form));
    for (const key of GUARD_LISTS) {
      const list = guard[key];
      if (list !== undefined && !(Array.isArray(list) && list.every((s) => typeof s === 'string' && s.trim() !== '')))
        problems.push(problem('problemGuardList', form, key));
    }
    if (guard.wholeWord !== undefined && typeof guard.wholeWord !== 'boolean')
      problems.push(problem('problemGuardWholeWord', form));
    if (!guard.match?.length || !guard.noMatch?.length)
      problems.push(problem('problemGuardExamples', form));
  }
  return problems;
}
