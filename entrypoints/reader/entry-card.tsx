import type { GlossaryEntry } from '@/lib/glossary/types';
import { t } from '@/lib/i18n';
import { categoryLabel, scopeLabel } from '@/components/labels';

/** One glossary entry, as a student reads it: hanzi, pinyin, English, explanation, listed items. */
export function EntryCard({ entry }: { entry: GlossaryEntry }) {
  return (
    <article class="entry" data-entry-id={entry.id} style={{ borderBottom: '1px solid var(--line)', padding: '0.6em 0' }}>
      <h3 style={{ margin: 0, fontSize: '1.05rem' }}>
        <span lang="zh-Hans">{entry.term}</span> <span class="muted">{entry.pinyin}</span>
      </h3>
      <p style={{ margin: '0.2em 0' }}>
        <strong>{entry.english}</strong>{' '}
        <span class="muted">
          ({entry.englishSource === 'descriptive' ? t('descriptiveRendering') : t('officialEnglish', entry.englishSource)})
        </span>
      </p>
      <p style={{ margin: '0.2em 0' }}>{entry.explanation}</p>
      {entry.items && (
        <ol>
          {entry.items.map((item) => (
            <li key={item.zh}>
              <span lang="zh-Hans">{item.zh}</span> — {item.en}
            </li>
          ))}
        </ol>
      )}
      <p class="muted" style={{ margin: 0, fontSize: '0.85em' }}>
        {categoryLabel(entry.category)} · {scopeLabel(entry.scope)}
        {entry.year ? ` · ${entry.year}` : ''}
        {entry.forms.length > 0 && (
          <>
            {` · ${t('alsoWritten')} `}
            <span lang="zh-Hans">{entry.forms.join('、')}</span>
          </>
        )}
      </p>
    </article>
  );
}
