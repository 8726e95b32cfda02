import { useEffect } from 'preact/hooks';
import { indexSavedArticle } from '@/lib/search/search-service';
import { SaveProgressLine } from '@/components/save/save-progress';
import { useTabSave } from '@/components/save/use-tab-save';
import { t } from '@/lib/i18n';

/** The library's side of "Save page to Yidu" (context menu, shortcut): save tab N, index it, then open it. */
export function SaveFromTab({ tabId, onSaved }: { tabId: number; onSaved(url: string): void }) {
  const { progress, error, save } = useTabSave();
  useEffect(() => {
    void (async () => {
      const result = await save(tabId);
      if (!result) return;
      // Search works from the next query; if indexing fails the library fills the gap when it opens.
      await indexSavedArticle(result.record).catch((err: unknown) => console.warn('Yidu: saved, but not indexed for search yet', err));
      onSaved(result.record.url);
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
        <SaveProgressLine progress={progress ?? { phase: 'reading', done: 0, total: 1 }} />
      )}
    </section>
  );
}
