import { useMemo, useState } from 'preact/hooks';
import { BUILTIN_GLOSSARY } from '@/lib/glossary/builtin';
import { searchGlossary } from '@/lib/glossary/search';
import { EntryCard } from './entry-card';

/** The extension's own page. For now: the glossary to browse; saved articles arrive with the save feature. */
export function ReaderApp() {
  const [query, setQuery] = useState('');
  const results = useMemo(() => searchGlossary(BUILTIN_GLOSSARY, query), [query]);
  return (
    <main style={{ maxWidth: '52rem', margin: '0 auto' }}>
      <header class="bar">
        <h1>Yidu 易读 — Library</h1>
      </header>
      <section class="panel">
        <h2>Saved articles</h2>
        <p class="muted" data-testid="library-empty">
          No saved articles yet. Saving from the popup is coming in the next release.
        </p>
      </section>
      <section class="panel">
        <h2>Glossary</h2>
        <label>
          Search by hanzi, pinyin or English{' '}
          <input
            type="search"
            value={query}
            onInput={(e) => setQuery(e.currentTarget.value)}
            placeholder="义新欧, yixinou, railway…"
          />
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
    </main>
  );
}
