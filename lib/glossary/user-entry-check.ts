import { surfacesOf } from './glossary';
import { entryShapeProblems } from './entry-shape';
import { validateGlossary } from './validate';
import type { GlossaryEntry } from './types';
import { problem, type Phrase, type Problem } from '../problems';

/** What user entries are checked against: the shipped glossary, and the user's entries already stored. */
export interface EntryContext {
  builtin: readonly GlossaryEntry[];
  /** Stored user entries; one with the same id as a checked entry is being replaced, so it does not clash. */
  existing?: readonly GlossaryEntry[];
}

/**
 * Problems in user entries, each placed by `label(index, id)` (the file and the entry's number).
 * Content rules are validateGlossary's; on top, an entry may not take a built-in id or spelling, nor
 * a spelling of another of the user's entries, and related ids must exist somewhere.
 */
export function userEntryProblems(values: readonly unknown[], context: EntryContext, label: (index: number, id?: string) => Phrase): Problem[] {
  const problems: Problem[] = [];
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
    const id = shape.some((p) => p.key === 'problemNotObject') ? undefined : (value as { id?: unknown }).id;
    const where = label(index, typeof id === 'string' ? id : undefined);
    const add = (p: Problem) => problems.push({ ...p, where });
    if (shape.length > 0) {
      shape.forEach(add);
      return;
    }
    const e = value as GlossaryEntry;
    // Entries typed in a card may be brief (the explanation falls back to the English rendering), so
    // the shipped glossary's 20-character minimum does not apply; an empty explanation still does.
    for (const p of validateGlossary([{ ...e, related: [] }])) if (p.key !== 'problemExplanationShort') add({ key: p.key, args: p.args });
    if (e.explanation.trim() === '') add(problem('problemExplanationEmpty'));
    if (builtinIds.has(e.id)) add(problem('problemBuiltinId', e.id));
    const first = firstWithId.get(e.id);
    if (first !== undefined) add(problem('problemIdReused', e.id, label(first, e.id)));
    else firstWithId.set(e.id, index);

    const shared = new Set(e.sharedForms ?? []);
    for (const [field, form] of [['fieldTerm', e.term] as const, ...e.forms.map((f) => ['fieldForms', f] as const)]) {
      if (shared.has(form)) continue;
      const fieldName = problem(field);
      const builtin = builtinSurfaces.get(form);
      if (builtin) add(problem('problemFormIsBuiltin', fieldName, form, builtin.term, builtin.id));
      const mine = otherUserSurfaces.get(form);
      if (mine) add(problem('problemFormIsYours', fieldName, form, mine.term, mine.id));
      const earlier = firstWithForm.get(form);
      if (earlier !== undefined && earlier !== index) add(problem('problemFormAlsoClaimed', fieldName, form, label(earlier)));
      else firstWithForm.set(form, index);
    }
    for (const r of e.related) {
      if (r === e.id) add(problem('problemRelatedSelf'));
      else if (!knownIds.has(r)) add(problem('problemRelatedMissing', r));
    }
  });
  return problems;
}
