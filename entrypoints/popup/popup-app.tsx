import { useEffect, useState } from 'preact/hooks';
import { browser } from '#imports';
import { sendMessage, type PageTermSummary } from '@/lib/messages';
import type { GlossaryEntry } from '@/lib/glossary/types';
import { isCandidateId } from '@/lib/annotate/candidates';
import { rankTerms } from '@/lib/annotate/term-counts';
import { targetTab } from '@/lib/tabs';
import { SiteControls } from './site-controls';
import { SavePanel } from './save-panel';
import { PinyinControls } from './pinyin-controls';
import { LanguageSwitch } from '@/components/language-switch';
import { useLanguage } from '@/components/use-language';
import { t, tParts } from '@/lib/i18n';

type Tab = { id: number; title: string; url: string };
type State =
  | { kind: 'loading' }
  | { kind: 'no-tab' }
  | { kind: 'inactive'; tab: Tab; error?: string }
  | { kind: 'ready'; tab: Tab; summary: PageTermSummary; entries: Map<string, GlossaryEntry> };

export function PopupApp() {
  useLanguage();
  const [state, setState] = useState<State>({ kind: 'loading' });

  const load = async (tab: Tab) => {
    try {
      const summary = await sendMessage('getPageTerms', undefined, { tabId: tab.id, frameId: 0 });
      const ids = Object.keys(summary.counts).filter((id) => !isCandidateId(id));
      const entries = await sendMessage('getEntries', ids);
      setState({ kind: 'ready', tab, summary, entries: new Map(entries.map((e) => [e.id, e])) });
    } catch (err) {
      // No content script answered: a browser page, or a site Yidu does not run on by default. Any other
      // failure (the background could not read the glossary…) is shown as it is, not as "not annotating".
      const message = (err as Error)?.message ?? String(err);
      const noScript = /Could not establish connection|Receiving end does not exist/i.test(message);
      setState({ kind: 'inactive', tab, error: noScript ? undefined : t('somethingWentWrongDetail', message) });
    }
  };

  useEffect(() => {
    void targetTab(location.search).then((tab) => (tab ? load(tab) : setState({ kind: 'no-tab' })));
  }, []);

  const annotateNow = async (tab: Tab) => {
    try {
      await sendMessage('annotateTab', { tabId: tab.id });
      await load(tab);
    } catch (err) {
      setState({ kind: 'inactive', tab, error: t('cannotAnnotate', (err as Error).message) });
    }
  };
  const openLibrary = () => void browser.tabs.create({ url: browser.runtime.getURL('/reader.html') });

  return (
    <main>
      <header class="bar">
        <h1>Yidu 易读</h1>
        <button type="button" style={{ marginLeft: 'auto' }} onClick={openLibrary}>
          {t('openLibrary')}
        </button>
      </header>
      <section class="panel" aria-live="polite">
        {state.kind === 'loading' && <p class="muted">{t('readingPage')}</p>}
        {state.kind === 'no-tab' && <p class="muted">{t('noPage')}</p>}
        {state.kind === 'inactive' && (
          <div data-testid="popup-inactive">
            <p class="muted">{tParts('notAnnotating', [state.tab.title ? <q>{state.tab.title}</q> : t('thisPage')])}</p>
            <button type="button" class="primary" onClick={() => void annotateNow(state.tab)}>
              {t('annotateThisPage')}
            </button>
            {state.error && <p class="error">{state.error}</p>}
          </div>
        )}
        {(state.kind === 'inactive' || state.kind === 'no-tab') && (
          <p>
            <LanguageSwitch />
          </p>
        )}
        {state.kind === 'ready' && (
          <>
            <PageSummary tab={state.tab} summary={state.summary} entries={state.entries} />
            <PinyinControls tabId={state.tab.id} />
            <SavePanel tabId={state.tab.id} />
            <SiteControls tab={state.tab} url={state.summary.url} onChange={() => void load(state.tab)} />
          </>
        )}
      </section>
    </main>
  );
}

function PageSummary({ tab, summary, entries }: { tab: Tab; summary: PageTermSummary; entries: Map<string, GlossaryEntry> }) {
  const ranked = rankTerms(summary.counts).filter(([id]) => !isCandidateId(id));
  const candidates = rankTerms(summary.counts).filter(([id]) => isCandidateId(id)).length;
  const chinese = summary.hanRatio >= 0.2;
  const reveal = (id: string) => void sendMessage('revealTerm', { id }, { tabId: tab.id, frameId: 0 }).catch(() => undefined);
  return (
    <>
      <h2 style={{ fontSize: '0.95rem', margin: '0 0 0.3em' }} data-testid="page-title">
        {summary.title || summary.url}
      </h2>
      <p class="muted" data-testid="page-language">
        {chinese ? t('chineseFound') : t('noChinese')}
      </p>
      {ranked.length === 0 ? (
        <p class="muted">{t('noGlossaryTerms')}</p>
      ) : (
        <>
          <p>
            {tParts(ranked.length === 1 ? 'jargonTermOne' : 'jargonTermMany', [<strong data-testid="term-count">{ranked.length}</strong>])}
            {candidates > 0 && <span class="muted">{t('possibleTerms', candidates)}</span>}
          </p>
          <ul class="term-list" data-testid="term-list">
            {ranked.map(([id, count]) => (
              <li key={id} data-term-id={id}>
                <button type="button" class="term-link" onClick={() => reveal(id)} title={t('showFirstOccurrence')}>
                  <span lang="zh-Hans">{entries.get(id)?.term ?? id}</span>
                </button>
                <span class="muted">{entries.get(id)?.english}</span>
                <span class="count" aria-label={t('occurrencesCount', count)}>
                  {count}
                </span>
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}
