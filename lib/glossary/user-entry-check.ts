import { surfacesOf } from './glossary';
import { entryShapeProblems } from './entry-shape';
import { validateGlossary } from './validate';
import type { GlossaryEntry } from './types';

/** What user entries are checked against: the shipped glossary, and the user's entries already stored. */
export interface EntryContext {
  builtin: readonly GlossaryEntry[];
  /** Stored user entries; one with the same id as a checked entry is being replaced, so it does not clash. */
  existing?: readonly GlossaryEntry[];
}

// Entries typed in a card may be brief (buildUserEntry falls back to the English rendering), so the
// shipped glossary's 20-character minimum does not apply; an empty explanation still does.
const SHORT_EXPLANATION = 'explanation is missing or too short';

/**
 * Problems in user entries, one readable line each, every line starting with `label(index, id)`.
 * Content rules are validateGlossary's; on top, an entry may not take a built-in id or spelling, nor
 * a spelling of another of the user's entries, and related ids must exist somewhere.
 */
export function userEntryProblems(values: readonly unknown[], context: EntryContext, label: (index: number, id?: string) => string): string[] {
  const problems: string[] = [];
  const builtinIds = new Set(context.builtin.map((e) => e.id));
  const builtinSurfaces = new Map<string, GlossaryEntry>();
  for (const e of context.builtin) for (const s of surfacesOf(e)) builtinSurfaces.set(s, e);
  const checkedIds = new Set(values.map((v) => (v as GlossaryEntry | null)?.id));
  const otherUserSurfaces = new Map<string, GlossaryEntry>();
  for (const e of context.existing ?? []) {
    if (!checkedIds.has(e.id)) for (const s of [e.term, ...e.forms]) otherUserSurfaces.set(s, e);
  }
  const knownIds = new Set([...builtinIds, ...(context.existing ?? []).map((e) => e.id), ...checkedIds]);
  const firstWithId = new Map<string, number>();
  const firstWithForm = new Map<string, number>();

  values.forEach((value, index) => {
    const shape = entryShapeProblems(value);
    const id = shape.includes('is not an object') ? undefined : (value as { id?: unknown }).id;
    const where = label(index, typeof id === 'string' ? id : undefined);
    if (shape.length > 0) {
      problems.push(...shape.map((p) => `${where}: ${p}`));
      return;
    }
    const e = value as GlossaryEntry;
    for (const p of validateGlossary([{ ...e, related: [] }])) {
      if (!p.endsWith(SHORT_EXPLANATION)) problems.push(`${where}: ${p.replace(/^entry [^:]*: /, '')}`);
    }
    if (e.explanation.trim() === '') problems.push(`${where}: explanation is empty`);
    if (builtinIds.has(e.id)) problems.push(`${where}: id "${e.id}" belongs to a built-in entry; give your entry another id`);
    const first = firstWithId.get(e.id);
    if (first !== undefined) problems.push(`${where}: id "${e.id}" is used again (first by ${label(first, e.id)})`);
    else firstWithId.set(e.id, index);

    const shared = new Set(e.sharedForms ?? []);
    for (const [field, form] of [['term', e.term] as const, ...e.forms.map((f) => ['forms', f] as const)]) {
      if (shared.has(form)) continue;
      const builtin = builtinSurfaces.get(form);
      if (builtin) problems.push(`${where}: ${field} "${form}" is already the built-in entry ${builtin.term} (${builtin.id})`);
      const mine = otherUserSurfaces.get(form);
      if (mine) problems.push(`${where}: ${field} "${form}" is already your entry ${mine.term} (${mine.id})`);
      const earlier = firstWithForm.get(form);
      if (earlier !== undefined && earlier !== index) problems.push(`${where}: ${field} "${form}" is also claimed by ${label(earlier)}`);
      else firstWithForm.set(form, index);
    }
    for (const r of e.related) {
      if (r === e.id) problems.push(`${where}: related lists the entry itself`);
      else if (!knownIds.has(r)) problems.push(`${where}: related id "${r}" does not exist`);
    }
  });
  return problems;
}
