import { Component } from 'preact';
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { ArticleSummary } from '@/lib/db/summaries';
import type { GlossaryEntry } from '@/lib/glossary/types';
import { library } from '@/lib/db/connection';
import { glossaryStore } from '@/lib/glossary/context-store';
import { indexMissing, removeFromSearch } from '@/lib/search/search-service';
import { SearchBox } from './search-box';
import { ArticleLink } from '@/components/article-link';
import { t } from '@/lib/i18n';
import { getLanguage } from '@/lib/i18n-core';

type Sort = 'saved' | 'title' | 'length' | 'terms';
const UNDO_MS = 6000;
/** Rows put in the page at once when the list opens (more than a tall screen holds) … */
const FIRST_ROWS = 40;
/** … then this many more per task until all are there, so opening never blocks on a long list. */
const MORE_ROWS = 150;

let preloaded: Promise<ArticleSummary[]> | undefined;

/** Starts reading the list before the page first renders (main.tsx), when the library is what opens. */
export function preloadLibrary(): void {
  preloaded = library().articles.summaries();
  // Handled where it is used (the view shows the error); this only keeps it from being "unhandled".
  preloaded.catch(() => undefined);
}

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

  // The articles mentioning a chosen term, and which term they are for (kept while a reload reads them again).
  const [termMatch, setTermMatch] = useState<{ term: string; urls: Set<string> } | undefined>();
  const [mentioned, setMentioned] = useState<ReadonlySet<string>>(new Set());

  // Summaries only: the list never reads an article's body, nor the entry ids of every article.
  const load = () => {
    const read = preloaded ?? library().articles.summaries();
    preloaded = undefined;
    return read.then(setArticles, (err: Error) => setError(t('libraryNotOpened', err.message)));
  };
  useEffect(() => void load(), []);
  // Said only when opening is slow (a schema upgrade of a large library), not on every open.
  const [slowOpen, setSlowOpen] = useState(false);
  useEffect(() => {
    const slow = setTimeout(() => setSlowOpen(true), 500);
    return () => clearTimeout(slow);
  }, []);
  // What the list does not need to show its first screen waits until it is shown: the glossary and
  // the library's entry ids (for the "mentions" filter), and indexing articles search has not seen.
  const listed = articles !== undefined;
  useEffect(() => {
    if (!listed) return;
    const later = setTimeout(() => {
      void glossaryStore().glossary().then((g) => setEntries(new Map([...g.entries()].map((e) => [e.id, e]))));
      // Articles saved before search existed (or imported from a backup) are indexed once, here.
      void indexMissing((done, total) => setIndexing(done < total ? t('indexing', [done, total]) : undefined)).catch(
        (err: Error) => setIndexing(t('indexFailed', err.message)),
      );
    }, 50);
    return () => clearTimeout(later);
  }, [listed]);
  useEffect(() => {
    if (articles && entries.size) void library().articles.mentioned([...entries.keys()]).then(setMentioned, () => setMentioned(new Set()));
  }, [articles, entries]);
  useEffect(() => {
    const found = (urls: string[]) => setTermMatch({ term, urls: new Set(urls) });
    if (term) void library().articles.mentioning(term).then(found, () => found([]));
  }, [term, articles]);
  const termUrls = term && termMatch?.term === term ? termMatch.urls : undefined;

  const sites = useMemo(() => [...new Set((articles ?? []).map((a) => a.siteName))].sort(), [articles]);
  const termsInLibrary = useMemo(
    () => [...mentioned].flatMap((id) => entries.get(id) ?? []).sort((a, b) => a.term.localeCompare(b.term, 'zh-Hans-CN')),
    [mentioned, entries],
  );
  const shown = useMemo(() => {
    // While the articles that mention the chosen term are being read, the list waits rather than
    // showing every article as if they all matched.
    if (term && !termUrls) return [];
    const list = (articles ?? []).filter((a) => (!site || a.siteName === site) && (!termUrls || termUrls.has(a.url)) && a.url !== pendingDelete?.url);
    const by: Record<Sort, (a: ArticleSummary, b: ArticleSummary) => number> = {
      saved: (a, b) => b.savedAt - a.savedAt,
      title: (a, b) => a.title.localeCompare(b.title, 'zh-Hans-CN'),
      length: (a, b) => b.length - a.length,
      terms: (a, b) => b.termCount - a.termCount,
    };
    return list.sort(by[sort]);
  }, [articles, site, term, termUrls, sort, pendingDelete]);
  const rowCount = useGrowingCount(shown.length);

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
      {!articles && !error && slowOpen && (
        <p class="muted" role="status">
          {t('libraryOpening')}
        </p>
      )}
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
            {shown.slice(0, rowCount).map((a) => (
              <ArticleRow key={a.url} article={a} language={getLanguage()} onDelete={setPendingDelete} />
            ))}
          </ul>
          {shown.length === 0 && (!term || termUrls) && <p class="muted">{t('noArticleMatchesFilters')}</p>}
        </>
      )}
    </section>
  );
}

/**
 * How many of a list's rows to render: a first screen at once, then the rest a slice per task. Any
 * change of list (filter, sort, delete) re-renders rows already there cheaply (ArticleRow skips
 * unchanged ones), so the count only ever grows toward the list's length.
 */
function useGrowingCount(total: number): number {
  const [count, setCount] = useState(FIRST_ROWS);
  useEffect(() => {
    if (count >= total) return;
    const next = setTimeout(() => setCount((c) => c + MORE_ROWS), 0);
    return () => clearTimeout(next);
  }, [count, total]);
  return Math.min(count, total);
}

interface RowProps {
  article: ArticleSummary;
  /** The interface language: a change re-renders every row. */
  language: string;
  onDelete(article: ArticleSummary): void;
}

/** One saved article; re-rendered only when its summary changes (a list of 1,000 re-renders often). */
class ArticleRow extends Component<RowProps> {
  override shouldComponentUpdate(next: RowProps): boolean {
    return next.article !== this.props.article || next.language !== this.props.language || next.onDelete !== this.props.onDelete;
  }

  override render({ article: a, onDelete }: RowProps) {
    const progress = Math.round((a.readProgress ?? 0) * 100);
    return (
      <li>
        <ArticleLink url={a.url}>{a.title}</ArticleLink>
        <span class="muted">
          {' '}
          {a.siteName} · {t('savedOn', new Date(a.savedAt).toLocaleDateString())} · {t('characters', a.length.toLocaleString())} ·{' '}
          {t('termsCount', a.termCount)} · {progress > 0 ? t('percentRead', progress) : t('unread')}
        </span>{' '}
        <button type="button" class="small" aria-label={t('deleteArticle', a.title)} onClick={() => onDelete(a)}>
          {t('delete')}
        </button>
      </li>
    );
  }
}
