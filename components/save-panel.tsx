import { useEffect, useState } from 'preact/hooks';
import { browser } from '#imports';
import type { ArticleRecord } from '@/lib/db/schema';
import { currentMatcher, formatBytes, library, storageStatus } from '@/lib/library';
import { indexSavedArticle } from '@/lib/search/search-service';
import { articleHref } from './article-link';
import { describeSaveError, saveTabArticle, type SaveProgress } from '@/lib/save/save-article';
import { t, type MessageKey } from '@/lib/i18n';

const PHASE: Record<SaveProgress['phase'], MessageKey> = { reading: 'readingArticle', images: 'phaseImages', storing: 'phaseStoring' };

/** "Save for offline", its progress and outcome, the five latest saves, and storage use. */
export function SavePanel({ tabId }: { tabId: number }) {
  const [progress, setProgress] = useState<SaveProgress | undefined>();
  const [message, setMessage] = useState<{ text: string; error?: boolean } | undefined>();
  const [latest, setLatest] = useState<ArticleRecord[]>([]);
  const [storage, setStorage] = useState<string>('');

  const refresh = async () => {
    setLatest(await library().articles.latest(5));
    const s = await storageStatus();
    setStorage(`${t('storageUsed', [formatBytes(s.usage), formatBytes(s.quota)])}${s.persisted ? t('storageKept') : ''}`);
  };
  useEffect(() => void refresh().catch(() => undefined), []);

  const save = async () => {
    setMessage(undefined);
    try {
      const { articles } = library();
      const result = await saveTabArticle(tabId, { articles, matcher: await currentMatcher(), onProgress: setProgress, index: indexSavedArticle });
      const { record } = result;
      const how = record.source === 'article' || record.source === 'dense-block' ? '' : record.source === 'selection' ? t('savedSelection') : t('savedPageText');
      const images = record.images.length ? t('imagesSaved', [record.images.length - result.missing, record.images.length]) : '';
      setMessage({ text: `${t(record.updates ? 'updatedTitle' : 'savedTitle', record.title)}${images}${how}` });
      await refresh();
    } catch (err) {
      setMessage({ text: describeSaveError(err), error: true });
    } finally {
      setProgress(undefined);
    }
  };
  const open = (url: string) => void browser.tabs.create({ url: browser.runtime.getURL(`/reader.html${articleHref(url)}`) });

  return (
    <section class="save-panel" style={{ marginTop: '0.8em' }}>
      <button type="button" class="primary" onClick={() => void save()} disabled={!!progress}>
        {t('saveForOffline')}
      </button>
      {progress && (
        <p role="status" data-testid="save-progress">
          {t(PHASE[progress.phase])}
          {progress.phase === 'images' && progress.total > 0 && (
            <>
              {' '}
              {t('progressCount', [progress.done, progress.total])}{' '}
              <progress max={progress.total} value={progress.done} />
            </>
          )}
        </p>
      )}
      {message && (
        <p role={message.error ? 'alert' : 'status'} class={message.error ? 'error' : ''} data-testid="save-message">
          {message.text}
        </p>
      )}
      {latest.length > 0 && (
        <>
          <h3 style={{ fontSize: '0.85rem', margin: '0.8em 0 0.2em' }}>{t('latestSaves')}</h3>
          <ul class="term-list" data-testid="latest-saves">
            {latest.map((a) => (
              <li key={a.url}>
                <button type="button" class="term-link" onClick={() => open(a.url)}>
                  {a.title}
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
      {storage && <p class="muted" style={{ fontSize: '0.8em' }}>{storage}</p>}
    </section>
  );
}
