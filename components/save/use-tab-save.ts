/**
 * Saving a tab's article from any screen (the popup's button, the library for the context menu and
 * shortcut): the save pipeline is loaded only when a save starts, its progress is state, and its
 * errors are worded here, in the interface language.
 */
import { useState } from 'preact/hooks';
import type { SaveProgress, SaveResult } from '@/lib/save/save-article';
import { t } from '@/lib/i18n';
import { ProblemError } from '@/lib/problems';
import { problemText } from '@/components/problem-text';

export function useTabSave() {
  const [progress, setProgress] = useState<SaveProgress | undefined>();
  const [error, setError] = useState<string | undefined>();
  const save = async (tabId: number): Promise<SaveResult | undefined> => {
    setError(undefined);
    setProgress({ phase: 'reading', done: 0, total: 1 });
    try {
      const { saveTabArticle } = await import('@/lib/save/save-article');
      return await saveTabArticle(tabId, setProgress);
    } catch (err) {
      setError(describeSaveError(err));
      return undefined;
    } finally {
      setProgress(undefined);
    }
  };
  return { progress, error, save };
}

/** A readable message for a failed save: the reader can act on a full quota or a page Yidu is not on. */
export function describeSaveError(err: unknown): string {
  if (err instanceof ProblemError) return err.problems.map(problemText).join(' ');
  const e = err as { name?: string; message?: string };
  if (e?.name === 'QuotaExceededError' || /quota/i.test(e?.message ?? '')) return t('saveErrorQuota');
  if (/Could not establish connection|Receiving end does not exist/i.test(e?.message ?? '')) return t('saveErrorNotRunning');
  return t('saveErrorOther', e?.message ?? String(err));
}
