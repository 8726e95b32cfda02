/** Glossary packs: a JSON file of user entries to share between browsers or with classmates. */
import { isRecord } from '../field-checks';
import { pickEntry } from './entry-shape';
import type { GlossaryEntry } from './types';
import { userEntryProblems, type EntryContext } from './user-entry-check';
import { phrase, problem, type Problem } from '../problems';

export const PACK_FORMAT = 'yidu-glossary-pack';
export const PACK_VERSION = 1;

export interface GlossaryPack {
  format: typeof PACK_FORMAT;
  version: typeof PACK_VERSION;
  entries: GlossaryEntry[];
}

export type PackResult = { ok: true; entries: GlossaryEntry[] } | { ok: false; problems: Problem[] };

/** The pack file's text: entries sorted by id so two exports of the same entries are identical. */
export function packJson(entries: readonly GlossaryEntry[]): string {
  const pack: GlossaryPack = {
    format: PACK_FORMAT,
    version: PACK_VERSION,
    entries: [...entries].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)).map(pickEntry),
  };
  return `${JSON.stringify(pack, null, 2)}\n`;
}

/**
 * Reads a pack and checks all of it; any problem rejects the whole file, so an import is all or
 * nothing. Each problem names the file, and where it applies the entry (number and id) and field.
 */
export function parsePack(text: string, fileName: string, context: EntryContext): PackResult {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    return { ok: false, problems: [problem('problemNotJson', fileName, (err as Error).message)] };
  }
  if (!isRecord(data) || data.format !== PACK_FORMAT)
    return { ok: false, problems: [problem('problemNotPack', fileName, PACK_FORMAT)] };
  if (data.version !== PACK_VERSION) {
    const newer = typeof data.version === 'number' && data.version > PACK_VERSION;
    return { ok: false, problems: [problem(newer ? 'problemPackVersionNewer' : 'problemPackVersion', fileName, JSON.stringify(data.version) ?? '?', PACK_VERSION)] };
  }
  if (!Array.isArray(data.entries)) return { ok: false, problems: [{ ...problem('problemFieldType', 'entries', phrase('typeList')), where: phrase('whereFile', fileName) }] };
  if (data.entries.length === 0) return { ok: false, problems: [problem('problemNoEntries', fileName)] };

  const label = (index: number, id?: string) => (id ? phrase('whereFileEntryId', fileName, index + 1, id) : phrase('whereFileEntry', fileName, index + 1));
  const problems = userEntryProblems(data.entries, context, label);
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, entries: (data.entries as GlossaryEntry[]).map((e) => ({ ...pickEntry(e), user: true })) };
}
