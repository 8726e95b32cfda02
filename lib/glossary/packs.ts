/** Glossary packs: a JSON file of user entries to share between browsers or with classmates. */
import { isRecord } from '../field-checks';
import { pickEntry } from './entry-shape';
import type { GlossaryEntry } from './types';
import { userEntryProblems, type EntryContext } from './user-entry-check';

export const PACK_FORMAT = 'yidu-glossary-pack';
export const PACK_VERSION = 1;

export interface GlossaryPack {
  format: typeof PACK_FORMAT;
  version: typeof PACK_VERSION;
  entries: GlossaryEntry[];
}

export type PackResult = { ok: true; entries: GlossaryEntry[] } | { ok: false; problems: string[] };

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
    return { ok: false, problems: [`${fileName} is not valid JSON (${(err as Error).message}).`] };
  }
  if (!isRecord(data) || data.format !== PACK_FORMAT)
    return { ok: false, problems: [`${fileName} is not a Yidu glossary pack: "format" must be "${PACK_FORMAT}".`] };
  if (data.version !== PACK_VERSION) {
    const newer = typeof data.version === 'number' && data.version > PACK_VERSION;
    return {
      ok: false,
      problems: [`${fileName} has pack version ${JSON.stringify(data.version)}; this Yidu reads version ${PACK_VERSION}${newer ? ' (update Yidu to read it)' : ''}.`],
    };
  }
  if (!Array.isArray(data.entries)) return { ok: false, problems: [`${fileName}: "entries" must be a list.`] };
  if (data.entries.length === 0) return { ok: false, problems: [`${fileName} has no entries.`] };

  const label = (index: number, id?: string) => `${fileName}, entry ${index + 1}${id ? ` (${id})` : ''}`;
  const problems = userEntryProblems(data.entries, context, label);
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, entries: (data.entries as GlossaryEntry[]).map((e) => ({ ...pickEntry(e), user: true })) };
}
