import { useEffect, useState } from 'preact/hooks';
import { browser } from '#imports';
import { sendMessage, type PageTermSummary } from '@/lib/messages';
import type { GlossaryEntry } from '@/lib/glossary/types';
import { isCandidateId } from '@/lib/annotate/candidates';
import type { Settings, SiteMode } from '@/lib/settings';
import { targetTab } from '@/lib/tabs';
import { InlineEnglishSelect, LookupSelect, pageHostname, SiteModeChoice } from './site-controls';
import { LatestSaves, SaveButton } from './save-panel';
import { PinyinModes, ToneColoursSelect } from './pinyin-controls';
import { PageTerms } from './page-terms';
import { useSettings } from './use-settings';
import { LanguageSwitch } from '@/components/language-switch';
import { useLanguage } from '@/components/use-language';
import { t, tParts } from '@/lib/i18n';

type Tab = { id: number; title: string; url: string };
type State =
  | { kind: 'loading' }
  | { kind: 'no-tab' }
  /** No content script answered: a browser page, or a site Yidu does not run on by itself. */
  | { kind: 'inactive'; tab: Tab; error?: string }
  | { kind: 'ready'; tab: Tab; summary: PageTermSummary; entries: Map<string, GlossaryEntry> };

/**
 * The popup, in the order a reader needs it: what Yidu is doing on this page and the main actions
 * (save, pause, annotate), the site's setting, lookup and pinyin, then the page's terms (the top ten),
 * then display settings and the latest saves.
 */
export function PopupApp() {
  useLanguage();
  const [state, setState] = useState<State>({ kind: 'loading' });
  const [settings, update] = useSettings();
  const [annotateError, setAnnotateError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const [savedVersion, setSavedVersion] = useState(0);

  const show = async (tab: Tab, summary: PageTermSummary) => {
    const ids = Object.keys(summary.counts).filter((id) => !isCandidateId(id));
    const entries = ids.length ? await sendMessage('getEntries', ids) : [];
    setState({ kind: 'ready', tab, summary, entries: new Map(entries.map((e) => [e.id, e])) });
  };
  const load = async (tab: Tab) => {
    try {
      await show(tab, await sendMessage('getPageTerms', undefined, { tabId: tab.id, frameId: 0 }));
    } catch (err) {
      // Any failure other than "nobody answered" (the background could not read the glossary…) is
      // shown as it is, not as "not annotating".
      const message = (err as Error)?.message ?? String(err);
      const noScript = /Could not establish connection|Receiving end does not exist/i.test(message);
      setState({ kind: 'inactive', tab, error: noScript ? undefined : t('somethingWentWrongDetail', message) });
    }
  };

  useEffect(() => {
    void targetTab(location.search).then((tab) => (tab ? load(tab) : setState({ kind: 'no-tab' })));
  }, []);

  const act = async (work: () => Promise<void>) => {
    setBusy(true);
    try {
      await work();
    } finally {
      setBusy(false);
    }
  };
  /**
   * Runs the annotator in the tab: allowed on any site under the activeTab grant of a toolbar click.
   * Without that grant (the popup opened some other way) or on a browser page the browser refuses,
   * and the popup says what to do instead of showing the browser's error.
   */
  const annotateNow = (tab: Tab) =>
    act(async () => {
      setAnnotateError(undefined);
      try {
        await sendMessage('annotateTab', { tabId: tab.id });
      } catch {
        setAnnotateError(t(tab.url && !pageHostname(tab.url) ? 'annotateBrowserPage' : 'annotateNoAccess'));
        return;
      }
      await load(tab);
    });
  /** Pause or resume this tab; `forced`: on for this visit where the site is set to "never" (Yidu runs there already). */
  const setPaused = (tab: Tab, paused: boolean, forced = false) =>
    act(async () => {
      const summary = await sendMessage('setAnnotation', { paused, forced }, { tabId: tab.id, frameId: 0 });
      await show(tab, summary);
    });
  /** After a new site setting: the open tab follows it at once (and is no longer paused). */
  const siteChosen = (tab: Tab) => async (mode: SiteMode | undefined) => {
    if (state.kind === 'ready') return setPaused(tab, false);
    if (mode === 'always') await annotateNow(tab);
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
        {state.kind === 'inactive' && settings && (
          <>
            <PageState tab={state.tab} url={state.tab.url} settings={settings} />
            <div class="actions">
              <button type="button" class="primary" disabled={busy} onClick={() => void annotateNow(state.tab)}>
                {t('annotateThisPage')}
              </button>
            </div>
            {annotateError && <p class="error" role="alert" data-testid="annotate-error">{annotateError}</p>}
            {state.error && <p class="error">{state.error}</p>}
            <SiteModeChoice url={state.tab.url} settings={settings} onChosen={siteChosen(state.tab)} />
          </>
        )}
        {state.kind === 'ready' && settings && (
          <>
            <PageState tab={state.tab} url={state.summary.url} settings={settings} summary={state.summary} />
            <div class="actions">
              <SaveButton tabId={state.tab.id} onSaved={() => setSavedVersion((v) => v + 1)} />
              {state.summary.paused ? (
                <button type="button" disabled={busy} onClick={() => void setPaused(state.tab, false)}>
                  {t('resumeOnPage')}
                </button>
              ) : state.summary.annotating ? (
                <button type="button" disabled={busy} onClick={() => void setPaused(state.tab, true)}>
                  {t('pauseOnPage')}
                </button>
              ) : (
                <button type="button" disabled={busy} onClick={() => void setPaused(state.tab, false, true)}>
                  {t('annotateThisPage')}
                </button>
              )}
            </div>
            <SiteModeChoice url={state.summary.url} settings={settings} onChosen={siteChosen(state.tab)} />
            <div class="settings-group">
              <LookupSelect settings={settings} update={update} />
              <PinyinModes tabId={state.tab.id} disabled={state.summary.paused} />
            </div>
            {state.summary.annotating && <PageTerms tabId={state.tab.id} summary={state.summary} entries={state.entries} />}
            <div class="settings-group">
              <InlineEnglishSelect settings={settings} update={update} />
              <ToneColoursSelect settings={settings} update={update} />
            </div>
          </>
        )}
        {state.kind !== 'loading' && <LanguageSwitch style={{ display: 'block', marginTop: '0.6em' }} />}
        {state.kind === 'ready' && <LatestSaves version={savedVersion} />}
      </section>
    </main>
  );
}

/**
 * One line on what Yidu is doing here (data-testid="page-state"), and the page's title and language.
 * Off on this site, it also says how to turn it back on.
 */
function PageState({ tab, url, settings, summary }: { tab: Tab; url: string; settings: Settings; summary?: PageTermSummary }) {
  const hostname = pageHostname(url);
  const offHere = !!hostname && settings.siteModes[hostname] === 'never' && !summary?.annotating && !summary?.paused;
  const title = summary?.title || tab.title;
  return (
    <div class="page-state">
      <p data-testid="page-state" class={summary?.annotating ? '' : 'strong'}>
        {summary?.paused
          ? t('statePaused')
          : summary?.annotating
            ? t('stateAnnotating')
            : offHere
              ? t('stateOffSite')
              : tParts('notAnnotating', [title ? <q>{title}</q> : t('thisPage')])}
      </p>
      {offHere && <p class="muted hint">{t('offSiteHowTo')}</p>}
      {summary && (
        <p class="muted page-meta">
          <span data-testid="page-title">{summary.title || summary.url}</span>
          {' · '}
          <span data-testid="page-language">{summary.hanRatio >= 0.2 ? t('chineseFound') : t('noChinese')}</span>
        </p>
      )}
    </div>
  );
}
