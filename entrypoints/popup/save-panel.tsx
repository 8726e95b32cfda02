import { useEffect, useState } from 'preact/hooks';
import { browser } from '#imports';
import type { ArticleRecord } from '@/lib/db/schema';
import { library } from '@/lib/db/connection';
import { formatBytes, storageStatus } from '@/lib/storage-status';
import { articleHref } from '@/components/article-link';
import { SaveProgressLine } from '@/components/save/save-progress';
import { useTabSave } from '@/components/save/use-tab-save';
import { t } from '@/lib/i18n';
import { problemText } from '@/components/problem-text';

/**
 * "Save for offline", its progress and outcome, the five latest saves, and storage use. The article
 * is indexed for search by the library when it next opens, so the popup never loads jieba.
 */
export function SavePanel({ tabId }: { tabId: number }) {
  const { progress, error, save } = useTabSave();
  const [message, setMessage] = useState<string | undefined>();
  const [latest, setLatest] = useState<ArticleRecord[]>([]);
  // Kept as numbers and worded at render, so switching the interface language rewords it.
  const [storage, setStorage] = useState<{ usage: number; quota: number; persisted: boolean } | undefined>();

  const refresh = async () => {
    setLatest(await library().articles.latest(5));
    setStorage(await storageStatus());
  };
  useEffect(() => void refresh().catch(() => undefined), []);

  const onSave = async () => {
    setMessage(undefined);
    const result = await save(tabId);
    if (!result) return;
    const { record, missing, notice } = result;
    const how = notice ? problemText(notice) : record.source === 'article' || record.source === 'dense-block' ? '' : record.source === 'selection' ? t('savedSelection') : t('savedPageText');
    const images = record.images.length ? t('imagesSaved', [record.images.length - missing.length, record.images.length]) : '';
    setMessage(`${t(record.updates ? 'updatedTitle' : 'savedTitle', record.title)}${images}${how}`);
    await refresh();
  };
  const open = (url: string) => void browser.tabs.create({ url: browser.runtime.getURL(`/reader.html${articleHref(url)}`) });

  return (
    <section class="save-panel" style={{ marginTop: '0.8em' }}>
      <button type="button" class="primary" onClick={() => void onSave()} disabled={!!progress}>
        {t('saveForOffline')}
      </button>
      {progress && <SaveProgressLine progress={progress} />}
      {(message || error) && (
        <p role={error ? 'alert' : 'status'} class={error ? 'error' : ''} data-testid="save-message">
          {error ?? message}
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
      {storage && (
        <p class="muted" style={{ fontSize: '0.8em' }}>
          {t('storageUsed', [formatBytes(storage.usage), formatBytes(storage.quota)])}
          {storage.persisted ? t('storageKept') : ''}
        </p>
      )}
    </section>
  );
}
