/**
 * The built-in glossary as the extension ships it: one JSON asset made at build time from the
 * source files. Example sentences of context guards are for the data tests only, so they are dropped.
 */
import type { GlossaryEntry } from './types';

export function toShippedEntries(entries: readonly GlossaryEntry[]): GlossaryEntry[] {
  return entries.map((entry) => {
    if (!entry.guards) return entry;
    const guards = Object.fromEntries(Object.entries(entry.guards).map(([form, { match: _m, noMatch: _n, ...rule }]) => [form, rule]));
    return { ...entry, guards };
  });
}
