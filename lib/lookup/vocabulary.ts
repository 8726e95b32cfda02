/**
 * A looked-up word as a vocabulary item, saved beside glossary terms: `word:<simplified>` ids keep
 * dictionary words apart from glossary ids (which are ASCII kebab-case), and saving the same word
 * again updates it, as for a term.
 */
import type { DictionaryEntry } from '../dictionary';
import type { WordPart } from './find-word';

export const WORD_ID_PREFIX = 'word:';

export interface WordVocabulary {
  entryId: string;
  term: string;
  english: string;
  pinyin: string;
  /** Every reading with its senses (the Anki export's definition column). */
  definition: string;
}

const SHORT_SENSES = 3;

function readingLine(e: DictionaryEntry): string {
  return `${e.pinyin}: ${e.senses.join('; ')}`;
}

/** One headword (its entries), or a selection's words one by one; undefined when nothing is known. */
export function wordVocabulary(text: string, entries: readonly DictionaryEntry[], parts: readonly WordPart[] = []): WordVocabulary | undefined {
  const first = entries[0];
  if (first) {
    return {
      entryId: WORD_ID_PREFIX + first.simplified,
      term: first.simplified,
      english: first.senses.slice(0, SHORT_SENSES).join('; '),
      pinyin: first.pinyin,
      definition: entries.map(readingLine).join(' | '),
    };
  }
  if (!parts.some((p) => p.entries.length)) return undefined;
  return {
    entryId: WORD_ID_PREFIX + text,
    term: text,
    english: parts.map((p) => p.entries[0]?.senses[0] ?? p.word).join(' + '),
    pinyin: parts.map((p) => p.entries[0]?.pinyin ?? '?').join(' '),
    definition: parts.map((p) => (p.entries[0] ? `${p.word} ${readingLine(p.entries[0])}` : p.word)).join(' | '),
  };
}
