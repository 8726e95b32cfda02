/** Pieces every card shows the same way: the vocabulary button and the status line under the card. */
import { t } from '@/lib/i18n-card';

export function SaveButton({ saved, onSave }: { saved: boolean; onSave(): void }) {
  return (
    <button type="button" class="save" disabled={saved} onClick={onSave}>
      {saved ? t('savedToVocabulary') : t('saveToVocabulary')}
    </button>
  );
}

export function CardStatus({ status }: { status?: string }) {
  if (!status) return null;
  return (
    <p class="status" role="status">
      {status}
    </p>
  );
}
