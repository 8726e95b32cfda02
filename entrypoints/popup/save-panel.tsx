import { useEffect, useState } from 'preact/hooks';
import { browser } from '#imports';
import type { ArticleRecord } from '@/lib/db/schema';
import { library } from '@/lib/db/connection';
import { formatBytes, storageStatus } from '@/lib/storage-status';
import { articleHref } from '@/components/article-link';
import { SaveProgressLine } from '@/components/save/save-progress';
import { useTabSave, warmTabSaveWhenIdle } from '@/components/save/use-tab-save';
import { t } from '@/lib/i18n';
import { problemText } from '@/components/problem-text';

/**
 * "Save for offline" (the popup's first action), its progress and outcome. The article is indexed for
 * search by the library when it next opens, so the popup never loads jieba. `onSaved` refreshes the
 * latest saves further down.
 */
export function SaveButton({ tabId, onSaved }: { tabId: number; onSaved(): void }) {
  const { progress, error, save } = useTabSave();
  const [message, setMessage] = useState<string | undefined>();
  useEffect(() => warmTabSaveWhenIdle(), []);

  const onSave = async () => {
    setMessage(undefined);
    const result = await save(tabId);
    if (!result) return;
    const { record, missing, notice } = result;
    const how = notice ? problemText(notice) : record.source === 'article' || record.source === 'dense-block' ? '' : record.source === 'selection' ? t('savedSelection') : t('savedPageText');
    const images = record.images.length ? t('imagesSaved', [record.images.length - missing.length, record.images.length]) : '';
    setMessage(`${t(record.updates ? 'updatedTitle' : 'savedTitle', record.title)}${images}${how}`);
    onSaved();
  };

  return (
    <>
      <button type="button" class="primary" onClick={() => void onSave()} disabled={!!progress}>
        {t('saveForOffline')}
      </button>
      {/* Below the row of actions, full width. */}
      <div class="action-status">
        {progress && <SaveProgressLine progress={progress} />}
        {(message || error) && (
          <p role={error ? 'alert' : 'status'} class={error ? 'error' : ''} data-testid="save-message">
            {error ?? message}
          </p>
        )}
      </div>
    </>
  );
}

/** The five latest saves and storage use; `version` changes after a save, to read them again. */
export function LatestSaves({ version }: { version: number }) {
  const [latest, setLatest] = useState<ArticleRecord[]>([]);
  // Kept as numbers and worded at render, so switching the interface language rewords it.
  const [storage, setStorage] = useState<{ usage: number; quota: number; persisted: boolean } | undefined>();
  useEffect(() => {
    void (async () => {
      setLatest(await library().articles.latest(5));
      setStorage(await storageStatus());
    })().catch(() => undefined);
  }, [version]);
  const open = (url: string) => void browser.tabs.create({ url: browser.runtime.getURL(`/reader.html${articleHref(url)}`) });

  return (
    <section class="save-panel">
      {latest.length > 0 && (
        <>
          <h3>{t('latestSaves')}</h3>
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
        <p class="muted small-text">
          {t('storageUsed', [formatBytes(storage.usage), formatBytes(storage.quota)])}
          {storage.persisted ? t('storageKept') : ''}
        </p>
      )}
    </section>
  );
}
