import { useState } from 'preact/hooks';
import type { GlossaryEntry } from '@/lib/glossary/types';
import { CardStatus, SaveButton } from './card-parts';
import { t } from '@/lib/i18n-card';
import { categoryLabel, scopeLabel } from '@/components/labels';
import { useLanguage } from '@/components/use-language';
import { CandidateBreakdown, draftExplanation, WrittenHere, type CandidateContext } from './breakdown';

export interface TermCardProps {
  /** The entry, or undefined for candidate jargon the glossary lacks (then `phrase` is set). */
  entry?: GlossaryEntry;
  phrase?: string;
  related: GlossaryEntry[];
  occurrence: number;
  total: number;
  saved: boolean;
  status?: string;
  /** Shows the keys for moving between terms (the card of a term reached with Alt+Shift+J). */
  keysHint?: boolean;
  onPrevious(): void;
  onNext(): void;
  onRelated(id: string): void;
  onSave(): void;
  onClose(): void;
  onAddExplanation(draft: { term: string; english: string; explanation: string }): void;
  // ── issue 9: the occurrence's own spelling, and a candidate's breakdown ──
  surface?: { text: string; pinyin: string };
  candidate?: CandidateContext;
}

/** The card a reader sees on hover, focus or tap of a marked term (rendered in a shadow root). */
export function TermCard(props: TermCardProps) {
  useLanguage();
  const { entry } = props;
  return (
    <div class="card" role="dialog" tabindex={-1} aria-label={entry ? `${entry.term}: ${entry.english}` : t('notInGlossary')}>
      <button type="button" class="close" aria-label={t('close')} onClick={props.onClose}>
        ×
      </button>
      {/* The body scrolls when the room by the term is shorter than the card; the footer stays in view. */}
      <div class="body">
        {entry ? <EntryBody entry={entry} related={props.related} onRelated={props.onRelated} /> : <CandidateBody {...props} />}
        {entry && props.surface && <WrittenHere surface={props.surface} />}
      </div>
      {props.keysHint && <p class="keys">{t('termKeysHint')}</p>}
      <footer>
        <span class="nav">
          <button type="button" aria-label={t('previousOccurrence')} disabled={props.total < 2} onClick={props.onPrevious}>
            ‹
          </button>
          <span class="occurrence" data-testid="occurrence">
            {t('occurrenceOf', [props.occurrence, props.total])}
          </span>
          <button type="button" aria-label={t('nextOccurrence')} disabled={props.total < 2} onClick={props.onNext}>
            ›
          </button>
        </span>
        {entry && <SaveButton saved={props.saved} onSave={props.onSave} />}
      </footer>
      <CardStatus status={props.status} />
    </div>
  );
}

function EntryBody({ entry, related, onRelated }: { entry: GlossaryEntry; related: GlossaryEntry[]; onRelated(id: string): void }) {
  return (
    <>
      <h2>
        <span lang="zh-Hans" class="term">{entry.term}</span> <span class="pinyin">{entry.pinyin}</span>
      </h2>
      <p class="english">{entry.english}</p>
      <p class="explanation">{entry.explanation}</p>
      {entry.items && entry.items.length > 0 && (
        <ol class="items">
          {entry.items.map((item) => (
            <li key={item.zh}>
              <span lang="zh-Hans">{item.zh}</span> — {item.en}
            </li>
          ))}
        </ol>
      )}
      <p class="meta">
        {/* Plain words for a reader, not the data's own labels: "Numbered formula · Yiwu · Official English: Xinhua". */}
        {sentenceCase(categoryLabel(entry.category))} · {scopeLabel(entry.scope)}
        {entry.year ? ` · ${entry.year}` : ''}
        {` · ${entry.user ? t('yourEntry') : entry.englishSource === 'descriptive' ? t('descriptiveRendering') : t('officialEnglish', entry.englishSource)}`}
      </p>
      {related.length > 0 && (
        <p class="related">
          {t('related')}{' '}
          {related.map((r) => (
            <button type="button" key={r.id} class="link" lang="zh-Hans" onClick={() => onRelated(r.id)}>
              {r.term}
            </button>
          ))}
        </p>
      )}
    </>
  );
}

function CandidateBody(props: TermCardProps) {
  const [open, setOpen] = useState(false);
  const [english, setEnglish] = useState('');
  const [explanation, setExplanation] = useState('');
  const phrase = props.phrase ?? '';
  return (
    <>
      <h2>
        <span lang="zh-Hans" class="term">{phrase}</span>
      </h2>
      <p class="explanation">
        {t('looksLikeJargon')}
      </p>
      <CandidateBreakdown {...props.candidate} />
      {!open ? (
        <button
          type="button"
          class="save"
          onClick={() => {
            // Prefilled with the breakdown, for the reader to correct rather than start from nothing.
            if (!explanation) setExplanation(draftExplanation(props.candidate ?? {}));
            setOpen(true);
          }}
        >
          {t('addYourExplanation')}
        </button>
      ) : (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            props.onAddExplanation({ term: phrase, english, explanation });
          }}
        >
          <label>
            {t('english')}
            <input required value={english} onInput={(e) => setEnglish(e.currentTarget.value)} />
          </label>
          <label>
            {t('whatItMeans')}
            <textarea rows={3} value={explanation} onInput={(e) => setExplanation(e.currentTarget.value)} />
          </label>
          <button type="submit" class="save">
            {t('saveEntry')}
          </button>
        </form>
      )}
    </>
  );
}

const sentenceCase = (label: string) => label.charAt(0).toUpperCase() + label.slice(1);
