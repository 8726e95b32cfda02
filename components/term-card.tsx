import { useState } from 'preact/hooks';
import type { GlossaryEntry } from '@/lib/glossary/types';

const SCOPE_LABEL = { national: 'National', zhejiang: 'Zhejiang', 'jinhua-yiwu': 'Jinhua · Yiwu' } as const;

export interface TermCardProps {
  /** The entry, or undefined for candidate jargon the glossary lacks (then `phrase` is set). */
  entry?: GlossaryEntry;
  phrase?: string;
  related: GlossaryEntry[];
  occurrence: number;
  total: number;
  saved: boolean;
  status?: string;
  onPrevious(): void;
  onNext(): void;
  onRelated(id: string): void;
  onSave(): void;
  onClose(): void;
  onAddExplanation(draft: { term: string; english: string; explanation: string }): void;
}

/** The card a reader sees on hover, focus or tap of a marked term (rendered in a shadow root). */
export function TermCard(props: TermCardProps) {
  const { entry } = props;
  return (
    <div class="card" role="dialog" aria-label={entry ? `${entry.term}: ${entry.english}` : 'Term not in the glossary'}>
      <button type="button" class="close" aria-label="Close" onClick={props.onClose}>
        ×
      </button>
      {entry ? <EntryBody entry={entry} related={props.related} onRelated={props.onRelated} /> : <CandidateBody {...props} />}
      <footer>
        <span class="nav">
          <button type="button" aria-label="Previous occurrence" disabled={props.total < 2} onClick={props.onPrevious}>
            ‹
          </button>
          <span class="occurrence" data-testid="occurrence">
            occurrence {props.occurrence} of {props.total}
          </span>
          <button type="button" aria-label="Next occurrence" disabled={props.total < 2} onClick={props.onNext}>
            ›
          </button>
        </span>
        {entry && (
          <button type="button" class="save" disabled={props.saved} onClick={props.onSave}>
            {props.saved ? 'Saved to vocabulary ✓' : 'Save to vocabulary'}
          </button>
        )}
      </footer>
      {props.status && (
        <p class="status" role="status">
          {props.status}
        </p>
      )}
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
        {entry.category.replace('-', ' ')} · {SCOPE_LABEL[entry.scope]}
        {entry.year ? ` · ${entry.year}` : ''}
        {entry.user ? ' · your entry' : entry.englishSource === 'descriptive' ? ' · descriptive rendering' : ` · ${entry.englishSource}`}
      </p>
      {related.length > 0 && (
        <p class="related">
          Related:{' '}
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
        Looks like policy jargon, but it is not in Yidu’s glossary yet.
      </p>
      {!open ? (
        <button type="button" class="save" onClick={() => setOpen(true)}>
          Add your explanation
        </button>
      ) : (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            props.onAddExplanation({ term: phrase, english, explanation });
          }}
        >
          <label>
            English
            <input required value={english} onInput={(e) => setEnglish(e.currentTarget.value)} />
          </label>
          <label>
            What it means
            <textarea rows={3} value={explanation} onInput={(e) => setExplanation(e.currentTarget.value)} />
          </label>
          <button type="submit" class="save">
            Save entry
          </button>
        </form>
      )}
    </>
  );
}
