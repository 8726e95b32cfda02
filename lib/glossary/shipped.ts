/**
 * The built-in glossary as the extension ships it: one JSON asset made at build time from the
 * source files. Example sentences of context guards are for the data tests only, so they are dropped.
 */
import type { GlossaryEntry } from './types';
import { formPinyinOf, type CharReader } from './form-pinyin';

/** Each form gets its own pinyin (read by `read`), so cards and ruby show what is written. */
export function toShippedEntries(entries: readonly GlossaryEntry[], read: CharReader): GlossaryEntry[] {
  return entries.map((entry) => {
    const shipped: GlossaryEntry = { ...entry };
    if (entry.forms.length) shipped.formPinyin = formPinyinOf(entry, read);
    if (entry.guards) {
      shipped.guards = Object.fromEntries(Object.entries(entry.guards).map(([form, { match: _m, noMatch: _n, ...rule }]) => [form, rule]));
    }
    return shipped;
  });
}
