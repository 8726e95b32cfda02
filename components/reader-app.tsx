import { useEffect, useMemo, useState } from 'preact/hooks';
import { BUILTIN_GLOSSARY } from '@/lib/glossary/builtin';
import { searchGlossary } from '@/lib/glossary/search';
import type { ArticleRecord } from '@/lib/db/schema';
import { library } from '@/lib/library';
import { EntryCard } from './entry-card';
import { ArticleView } from './article-view';
import { SaveFromTab } from './save-from-tab';

function articleFromHash(): string | undefined {
  const m = /^#article=(.+)$/.exec(location.hash);
  return m ? decodeURIComponent(m[1]!) : undefined;
}

function saveTabFromHash(): number | undefined {
  const m = /^#save=(\d+)$/.exec(location.hash);
  return m ? Number(m[1]) : undefined;
}

/** The extension's own page: the library of saved articles, one article, and the glossary. */
export function ReaderApp() {
  const [articleUrl, setArticleUrl] = useState(articleFromHash());
  const [saveTab, setSaveTab] = useState(saveTabFromHash());
  useEffect(() => {
    const onHash = () => {
      setArticleUrl(articleFromHash());
      setSaveTab(saveTabFromHash());
    };
    addEventListener('hashchange', onHash);
    return () => removeEventListener('hashchange', onHash);
  }, []);
  const open = (url: string | undefined) => {
    location.hash = url ? `article=${encodeURIComponent(url)}` : '';
  };
  return (
    <main style={{ maxWidth: '64rem', margin: '0 auto' }}>
      <header class="bar">
        <h1>Yidu 易读 — Library</h1>
      </header>
      {saveTab !== undefined ? (
        <SaveFromTab tabId={saveTab} onSaved={(url) => location.replace(`#article=${encodeURIComponent(url)}`)} />
      ) : articleUrl ? (
        <ArticleView url={articleUrl} onBack={() => open(undefined)} />
      ) : (
        <LibraryView onOpen={open} />
      )}
    </main>
  );
}

function LibraryView({ onOpen }: { onOpen(url: string): void }) {
  const [articles, setArticles] = useState<ArticleRecord[] | undefined>();
  const [error, setError] = useState<string | undefined>();
  const [query, setQuery] = useState('');
  const results = useMemo(() => searchGlossary(BUILTIN_GLOSSARY, query), [query]);
  useEffect(() => {
    library()
      .articles.list()
      .then(setArticles, (err: Error) => setError(`The library could not be opened: ${err.message}`));
  }, []);
  return (
    <>
      <section class="panel">
        <h2>Saved articles</h2>
        {error && <p class="error">{error}</p>}
        {articles && articles.length === 0 && (
          <p class="muted" data-testid="library-empty">
            No saved articles yet. Open a Chinese news page and press “Save for offline” in Yidu’s popup.
          </p>
        )}
        {articles && articles.length > 0 && (
          <ul class="article-list" data-testid="article-list">
            {articles.map((a) => (
              <li key={a.url}>
                <a
                  href={`#article=${encodeURIComponent(a.url)}`}
                  onClick={(e) => {
                    e.preventDefault();
                    onOpen(a.url);
                  }}
                >
                  {a.title}
                </a>
                <span class="muted">
                  {' '}
                  {a.siteName} · saved {new Date(a.savedAt).toLocaleDateString()} · {a.length.toLocaleString()} characters ·{' '}
                  {Object.keys(a.terms).length} terms
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section class="panel">
        <h2>Glossary</h2>
        <label>
          Search by hanzi, pinyin or English{' '}
          <input type="search" value={query} onInput={(e) => setQuery(e.currentTarget.value)} placeholder="义新欧, yixinou, railway…" />
        </label>
        <p class="muted" data-testid="glossary-count">
          {results.length} of {BUILTIN_GLOSSARY.length} entries
        </p>
        <div>
          {results.slice(0, 100).map((e) => (
            <EntryCard key={e.id} entry={e} />
          ))}
        </div>
      </section>
    </>
  );
}
