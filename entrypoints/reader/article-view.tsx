import { useEffect, useRef, useState } from 'preact/hooks';
import type { ArticleRecord } from '@/lib/db/schema';
import type { GlossaryEntry } from '@/lib/glossary/types';
import { library } from '@/lib/db/connection';
import { glossaryStore } from '@/lib/glossary/context-store';
import { PageAnnotator } from '@/lib/annotate/annotator';
import { revealFirst } from '@/lib/annotate/occurrences';
import { rankTerms } from '@/lib/annotate/term-counts';
import { TermCardHost } from '@/components/term-card/host';
import { applyTheme, getReaderPrefs, readerPrefsItem, type ReaderPrefs } from '@/lib/reader-prefs';
import { PinyinLayer } from '@/lib/annotate/pinyin-layer';
import type { PinyinMode } from '@/lib/annotate/pinyin-ruby';
import { getSettings } from '@/lib/settings';
import { storedArticleBody } from './stored-article';
import { pageSegmenter } from '@/lib/search/search-service';
import { segmenterJudge } from '@/lib/glossary/guards';
import { getLanguage, t } from '@/lib/i18n';
import { sendMessage } from '@/lib/messages';

// Pinyin read where the web pages' is read: the background's jieba and dictionary, so the reader
// shows the same words and readings as the page the article was saved from.
const readInBackground = (texts: string[]) => sendMessage('readPinyin', texts);

