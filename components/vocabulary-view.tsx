import { useEffect, useState } from 'preact/hooks';
import type { VocabularyItem } from '@/lib/db/schema';
import { currentGlossary, library } from '@/lib/library';
import { toAnkiTsv, toVocabularyJson } from '@/lib/vocabulary/export';
import { datedFileName, downloadFile } from '@/lib/download';
import { ProblemList, StatusLine } from './notices';

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
      .then(setItems, (err: Error) => setError(`Your vocabulary could not be opened: ${err.message}`));
  }, []);

  const fail = (what: string) => (err: Error) => setError(`${what}: ${err.message}`);

  const setLearned = async (item: VocabularyItem, learned: boolean) => {
    setError('');
    try {
      await library().vocabulary.setLearned(item.entryId, learned);
      setItems((list) => list?.map((x) => (x.entryId === item.entryId ? { ...x, learned } : x)));
      setStatus(learned ? `${item.term} is marked as learned.` : `${item.term} is back on your list to learn.`);
      onChanged?.();
    } catch (err) {
      fail(`${item.term} could not be changed`)(err as Error);
    }
  };

  const remove = async (item: VocabularyItem) => {
    setError('');
    try {
      await library().vocabulary.remove(item.entryId);
      setItems((list) => list?.filter((x) => x.entryId !== item.entryId));
      setStatus(`${item.term} was removed from your vocabulary.`);
      onChanged?.();
    } catch (err) {
      fail(`${item.term} could not be removed`)(err as Error);
    }
  };

  const exportAnki = async () => {
    if (!items) return;
    const glossary = await currentGlossary();
    downloadFile(datedFileName('yidu-vocabulary', 'tsv'), toAnkiTsv(items, (id) => glossary.get(id)?.scope), 'text/tab-separated-values;charset=utf-8');
    setStatus(`Exported ${items.length} terms for Anki. In Anki choose File › Import and pick the downloaded file.`);
  };

  const exportJson = () => {
    if (!items) return;
    downloadFile(datedFileName('yidu-vocabulary', 'json'), toVocabularyJson(items, new Date()), 'application/json');
    setStatus(`Exported ${items.length} terms as JSON.`);
  };

  const shown = (items ?? []).filter((x) => filter === 'all' || x.learned === (filter === 'learned'));
  const learnedCount = (items ?? []).filter((x) => x.learned).length;

  return (
    <section class="panel" aria-labelledby="vocabulary-heading">
      <h2 id="vocabulary-heading">Vocabulary</h2>
      {error && <ProblemList title="Something went wrong" problems={[error]} />}
      {items && items.length === 0 && (
        <p class="muted" data-testid="vocabulary-empty">
          No saved terms yet. Open a term’s card on a page and press “Save to vocabulary”.
        </p>
      )}
      {items && items.length > 0 && (
        <>
          <p class="muted">
            {items.length} terms, {learnedCount} learned.
          </p>
          <div class="view-actions">
            <button type="button" onClick={() => void exportAnki().catch(fail('The export failed'))}>
              Export for Anki (TSV)
            </button>
            <button type="button" onClick={exportJson}>
              Export as JSON
            </button>
            <label>
              Show{' '}
              <select value={filter} onChange={(e) => setFilter(e.currentTarget.value as Filter)}>
                <option value="all">all terms</option>
                <option value="learning">terms to learn</option>
                <option value="learned">learned terms</option>
              </select>
            </label>
          </div>
        </>
      )}
      <StatusLine>{status}</StatusLine>
      {items && items.length > 0 && shown.length === 0 && <p class="muted">No terms match this choice.</p>}
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
        From{' '}
        {href ? (
          <a href={href} target="_blank" rel="noopener noreferrer" lang="zh-Hans">
            {title}
          </a>
        ) : (
          <span lang="zh-Hans">{title}</span>
        )}{' '}
        · saved {new Date(item.savedAt).toLocaleDateString()}
      </div>
      <div class="view-actions">
        <label>
          <input type="checkbox" checked={item.learned} onChange={(e) => onLearned(e.currentTarget.checked)} /> Learned
          <span class="visually-hidden"> ({item.term})</span>
        </label>
        <button type="button" onClick={onRemove} aria-label={`Delete ${item.term} from your vocabulary`}>
          Delete
        </button>
      </div>
    </li>
  );
}
