import { useEffect, useState } from 'preact/hooks';
import { searchLibrary, warmUpSearch } from '@/lib/search/search-service';
import type { SearchHit } from '@/lib/search/query';
import { t } from '@/lib/i18n';
import { ArticleLink } from '@/components/article-link';

/** Search in Chinese (by words) and English over saved articles, with the matching sentence. */
export function SearchBox() {
  const [query, setQuery] = useState('');
  const [hits, setHits] = useState<SearchHit[] | undefined>();
  const [error, setError] = useState<string | undefined>();

  useEffect(() => {
    if (!query.trim()) return setHits(undefined);
    let current = true;
    const timer = setTimeout(() => {
      searchLibrary(query).then(
        (h) => current && (setHits(h), setError(undefined)),
        (err: Error) => current && setError(t('searchFailed', err.message)),
      );
    }, 150);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [query]);

  return (
    <div class="search" role="search">
      <label>
        {t('searchSavedArticles')}{' '}
        <input type="search" value={query} onFocus={() => void warmUpSearch()} onInput={(e) => setQuery(e.currentTarget.value)} placeholder="义新欧, 水质, railway…" />
      </label>
      {error && <p class="error" role="alert">{error}</p>}
      {hits && (
        <div role="status" data-testid="search-results">
          <p class="muted">
            {hits.length === 0 ? t('noSavedArticleMatches') : t(hits.length === 1 ? 'articlesOne' : 'articlesMany', hits.length)}
          </p>
          <ol class="search-hits">
            {hits.map((h) => (
              <li key={h.url}>
                <ArticleLink url={h.url}>{h.title}</ArticleLink>{' '}
                <span class="muted">{h.siteName}</span>
                <p class="snippet" lang="zh-Hans">
                  {h.before}
                  <mark>{h.hit}</mark>
                  {h.after}
                  {h.via && <span class="muted"> ({h.via})</span>}
                </p>
              </li>
            ))}
          </ol>
        </div>
      )}
    </div>
  );
}
