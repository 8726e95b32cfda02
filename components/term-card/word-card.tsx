import { useState } from 'preact/hooks';
import type { DictionaryEntry } from '@/lib/dictionary';
import type { WordPart } from '@/lib/lookup/find-word';
import { CardStatus, SaveButton } from './card-parts';
import { t } from '@/lib/i18n-card';
import { useLanguage } from '@/components/use-language';

/** Senses shown before "more": enough for the common meanings, short enough to read at a glance. */
const FIRST_SENSES = 3;
/** Entries (readings) shown for one word; CC-CEDICT has up to a dozen for some characters. */
const MAX_ENTRIES = 4;

export interface WordCardProps {
  /** The word as written on the page (or the selected text). */
  word: string;
  entries: DictionaryEntry[];
  /** A selection that is not one headword: its words one by one. */
  parts?: WordPart[];
  /** The glossary's English rendering when the word is a glossary term. */
  glossaryEnglish?: string;
  /** Shows the n / b hint (a word of a sentence, not a selection). */
  steppable: boolean;
  saved: boolean;
  status?: string;
  onSave(): void;
  onClose(): void;
}

/** The card for any word of the page: CC-CEDICT's readings and senses (rendered in the card host's shadow root). */
export function WordCard(props: WordCardProps) {
  useLanguage();
  const { word, entries, parts } = props;
  const canSave = entries.length > 0 || (parts ?? []).some((p) => p.entries.length > 0);
  return (
    <div class="card word-card" role="dialog" tabindex={-1} aria-label={t('wordCard', word)}>
      <button type="button" class="close" aria-label={t('close')} onClick={props.onClose}>
        ×
      </button>
      {/* The body scrolls when the room by the word is shorter than the card; the footer stays in view. */}
      <div class="body">
        <h2>
          <span lang="zh" class="term">
            {word}
          </span>
        </h2>
        {props.glossaryEnglish && <p class="english">{t('inYiduGlossary', props.glossaryEnglish)}</p>}
        {entries.slice(0, MAX_ENTRIES).map((entry, i) => (
          <EntryView key={i} entry={entry} word={word} />
        ))}
        {parts && parts.length > 0 && (
          <>
            <p class="meta">{t('wordByWord')}</p>
            <ul class="parts">
              {parts.map((part, i) => (
                <li key={i}>
                  <span lang="zh">{part.word}</span> <span class="pinyin">{part.entries[0]?.pinyin ?? ''}</span>{' '}
                  {part.entries[0]?.senses[0] ?? '—'}
                </li>
              ))}
            </ul>
          </>
        )}
        {entries.length === 0 && !parts?.length && <p class="explanation">{t('notInDictionary')}</p>}
      </div>
      <footer>
        <span class="occurrence">
          {props.steppable ? `${t('stepWordsHint')} · ` : ''}
          {t('dictionarySource')}
        </span>
        {canSave && <SaveButton saved={props.saved} onSave={props.onSave} />}
      </footer>
      <CardStatus status={props.status} />
    </div>
  );
}

function EntryView({ entry, word }: { entry: DictionaryEntry; word: string }) {
  const [all, setAll] = useState(false);
  const senses = all ? entry.senses : entry.senses.slice(0, FIRST_SENSES);
  const other = entry.traditional !== word ? entry.traditional : entry.simplified !== word ? entry.simplified : undefined;
  return (
    <section class="entry">
      <p class="reading">
        <span class="pinyin">{entry.pinyin}</span>
        {other && (
          <span class="meta" lang="zh">
            {' · '}
            {entry.traditional === other ? t('traditionalForm', other) : other}
          </span>
        )}
      </p>
      <ol class="senses">
        {senses.map((sense, i) => (
          <li key={i}>{sense}</li>
        ))}
      </ol>
      {entry.senses.length > FIRST_SENSES && (
        <button type="button" class="link" aria-expanded={all} onClick={() => setAll(!all)}>
          {all ? t('fewerSenses') : t('moreSenses', entry.senses.length - FIRST_SENSES)}
        </button>
      )}
      {entry.classifiers.length > 0 && (
        <p class="meta">
          {t('measureWords')}{' '}
          {entry.classifiers.map((c) => (
            <span key={c.simplified} lang="zh">
              {c.simplified}
              {c.pinyin ? ` ${c.pinyin}` : ''}{' '}
            </span>
          ))}
        </p>
      )}
      {entry.variantOf.length > 0 && <p class="meta">{t('variantOf', entry.variantOf.map((v) => v.simplified).join(', '))}</p>}
    </section>
  );
}
