import { useEffect, useMemo, useState } from 'preact/hooks';
import type { ArticleSummary } from '@/lib/db/summaries';
import { CATEGORIES, SCOPES, type GlossaryEntry } from '@/lib/glossary/types';
import { searchGlossary } from '@/lib/glossary/search';
import { library } from '@/lib/db/connection';
import { glossaryStore } from '@/lib/glossary/context-store';
import { EntryCard } from './entry-card';
import { ArticleLink } from '@/components/article-link';
import { categoryLabel, scopeFilterLabel } from '@/components/labels';
import { t } from '@/lib/i18n';

const PAGE = 60;

/** Every entry, searchable by hanzi, pinyin (with or without tones) and English, with its saved articles. */
export function GlossaryView() {
  const [entries, setEntries] = useState<GlossaryEntry[]>([]);
  const [articles, setArticles] = useState<ArticleSummary[]>([]);
  const [query, setQuery] = useState('');
  const [category, setCategory] = useState('');
  const [scope, setScope] = useState('');
  const [shownCount, setShownCount] = useState(PAGE);
  const [saved, setSaved] = useState<Set<string>>(new Set());
  useEffect(() => {
    void library().vocabulary.list().then((items) => setSaved(new Set(items.map((i) => i.entryId))), () => undefined);
    void glossaryStore().glossary().then((g) => setEntries([...g.entries()]));
    // Summaries (titles), never whole articles with their bodies; each entry shown asks which mention it.
    void library().articles.summaries().then(setArticles, () => setArticles([]));
  }, []);
  const results = useMemo(
    () => searchGlossary(entries, query).filter((e) => (!category || e.category === category) && (!scope || e.scope === scope)),
    [entries, query, category, scope],
  );
  useEffect(() => setShownCount(PAGE), [query, category, scope]);
  const byUrl = useMemo(() => new Map(articles.map((a) => [a.url, a])), [articles]);

  return (
    <section class="panel" aria-labelledby="glossary-heading">
      <h2 id="glossary-heading">{t('glossary')}</h2>
      <div class="filters">
        <label>
          {t('searchGlossary')}{' '}
          <input type="search" value={query} onInput={(e) => setQuery(e.currentTarget.value)} placeholder="义新欧, yixinou, yì xīn ōu, railway…" />
        </label>
        <label>
          {t('category')}{' '}
          <select value={category} onChange={(e) => setCategory(e.currentTarget.value)}>
            <option value="">{t('all')}</option>
            {CATEGORIES.map((c) => (
              <option key={c} value={c}>
                {categoryLabel(c)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('scope')}{' '}
          <select value={scope} onChange={(e) => setScope(e.currentTarget.value)}>
            <option value="">{t('all')}</option>
            {SCOPES.map((s) => (
              <option key={s} value={s}>
                {scopeFilterLabel(s)}
              </option>
            ))}
          </select>
        </label>
      </div>
      <p class="muted" data-testid="glossary-count">
        {t('entriesShown', [results.length, entries.length])}
      </p>
      {results.length === 0 && entries.length > 0 && (
        <p role="status" data-testid="glossary-no-match">
          {t('glossaryNoMatch')}
        </p>
      )}
      <div>
        {results.slice(0, shownCount).map((e) => (
          <div key={e.id}>
            <EntryCard entry={e} />
            <UsedIn entryId={e.id} articles={byUrl} />
            <SaveToVocabulary entry={e} saved={saved.has(e.id)} onSaved={() => setSaved((s) => new Set(s).add(e.id))} />
          </div>
        ))}
      </div>
      {results.length > shownCount && (
        <button type="button" onClick={() => setShownCount(shownCount + PAGE)}>
          {t('showMore', results.length - shownCount)}
        </button>
      )}
    </section>
  );
}

/** The saved articles that mention an entry, newest first: the entry's keys in the articleTerms index. */
function UsedIn({ entryId, articles }: { entryId: string; articles: ReadonlyMap<string, ArticleSummary> }) {
  const [urls, setUrls] = useState<string[]>([]);
  useEffect(() => {
    let current = true;
    void library()
      .articles.mentioning(entryId)
      .then((found) => current && setUrls(found), () => undefined);
    return () => void (current = false);
  }, [entryId, articles]);
  const used = urls.flatMap((url) => articles.get(url) ?? []).sort((a, b) => b.savedAt - a.savedAt);
  if (!used.length) return null;
  return (
    <p class="muted used-in">
      {t('inYourLibrary')}{' '}
      {used.map((a, i) => (
        <span key={a.url}>
          {i > 0 && ' · '}
          <ArticleLink url={a.url}>{a.title}</ArticleLink>
        </span>
      ))}
    </p>
  );
}

/** Keeps an entry met in the glossary (no page, no sentence) with the terms saved from cards. */
function SaveToVocabulary({ entry, saved, onSaved }: { entry: GlossaryEntry; saved: boolean; onSaved(): void }) {
  const [error, setError] = useState('');
  const save = async () => {
    try {
      await library().vocabulary.save({
        entryId: entry.id,
        term: entry.term,
        english: entry.english,
        pinyin: entry.pinyin,
        sentence: '',
        definition: entry.explanation,
        pageTitle: '',
        pageUrl: '',
      });
      setError('');
      onSaved();
    } catch (err) {
      setError(t('couldNotSave', (err as Error).message));
    }
  };
  return (
    <p class="view-actions" style={{ margin: '0 0 0.6em' }}>
      <button type="button" class="small" disabled={saved} onClick={() => void save()}>
        {saved ? t('savedToVocabulary') : t('saveToVocabulary')}
        <span class="visually-hidden"> ({entry.term})</span>
      </button>
      {error && (
        <span class="error" role="alert">
          {error}
        </span>
      )}
    </p>
  );
}
