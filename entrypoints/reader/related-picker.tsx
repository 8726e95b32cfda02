import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { GlossaryEntry } from '@/lib/glossary/types';
import { searchGlossary } from '@/lib/glossary/search';
import { glossaryStore } from '@/lib/glossary/context-store';
import { t } from '@/lib/i18n';

const SHOWN = 8;

interface Props {
  /** Ids of the chosen related entries, in the order chosen. */
  value: string[];
  onChange(ids: string[]): void;
  /** The entry being edited, never offered as related to itself. */
  self?: string;
}

/**
 * Related entries for the add/edit form, picked from the glossary (the glossary view's search: hanzi,
 * pinyin with or without tones, English) and shown as removable chips; only their ids are stored.
 */
export function RelatedPicker({ value, onChange, self }: Props) {
  const [entries, setEntries] = useState<GlossaryEntry[]>([]);
  const [query, setQuery] = useState('');
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => void glossaryStore().glossary().then((g) => setEntries([...g.entries()])), []);
  const byId = useMemo(() => new Map(entries.map((e) => [e.id, e])), [entries]);
  const matches = useMemo(
    () => (query.trim() ? searchGlossary(entries, query).filter((e) => e.id !== self && !value.includes(e.id)).slice(0, SHOWN) : []),
    [entries, query, value, self],
  );

  const choose = (id: string) => {
    onChange([...value, id]);
    setQuery('');
    input.current?.focus();
  };

  return (
    <fieldset class="related-picker">
      <legend>
        {t('formRelated')} <span class="muted hint">{t('formRelatedHint')}</span>
      </legend>
      {value.length > 0 && (
        <ul class="chips" aria-label={t('relatedChosen')} data-testid="related-chosen">
          {value.map((id) => {
            const entry = byId.get(id);
            return (
              <li key={id} class="chip" data-entry-id={id}>
                {/* An id no longer in the glossary (a deleted entry of your own) is shown as it is stored. */}
                <span lang="zh-Hans">{entry?.term ?? id}</span>
                {entry && <span class="muted"> {entry.english}</span>}
                <button type="button" class="chip-remove" aria-label={t('relatedRemove', entry?.term ?? id)} onClick={() => onChange(value.filter((v) => v !== id))}>
                  ×
                </button>
              </li>
            );
          })}
        </ul>
      )}
      <label>
        {t('relatedSearch')}
        <input
          ref={input}
          type="search"
          value={query}
          onInput={(e) => setQuery(e.currentTarget.value)}
          // Enter picks the best match rather than submitting the whole form.
          onKeyDown={(e) => {
            if (e.key !== 'Enter') return;
            e.preventDefault();
            if (matches[0]) choose(matches[0].id);
          }}
          placeholder="八八战略, bābā, double eight…"
        />
      </label>
      {query.trim() && (
        <ul class="related-matches" data-testid="related-matches">
          {matches.length === 0 && <li class="muted">{t('relatedNoMatch')}</li>}
          {matches.map((e) => (
            <li key={e.id}>
              <button type="button" aria-label={t('relatedAdd', [e.term, e.english])} onClick={() => choose(e.id)}>
                <span lang="zh-Hans">{e.term}</span> <span class="muted">{e.pinyin}</span> {e.english}
              </button>
            </li>
          ))}
        </ul>
      )}
    </fieldset>
  );
}
