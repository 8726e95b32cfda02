import { useEffect, useState } from 'preact/hooks';
import type { VocabularyItem } from '@/lib/db/schema';
import { library } from '@/lib/db/connection';
import { glossaryStore } from '@/lib/glossary/context-store';
import { toAnkiTsv, toVocabularyJson } from '@/lib/vocabulary/export';
import { datedFileName, downloadFile } from '@/lib/download';
import { ProblemList, StatusLine } from './notices';
import { t } from '@/lib/i18n';

type Filter = 'all' | 'learning' | 'learned';

/** Only web addresses become links: a stored URL is data, and `javascript:` must never run. */
function webUrl(url: string): string | undefined {
  return /^https?:\/\//i.test(url) ? url : undefined;
}

/** The terms the reader saved from cards: study them, mark them learned, export them to Anki. */
export function VocabularyView({ onChanged }: { onChanged?(): void } = {}) {
  const [items, setItems] = useState<VocabularyItem[] | undefined>();
  const [filter, setFilter] = useState<Filter>('all');
  const [status, setStatus] = useState('');
  const [error, setError] = useState('');

  useEffect(() => {
    library()
      .vocabulary.list()
      .then(setItems, (err: Error) => setError(t('vocabularyNotOpened', err.message)));
  }, []);

  const fail = (what: string) => (err: Error) => setError(t('failedWith', [what, err.message]));

  const setLearned = async (item: VocabularyItem, learned: boolean) => {
    setError('');
    try {
      await library().vocabulary.setLearned(item.entryId, learned);
      setItems((list) => list?.map((x) => (x.entryId === item.entryId ? { ...x, learned } : x)));
      setStatus(learned ? t('markedLearned', item.term) : t('backToLearn', item.term));
      onChanged?.();
    } catch (err) {
      fail(t('couldNotChange', item.term))(err as Error);
    }
  };

  const remove = async (item: VocabularyItem) => {
    setError('');
    try {
      await library().vocabulary.remove(item.entryId);
      setItems((list) => list?.filter((x) => x.entryId !== item.entryId));
      setStatus(t('removedFromVocabulary', item.term));
      onChanged?.();
    } catch (err) {
      fail(t('couldNotRemove', item.term))(err as Error);
    }
  };

  const exportAnki = async () => {
    if (!items) return;
    const glossary = await glossaryStore().glossary();
    downloadFile(datedFileName('yidu-vocabulary', 'tsv'), toAnkiTsv(items, (id) => glossary.get(id)), 'text/tab-separated-values;charset=utf-8');
    setStatus(t('exportedAnki', items.length));
  };

  const exportJson = () => {
    if (!items) return;
    downloadFile(datedFileName('yidu-vocabulary', 'json'), toVocabularyJson(items, new Date()), 'application/json');
    setStatus(t('exportedJson', items.length));
  };

  const shown = (items ?? []).filter((x) => filter === 'all' || x.learned === (filter === 'learned'));
  const learnedCount = (items ?? []).filter((x) => x.learned).length;

  return (
    <section class="panel" aria-labelledby="vocabulary-heading">
      <h2 id="vocabulary-heading">{t('vocabulary')}</h2>
      {error && <ProblemList title={t('somethingWentWrong')} problems={[error]} />}
      {items && items.length === 0 && (
        <p class="muted" data-testid="vocabulary-empty">
          {t('vocabularyEmpty')}
        </p>
      )}
      {items && items.length > 0 && (
        <>
          <p class="muted">
            {t('termsLearned', [items.length, learnedCount])}
          </p>
          <div class="view-actions">
            <button type="button" onClick={() => void exportAnki().catch(fail(t('exportFailed')))}>
              {t('exportAnki')}
            </button>
            <button type="button" onClick={exportJson}>
              {t('exportJson')}
            </button>
            <label>
              {t('show')}{' '}
              <select value={filter} onChange={(e) => setFilter(e.currentTarget.value as Filter)}>
                <option value="all">{t('filterAll')}</option>
                <option value="learning">{t('filterLearning')}</option>
                <option value="learned">{t('filterLearned')}</option>
              </select>
            </label>
          </div>
        </>
      )}
      <StatusLine>{status}</StatusLine>
      {items && items.length > 0 && shown.length === 0 && <p class="muted">{t('noTermsMatch')}</p>}
      <ul class="view-list" data-testid="vocabulary-list">
        {shown.map((item) => (
          <VocabularyRow key={item.entryId} item={item} onLearned={(v) => void setLearned(item, v)} onRemove={() => void remove(item)} />
        ))}
      </ul>
    </section>
  );
}

function VocabularyRow({ item, onLearned, onRemove }: { item: VocabularyItem; onLearned(learned: boolean): void; onRemove(): void }) {
  const href = webUrl(item.pageUrl);
  const title = item.pageTitle || item.pageUrl;
  return (
    <li class={`vocab-item${item.learned ? ' learned' : ''}`} data-entry-id={item.entryId}>
      <div>
        <span lang="zh-Hans" class="vocab-term">
          {item.term}
        </span>{' '}
        <span class="muted">{item.pinyin}</span>
      </div>
      <div>
        <strong>{item.english}</strong>
      </div>
      {item.sentence && (
        <blockquote lang="zh-Hans" class="vocab-context">
          {item.sentence}
        </blockquote>
      )}
      <div class="muted" style={{ fontSize: '0.9em' }}>
        {/* Saved from the glossary view: no page to name. */}
        {!title ? t('fromTheGlossary') : `${t('from')} `}
        {!title ? null : href ? (
          <a href={href} target="_blank" rel="noopener noreferrer" lang="zh-Hans">
            {title}
          </a>
        ) : (
          <span lang="zh-Hans">{title}</span>
        )}{' '}
        · {t('savedOn', new Date(item.savedAt).toLocaleDateString())}
      </div>
      <div class="view-actions">
        <label>
          <input type="checkbox" checked={item.learned} onChange={(e) => onLearned(e.currentTarget.checked)} /> {t('learned')}
          <span class="visually-hidden"> ({item.term})</span>
        </label>
        <button type="button" onClick={onRemove} aria-label={t('deleteFromVocabulary', item.term)}>
          {t('delete')}
        </button>
      </div>
    </li>
  );
}
