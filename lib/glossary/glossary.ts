import type { GlossaryEntry } from './types';
import type { PatternSource } from '../matcher/matcher';

/**
 * Every spelling of an entry the matcher should find: headword and other forms. Traditional spellings
 * need no entry of their own: the matcher folds traditional characters to simplified (lib/matcher/fold.ts).
 */
export function surfacesOf(entry: GlossaryEntry): string[] {
  return [...new Set([entry.term, ...entry.forms])];
}

export function toPatternSources(entries: Iterable<GlossaryEntry>): PatternSource[] {
  const sources: PatternSource[] = [];
  for (const entry of entries) sources.push({ id: entry.id, surfaces: surfacesOf(entry) });
  return sources;
}

/** A read-only view of entries by id, with user entries layered over built-in ones. */
export class Glossary {
  private readonly byId = new Map<string, GlossaryEntry>();

  constructor(builtin: Iterable<GlossaryEntry>, user: Iterable<GlossaryEntry> = []) {
    for (const e of builtin) this.byId.set(e.id, e);
    for (const e of user) this.byId.set(e.id, { ...e, user: true });
  }

  get(id: string): GlossaryEntry | undefined {
    return this.byId.get(id);
  }

  get size(): number {
    return this.byId.size;
  }

  entries(): IterableIterator<GlossaryEntry> {
    return this.byId.values();
  }
}
