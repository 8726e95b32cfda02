import { useEffect, useState } from 'preact/hooks';
import { browser } from '#imports';
import { sendMessage, type PageTermSummary } from '@/lib/messages';
import type { GlossaryEntry } from '@/lib/glossary/types';
import { rankTerms } from '@/lib/page-terms';
import { targetTab } from '@/lib/tabs';

type State =
  | { kind: 'loading' }
  | { kind: 'inactive'; title: string }
  | { kind: 'ready'; summary: PageTermSummary; entries: Map<string, GlossaryEntry> };

export function PopupApp() {
  const [state, setState] = useState<State>({ kind: 'loading' });

  useEffect(() => {
    void (async () => {
      const tab = await targetTab(location.search);
      if (!tab) return setState({ kind: 'inactive', title: '' });
      try {
        const summary = await sendMessage('getPageTerms', undefined, tab.id);
        const entries = await sendMessage('getEntries', Object.keys(summary.counts));
        setState({ kind: 'ready', summary, entries: new Map(entries.map((e) => [e.id, e])) });
      } catch {
        // No content script answered: a browser page, or a site Yidu does not run on by default.
        setState({ kind: 'inactive', title: tab.title });
      }
    })();
  }, []);

  const openLibrary = () => void browser.tabs.create({ url: browser.runtime.getURL('/reader.html') });

  return (
    <main>
      <header class="bar">
        <h1>Yidu 易读</h1>
        <button type="button" style={{ marginLeft: 'auto' }} onClick={openLibrary}>
          Open library
        </button>
      </header>
      <section class="panel" aria-live="polite">
        {state.kind === 'loading' && <p class="muted">Reading this page…</p>}
        {state.kind === 'inactive' && (
          <p class="muted" data-testid="popup-inactive">
            Yidu is not reading {state.title ? <q>{state.title}</q> : 'this page'}. It runs on Chinese news and
            government sites and on local pages.
          </p>
        )}
        {state.kind === 'ready' && <PageSummary summary={state.summary} entries={state.entries} />}
      </section>
    </main>
  );
}

function PageSummary({ summary, entries }: { summary: PageTermSummary; entries: Map<string, GlossaryEntry> }) {
  const ranked = rankTerms(summary.counts);
  const chinese = summary.hanRatio >= 0.2;
  return (
    <>
      <h2 style={{ fontSize: '0.95rem', margin: '0 0 0.3em' }} data-testid="page-title">
        {summary.title || summary.url}
      </h2>
      <p class="muted" data-testid="page-language">
        {chinese ? 'Chinese text found.' : 'No Chinese text found on this page.'}
      </p>
      {ranked.length === 0 ? (
        <p class="muted">No glossary terms on this page.</p>
      ) : (
        <>
          <p>
            <strong data-testid="term-count">{ranked.length}</strong> jargon {ranked.length === 1 ? 'term' : 'terms'}
          </p>
          <ul class="term-list" data-testid="term-list">
            {ranked.map(([id, count]) => (
              <li key={id} data-term-id={id}>
                <span lang="zh-Hans">{entries.get(id)?.term ?? id}</span>
                <span class="muted">{entries.get(id)?.english}</span>
                <span class="count">{count}</span>
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}
