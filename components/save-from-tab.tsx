import { useEffect, useState } from 'preact/hooks';
import { currentMatcher, library } from '@/lib/library';
import { indexSavedArticle } from '@/lib/search/search-service';
import { describeSaveError, saveTabArticle, type SaveProgress } from '@/lib/save/save-article';
import { t } from '@/lib/i18n';

/** The library's side of "Save page to Yidu" (context menu, shortcut): save tab N, then open the article. */
export function SaveFromTab({ tabId, onSaved }: { tabId: number; onSaved(url: string): void }) {
  const [progress, setProgress] = useState<SaveProgress | undefined>();
  const [error, setError] = useState<string | undefined>();
  useEffect(() => {
    void (async () => {
      try {
        const { record } = await saveTabArticle(tabId, { articles: library().articles, matcher: await currentMatcher(), onProgress: setProgress, index: indexSavedArticle });
        onSaved(record.url);
      } catch (err) {
        setError(describeSaveError(err));
      }
    })();
  }, [tabId]);
  return (
    <section class="panel" aria-live="polite">
      <h2>{t('savingPageHeading')}</h2>
      {error ? (
        <p class="error" role="alert">
          {error}
        </p>
      ) : (
        <p role="status">
          {progress?.phase === 'images' ? t('savingImages', [progress.done, progress.total]) : t('readingArticle')}
          {progress?.phase === 'images' && progress.total > 0 && <progress max={progress.total} value={progress.done} />}
        </p>
      )}
    </section>
  );
}
