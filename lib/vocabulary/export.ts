/** The vocabulary list as files: a TSV that Anki (2.1.55 or later) imports as notes, and plain JSON. */
import type { VocabularyItem } from '../db/schema';

export const ANKI_COLUMNS = ['Front', 'Back', 'Pinyin', 'Context', 'Tags'] as const;

/**
 * One TSV field: tabs and line breaks would split the note, so they become spaces. Anki's reader
 * treats `"` as a quote and a line starting with `#` as a comment, so such fields are quoted CSV-style.
 */
export function ankiField(text: string): string {
  const flat = text.replace(/[\t\r\n\u2028\u2029]+/g, ' ').trim();
  return /"/.test(flat) || flat.startsWith('#') ? `"${flat.replace(/"/g, '""')}"` : flat;
}

/** Tags are space-separated in Anki, so each tag loses its own spaces. */
function ankiTags(tags: readonly string[]): string {
  return tags.map((t) => t.trim().replace(/\s+/g, '-')).filter(Boolean).join(' ');
}

/**
 * The Anki file: a header Anki reads as import options, then one note per term.
 * `scopeOf` gives the entry's scope (national, zhejiang, jinhua-yiwu) for a tag, when it is known.
 */
export function toAnkiTsv(items: readonly VocabularyItem[], scopeOf: (entryId: string) => string | undefined = () => undefined): string {
  const lines = ['#separator:tab', '#html:false', `#columns:${ANKI_COLUMNS.join('\t')}`, `#tags column:${ANKI_COLUMNS.length}`];
  for (const item of items) {
    const scope = scopeOf(item.entryId);
    const fields = [item.term, item.english, item.pinyin, item.sentence].map(ankiField);
    lines.push([...fields, ankiField(ankiTags(['yidu', ...(scope ? [scope] : [])]))].join('\t'));
  }
  return `${lines.join('\n')}\n`;
}

export const VOCABULARY_FORMAT = 'yidu-vocabulary';

/** Every saved field of every term, for other tools or a spreadsheet. */
export function toVocabularyJson(items: readonly VocabularyItem[], exportedAt: Date): string {
  const file = { format: VOCABULARY_FORMAT, version: 1, exportedAt: exportedAt.toISOString(), items };
  return `${JSON.stringify(file, null, 2)}\n`;
}
