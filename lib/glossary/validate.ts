import { CATEGORIES, SCOPES, type GlossaryEntry } from './types';
import { hanCount } from '../han';

const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
// A tone-marked pinyin syllable (toneless neutral-tone syllables allowed), optionally capitalised.
const SYLLABLE = /^[a-zA-ZüÜāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜĀÁǍÀĒÉĚÈĪÍǏÌŌÓǑÒŪÚǓÙ]+$/;


/** Problems in a list of entries, one readable line each; an empty list means the data is sound. */
export function validateGlossary(entries: readonly GlossaryEntry[]): string[] {
  const problems: string[] = [];
  const ids = new Set<string>();
  const formOwners = new Map<string, string[]>();

  for (const e of entries) {
    const where = `entry ${e.id ?? '(no id)'}`;
    if (typeof e.id !== 'string' || !ID_PATTERN.test(e.id)) problems.push(`${where}: id must be kebab-case ASCII`);
    if (ids.has(e.id)) problems.push(`${where}: duplicate id`);
    ids.add(e.id);
    if (typeof e.term !== 'string' || hanCount(e.term) === 0) problems.push(`${where}: term must contain Han characters`);
    if (!Array.isArray(e.forms) || !e.forms.every((f) => typeof f === 'string' && f.trim() !== ''))
      problems.push(`${where}: forms must be a list of non-empty strings`);
    if (typeof e.english !== 'string' || e.english.trim() === '') problems.push(`${where}: english is empty`);
    if (typeof e.englishSource !== 'string' || e.englishSource.trim() === '')
      problems.push(`${where}: englishSource is empty`);
    if (typeof e.explanation !== 'string' || e.explanation.trim().length < 20)
      problems.push(`${where}: explanation is missing or too short`);
    if (!CATEGORIES.includes(e.category)) problems.push(`${where}: unknown category ${String(e.category)}`);
    if (!SCOPES.includes(e.scope)) problems.push(`${where}: unknown scope ${String(e.scope)}`);
    if (!Array.isArray(e.related)) problems.push(`${where}: related must be a list`);
    if (e.year !== undefined && (!Number.isInteger(e.year) || e.year < 1900 || e.year > 2100))
      problems.push(`${where}: year ${e.year} is out of range`);
    if (e.asOf !== undefined && (!Number.isInteger(e.asOf) || e.asOf < 1990 || e.asOf > 2100))
      problems.push(`${where}: asOf ${e.asOf} is out of range`);
    problems.push(...guardProblems(e, where));
    if (e.category === 'numbered-formula' && (!Array.isArray(e.items) || e.items.length === 0))
      problems.push(`${where}: a numbered formula lists its items`);
    for (const item of e.items ?? []) {
      if (!item.zh?.trim() || !item.en?.trim()) problems.push(`${where}: an item lacks zh or en`);
    }

    if (typeof e.pinyin === 'string' && typeof e.term === 'string') {
      const syllables = e.pinyin.trim().split(/\s+/);
      if (syllables.length !== hanCount(e.term))
        problems.push(`${where}: pinyin has ${syllables.length} syllables for ${hanCount(e.term)} Han characters`);
      const bad = syllables.find((s) => !SYLLABLE.test(s));
      if (bad) problems.push(`${where}: "${bad}" is not a pinyin syllable`);
    } else problems.push(`${where}: pinyin is missing`);

    const shared = new Set(e.sharedForms ?? []);
    for (const form of new Set([e.term, ...(e.forms ?? [])])) {
      if (shared.has(form)) continue;
      const owners = formOwners.get(form) ?? [];
      owners.push(e.id);
      formOwners.set(form, owners);
    }
  }

  for (const [form, owners] of formOwners) {
    if (owners.length > 1) problems.push(`form "${form}" is claimed by ${owners.join(', ')} (mark it in sharedForms if meant)`);
  }
  for (const e of entries) {
    for (const r of e.related ?? []) {
      if (!ids.has(r)) problems.push(`entry ${e.id}: related id "${r}" does not exist`);
      if (r === e.id) problems.push(`entry ${e.id}: related to itself`);
    }
  }
  return problems;
}

const GUARD_LISTS = ['near', 'notNear', 'notAfter', 'notBefore', 'match', 'noMatch'] as const;

function guardProblems(e: GlossaryEntry, where: string): string[] {
  if (e.guards === undefined) return [];
  if (typeof e.guards !== 'object' || e.guards === null) return [`${where}: guards must be an object keyed by form`];
  const problems: string[] = [];
  const surfaces = new Set([e.term, ...(e.forms ?? [])]);
  for (const [form, guard] of Object.entries(e.guards)) {
    if (!surfaces.has(form)) problems.push(`${where}: guard for "${form}", which is not one of its forms`);
    for (const key of GUARD_LISTS) {
      const list = guard[key];
      if (list !== undefined && !(Array.isArray(list) && list.every((s) => typeof s === 'string' && s.trim() !== '')))
        problems.push(`${where}: guard "${form}".${key} must be a list of non-empty strings`);
    }
    if (guard.wholeWord !== undefined && typeof guard.wholeWord !== 'boolean')
      problems.push(`${where}: guard "${form}".wholeWord must be true or false`);
    if (!guard.match?.length || !guard.noMatch?.length)
      problems.push(`${where}: guard "${form}" needs example sentences where it must match and must not`);
  }
  return problems;
}
