import type { SaveProgress } from '@/lib/save/save-article';
import { t, type MessageKey } from '@/lib/i18n';

const PHASE: Record<SaveProgress['phase'], MessageKey> = { reading: 'readingArticle', images: 'phaseImages', storing: 'phaseStoring' };

/** "Saving images 3 of 20" with a progress bar, while a save runs. */
export function SaveProgressLine({ progress }: { progress: SaveProgress }) {
  return (
    <p role="status" data-testid="save-progress">
      {t(PHASE[progress.phase])}
      {progress.phase === 'images' && progress.total > 0 && (
        <>
          {' '}
          {t('progressCount', [progress.done, progress.total])} <progress max={progress.total} value={progress.done} />
        </>
      )}
    </p>
  );
}
