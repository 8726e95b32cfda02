import { useEffect, useState } from 'preact/hooks';
import type { ComponentChildren } from 'preact';
import { ArticleView } from './article-view';
import { articleHref } from '@/components/article-link';
import { SaveFromTab } from './save-from-tab';
import { LibraryView } from './library-view';
import { GlossaryView } from './glossary-view';
import { extraTabs } from './reader-tabs';
import { LanguageSwitch } from '@/components/language-switch';
import { useLanguage } from '@/components/use-language';
import { followGlossaryChanges } from '@/lib/search/search-service';
import { t } from '@/lib/i18n';

/** The reader page's places, kept in the address hash so Back works and links can point to them. */
type Route = { kind: 'article'; url: string } | { kind: 'save'; tabId: number } | { kind: 'tab'; tab: string };

export function routeFromHash(): Route {
  const hash = location.hash.slice(1);
  const [key, value = ''] = [hash.slice(0, hash.indexOf('=')), hash.slice(hash.indexOf('=') + 1)];
  if (key === 'article' && value) return { kind: 'article', url: decodeURIComponent(value) };
  if (key === 'save' && /^\d+$/.test(value)) return { kind: 'save', tabId: Number(value) };
  if (key === 'tab' && value) return { kind: 'tab', tab: value };
  return { kind: 'tab', tab: 'library' };
}

/** The extension's own page: the library, one article, the glossary, vocabulary and more. */
export function ReaderApp() {
  useLanguage();
  const [route, setRoute] = useState<Route>(routeFromHash());
  useEffect(() => {
    const onHash = () => setRoute(routeFromHash());
    addEventListener('hashchange', onHash);
    return () => removeEventListener('hashchange', onHash);
  }, []);
  // New glossary words (added here or in any other context) are kept whole by this page's search.
  // Started once the page is idle: it loads the whole glossary, which the first view may not need.
  useEffect(() => {
    let stop: (() => void) | undefined;
    const start = requestIdleCallback(() => (stop = followGlossaryChanges()), { timeout: 3000 });
    return () => {
      cancelIdleCallback(start);
      stop?.();
    };
  }, []);
  const openTab = (tab: string) => (location.hash = `tab=${tab}`);

  const tabs: { id: string; label: string; render(): ComponentChildren }[] = [
    { id: 'library', label: t('tabLibrary'), render: () => <LibraryView /> },
    { id: 'glossary', label: t('tabGlossary'), render: () => <GlossaryView /> },
    ...extraTabs(),
  ];
  const current = route.kind === 'tab' ? (tabs.find((t) => t.id === route.tab) ?? tabs[0]!) : undefined;

  return (
    <div class="reader-shell">
      <header class="bar">
        <h1>Yidu 易读</h1>
        <nav aria-label={t('sections')} class="tabs">
          {tabs.map((t) => (
            <a key={t.id} href={`#tab=${t.id}`} aria-current={current?.id === t.id ? 'page' : undefined} onClick={(e) => (e.preventDefault(), openTab(t.id))}>
              {t.label}
            </a>
          ))}
        </nav>
        <LanguageSwitch style={{ marginLeft: '0.8em', fontSize: '0.85em' }} />
      </header>
      <main>
        {route.kind === 'save' && <SaveFromTab tabId={route.tabId} onSaved={(url) => location.replace(articleHref(url))} />}
        {route.kind === 'article' && <ArticleView url={route.url} onBack={() => openTab('library')} />}
        {current?.render()}
      </main>
      <footer class="muted about" aria-label={t('aboutHeading')} data-testid="about">
        <h2 style={{ fontSize: '0.9rem', margin: '1.5em 0 0.2em' }}>{t('aboutHeading')}</h2>
        <p style={{ fontSize: '0.85rem', margin: 0 }}>
          {t('aboutDictionary')}{' '}
          <a href="https://cc-cedict.org/wiki/" target="_blank" rel="noopener noreferrer">
            CC-CEDICT
          </a>{' '}
          ·{' '}
          <a href="https://creativecommons.org/licenses/by-sa/4.0/" target="_blank" rel="noopener noreferrer">
            CC BY-SA 4.0
          </a>
        </p>
      </footer>
    </div>
  );
}