/** A saved article, read offline: sanitized again, images from IndexedDB (stored-article.ts), the same marks and cards. */
export function ArticleView({ url, onBack }: { url: string; onBack(): void }) {
  const [article, setArticle] = useState<ArticleRecord | null | undefined>();
  const [entries, setEntries] = useState<Map<string, GlossaryEntry>>(new Map());
  const body = useRef<HTMLDivElement>(null);
  // Pinyin (issue 9): a layer over the marks, put on once the article is marked (`ready` counts that).
  const pinyin = useRef(new PinyinLayer());
  const [ready, setReady] = useState(0);
  const marked = useRef<PageAnnotator | undefined>(undefined);
  const [prefs, setPrefs] = useState<ReaderPrefs | undefined>();
  useEffect(() => void getReaderPrefs().then(setPrefs), []);
  useEffect(() => {
    if (prefs) applyTheme(prefs.theme);
  }, [prefs?.theme]);
  const changePrefs = (change: Partial<ReaderPrefs>) => {
    const next = { ...prefs!, ...change };
    setPrefs(next);
    void readerPrefsItem.setValue(next);
  };

  useEffect(() => {
    void library().articles.get(url).then((a) => setArticle(a ?? null));
  }, [url]);

  useEffect(() => {
    const root = body.current;
    const mode = prefs?.pinyinMode ?? 'off';
    const annotator = marked.current;
    if (!root || !ready || !annotator) return;
    const layer = pinyin.current;
    void (async () => {
      await layer.detach((write) => annotator.quietly(write));
      if (mode === 'off') return;
      const { toneColours } = await getSettings();
      await layer.attach(root, { mode, colours: toneColours, read: readInBackground, quietly: (write) => annotator.quietly(write) });
    })();
  }, [ready, prefs?.pinyinMode]);

  useEffect(() => {
    const root = body.current;
    if (!article || !root) return;
    const objectUrls: string[] = [];
    let annotator: PageAnnotator | undefined;
    let card: TermCardHost | undefined;
    let cancelled = false;
    let onScroll: (() => void) | undefined;
    void (async () => {
      const stored = await storedArticleBody(article);
      // Left before the images were read: the clean-up has run already, so release them here.
      if (cancelled) return stored.objectUrls.forEach((u) => URL.revokeObjectURL(u));
      objectUrls.push(...stored.objectUrls);
      root.replaceChildren(stored.content);
      // The same guarded matching as on the web, whole words judged by this page's jieba (search's own).
      const [snapshot, segmenter] = await Promise.all([glossaryStore().current(), pageSegmenter()]);
      const glossary = snapshot.glossary;
      if (cancelled) return;
      setEntries(new Map(Object.keys(article.terms).flatMap((id) => (glossary.get(id) ? [[id, glossary.get(id)!]] : []))));
      annotator = new PageAnnotator(snapshot.finder(segmenterJudge(segmenter.cut)));
      card = new TermCardHost(document, { page: () => ({ title: article.title, url: article.url }) });
      await annotator.attach(root);
      // Pinyin sits over every mark, so far-off paragraphs are wrapped now rather than when scrolled to.
      annotator.flushDeferred();
      marked.current = annotator;
      setReady((n) => n + 1);
      // Back to where the reader left off, then keep track as they read.
      const max = () => Math.max(1, document.documentElement.scrollHeight - innerHeight);
      if (article.readProgress) scrollTo(0, article.readProgress * max());
      let timer: ReturnType<typeof setTimeout> | undefined;
      onScroll = () => {
        clearTimeout(timer);
        timer = setTimeout(() => void library().articles.setProgress(article.url, scrollY / max()), 400);
      };
      addEventListener('scroll', onScroll, { passive: true });
    })();
    return () => {
      cancelled = true;
      marked.current = undefined;
      void pinyin.current.detach();
      if (onScroll) removeEventListener('scroll', onScroll);
      card?.destroy();
      void annotator?.detach();
      objectUrls.forEach((u) => URL.revokeObjectURL(u)); // released on leaving the article
    };
  }, [article]);

  if (article === undefined) return <p class="muted">{t('opening')}</p>;
  if (article === null)
    return (
      <p>
        {t('notInLibrary')} <button type="button" onClick={onBack}>{t('backToLibrary')}</button>
      </p>
    );
  const terms = rankTerms(article.terms).filter(([id]) => entries.has(id));
  return (
    <div class="article-layout">
      <article class="article" lang="zh-Hans">
        <p>
          <button type="button" onClick={onBack}>{t('backArrowLibrary')}</button>
        </p>
        <h1 data-testid="article-title">{article.title}</h1>
        <p class="muted">
          {article.siteName}
          {article.byline ? ` · ${article.byline}` : ''}
          {article.publishedAt ? ` · ${new Date(article.publishedAt).toLocaleDateString(getLanguage(), { timeZone: 'Asia/Shanghai' })}` : ''} ·{' '}
          <a href={article.url} target="_blank" rel="noopener noreferrer">
            {t('originalPage')}
          </a>
        </p>
        {article.missingImages.length > 0 && <p class="muted">{t('imagesNotSaved', article.missingImages.length)}</p>}
        {prefs && (
          <div class="reader-tools" role="group" aria-label={t('readingSettings')}>
            {/* Names that start with what the button shows, so "A minus" works for voice control too. */}
            <button type="button" title={t('smallerText')} onClick={() => changePrefs({ fontSize: Math.max(13, prefs.fontSize - 1) })}>
              A−<span class="visually-hidden"> {t('smallerText')}</span>
            </button>
            <button type="button" title={t('largerText')} onClick={() => changePrefs({ fontSize: Math.min(32, prefs.fontSize + 1) })}>
              A+<span class="visually-hidden"> {t('largerText')}</span>
            </button>
            <label>
              {t('pinyinLabel')}{' '}
              <select value={prefs.pinyinMode ?? 'off'} onChange={(e) => changePrefs({ pinyinMode: e.currentTarget.value as PinyinMode })}>
                <option value="off">{t('pinyinOff')}</option>
                <option value="jargon">{t('pinyinJargon')}</option>
                <option value="every">{t('pinyinEvery')}</option>
              </select>
            </label>
            <label>
              {t('theme')}{' '}
              <select value={prefs.theme} onChange={(e) => changePrefs({ theme: e.currentTarget.value as ReaderPrefs['theme'] })}>
                <option value="auto">{t('themeSystem')}</option>
                <option value="light">{t('themeLight')}</option>
                <option value="dark">{t('themeDark')}</option>
              </select>
            </label>
          </div>
        )}
        <div
          ref={body}
          class="article-body"
          style={{ fontSize: `${prefs?.fontSize ?? 18}px` }}
          data-testid="article-body"
        />
      </article>
      <aside class="term-panel" aria-label={t('termsInArticle')}>
        <h2>{t('termsHeading', terms.length)}</h2>
        <ul class="term-list" data-testid="article-terms">
          {terms.map(([id, count]) => (
            <li key={id} data-term-id={id}>
              <button type="button" class="term-link" onClick={() => body.current && revealFirst(body.current, id)}>
                <span lang="zh-Hans">{entries.get(id)!.term}</span>
              </button>
              <span class="muted">{entries.get(id)!.english}</span>
              <span class="count">{count}</span>
            </li>
          ))}
        </ul>
      </aside>
    </div>
  );
}
