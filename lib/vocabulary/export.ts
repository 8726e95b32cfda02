/** The vocabulary list as files: a TSV that Anki (2.1.55 or later) imports as notes, and plain JSON. */
import type { VocabularyItem } from '../db/schema';

import { WORD_ID_PREFIX } from '../lookup/vocabulary';

export const ANKI_COLUMNS = ['Front', 'Back', 'Pinyin', 'Definition', 'Context', 'Tags'] as const;

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

/** What the export knows of a glossary entry beyond the saved item (items saved before `definition` was kept). */
export interface EntryFacts {
  /** Its scope (national, zhejiang, jinhua-yiwu), for a tag. */
  scope?: string;
  explanation?: string;
}

/**
 * The Anki file: a header Anki reads as import options, then one note per term. Definition is the
 * glossary's explanation of a term, or a dictionary word's readings and senses. Words looked up in the
 * dictionary are tagged `dictionary`, glossary terms by scope when `factsOf` knows it.
 */
export function toAnkiTsv(items: readonly VocabularyItem[], factsOf: (entryId: string) => EntryFacts | undefined = () => undefined): string {
  const lines = ['#separator:tab', '#html:false', `#columns:${ANKI_COLUMNS.join('\t')}`, `#tags column:${ANKI_COLUMNS.length}`];
  for (const item of items) {
    const facts = factsOf(item.entryId);
    const word = item.entryId.startsWith(WORD_ID_PREFIX);
    const fields = [item.term, item.english, item.pinyin, item.definition ?? facts?.explanation ?? '', item.sentence].map(ankiField);
    const tags = ['yidu', ...(word ? ['dictionary'] : []), ...(facts?.scope ? [facts.scope] : [])];
    lines.push([...fields, ankiField(ankiTags(tags))].join('\t'));
  }
  return `${lines.join('\n')}\n`;
}

export const VOCABULARY_FORMAT = 'yidu-vocabulary';

/** Every saved field of every term, for other tools or a spreadsheet. */
export function toVocabularyJson(items: readonly VocabularyItem[], exportedAt: Date): string {
  const file = { format: VOCABULARY_FORMAT, version: 1, exportedAt: exportedAt.toISOString(), items };
  return `${JSON.stringify(file, null, 2)}\n`;
}
