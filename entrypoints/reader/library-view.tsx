import { useEffect, useMemo, useState } from 'preact/hooks';
import type { ArticleSummary } from '@/lib/db/summaries';
import type { GlossaryEntry } from '@/lib/glossary/types';
import { library } from '@/lib/db/connection';
import { glossaryStore } from '@/lib/glossary/context-store';
import { indexMissing, removeFromSearch } from '@/lib/search/search-service';
import { SearchBox } from './search-box';
import { ArticleLink } from '@/components/article-link';
import { t } from '@/lib/i18n';

type Sort = 'saved' | 'title' | 'length' | 'terms';
const UNDO_MS = 6000;

/** Saved articles: sort, filter by site and by term, delete with undo, and search. */
export function LibraryView({ initialTerm }: { initialTerm?: string }) {
  const [articles, setArticles] = useState<ArticleSummary[] | undefined>();
  const [entries, setEntries] = useState<Map<string, GlossaryEntry>>(new Map());
  const [error, setError] = useState<string | undefined>();
  const [sort, setSort] = useState<Sort>('saved');
  const [site, setSite] = useState('');
  const [term, setTerm] = useState(initialTerm ?? '');
  const [pendingDelete, setPendingDelete] = useState<ArticleSummary | undefined>();
  const [indexing, setIndexing] = useState<string | undefined>();

  // Summaries only: the list never reads an article's body.
  const load = () =>
    library()
      .articles.summaries()
      .then(setArticles, (err: Error) => setError(t('libraryNotOpened', err.message)));
  useEffect(() => {
    void load();
    void glossaryStore().glossary().then((g) => setEntries(new Map([...g.entries()].map((e) => [e.id, e]))));
    // Articles saved before search existed (or imported from a backup) are indexed once, here.
    void indexMissing((done, total) => setIndexing(done < total ? t('indexing', [done, total]) : undefined)).catch(
      (err: Error) => setIndexing(t('indexFailed', err.message)),
    );
  }, []);

  const sites = useMemo(() => [...new Set((articles ?? []).map((a) => a.siteName))].sort(), [articles]);
  const termsInLibrary = useMemo(() => {
    const ids = new Set<string>();
    for (const a of articles ?? []) for (const id of Object.keys(a.terms)) if (entries.has(id)) ids.add(id);
    return [...ids].map((id) => entries.get(id)!).sort((a, b) => a.term.localeCompare(b.term, 'zh-Hans-CN'));
  }, [articles, entries]);
  const shown = useMemo(() => {
    const list = (articles ?? []).filter((a) => (!site || a.siteName === site) && (!term || term in a.terms) && a.url !== pendingDelete?.url);
    const by: Record<Sort, (a: ArticleSummary, b: ArticleSummary) => number> = {
      saved: (a, b) => b.savedAt - a.savedAt,
      title: (a, b) => a.title.localeCompare(b.title, 'zh-Hans-CN'),
      length: (a, b) => b.length - a.length,
      terms: (a, b) => Object.keys(b.terms).length - Object.keys(a.terms).length,
    };
    return list.sort(by[sort]);
  }, [articles, site, term, sort, pendingDelete]);

  // Delete with undo: the article disappears at once and is removed for good after a few seconds.
  useEffect(() => {
    if (!pendingDelete) return;
    const timer = setTimeout(() => {
      void Promise.all([library().articles.remove(pendingDelete.url), removeFromSearch(pendingDelete.url)])
        .then(load)
        .catch((err: Error) => setError(t('couldNotDelete', err.message)))
        .finally(() => setPendingDelete(undefined));
    }, UNDO_MS);
    return () => clearTimeout(timer);
  }, [pendingDelete]);

  return (
    <section class="panel" aria-labelledby="library-heading">
      <h2 id="library-heading">{t('savedArticles')}</h2>
      <SearchBox />
      {indexing && <p class="muted" role="status">{indexing}</p>}
      {error && <p class="error" role="alert">{error}</p>}
      {pendingDelete && (
        <p role="status" class="undo">
          {t('deletedTitle', pendingDelete.title)}{' '}
          <button type="button" onClick={() => setPendingDelete(undefined)}>
            {t('undo')}
          </button>
        </p>
      )}
      {articles && articles.length === 0 && (
        <p class="muted" data-testid="library-empty">
          {t('libraryEmpty')}
        </p>
      )}
      {articles && articles.length > 0 && (
        <>
          <div class="filters">
            <label>
              {t('sort')}{' '}
              <select value={sort} onChange={(e) => setSort(e.currentTarget.value as Sort)}>
                <option value="saved">{t('sortSaved')}</option>
                <option value="title">{t('sortTitle')}</option>
                <option value="length">{t('sortLength')}</option>
                <option value="terms">{t('sortTerms')}</option>
              </select>
            </label>
            <label>
              {t('site')}{' '}
              <select value={site} onChange={(e) => setSite(e.currentTarget.value)}>
                <option value="">{t('allSites')}</option>
                {sites.map((s) => (
                  <option key={s}>{s}</option>
                ))}
              </select>
            </label>
            <label>
              {t('mentions')}{' '}
              <select value={term} onChange={(e) => setTerm(e.currentTarget.value)}>
                <option value="">{t('anyTerm')}</option>
                {termsInLibrary.map((e) => (
                  <option key={e.id} value={e.id}>
                    {e.term} — {e.english}
                  </option>
                ))}
              </select>
            </label>
          </div>
          <ul class="article-list" data-testid="article-list">
            {shown.map((a) => (
              <ArticleRow key={a.url} article={a} onDelete={() => setPendingDelete(a)} />
            ))}
          </ul>
          {shown.length === 0 && <p class="muted">{t('noArticleMatchesFilters')}</p>}
        </>
      )}
    </section>
  );
}

function ArticleRow({ article: a, onDelete }: { article: ArticleSummary; onDelete(): void }) {
  const progress = Math.round((a.readProgress ?? 0) * 100);
  return (
    <li>
      <ArticleLink url={a.url}>{a.title}</ArticleLink>
      <span class="muted">
        {' '}
        {a.siteName} · {t('savedOn', new Date(a.savedAt).toLocaleDateString())} · {t('characters', a.length.toLocaleString())} ·{' '}
        {t('termsCount', Object.keys(a.terms).length)} · {progress > 0 ? t('percentRead', progress) : t('unread')}
      </span>{' '}
      <button type="button" class="small" aria-label={t('deleteArticle', a.title)} onClick={onDelete}>
        {t('delete')}
      </button>
    </li>
  );
}
