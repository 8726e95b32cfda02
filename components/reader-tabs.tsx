import type { ComponentChildren } from 'preact';
import { sendMessage } from '@/lib/messages';
import { rebuildIndex } from '@/lib/search/search-service';
import { VocabularyView } from './vocabulary-view';
import { UserEntriesView } from './user-entries-view';
import { BackupView } from './backup-view';
import { t } from '@/lib/i18n';

/** Tell the background (and so every page from now on) that the user's entries changed. */
const reloadGlossary = () => sendMessage('reloadGlossary', undefined).catch(() => undefined);

async function afterDataChange(): Promise<void> {
  await reloadGlossary();
  await rebuildIndex();
}

/** Reader sections beyond the library and the glossary (labels in the current interface language). */
export const extraTabs = (): { id: string; label: string; render(): ComponentChildren }[] => [
  { id: 'vocabulary', label: t('tabVocabulary'), render: () => <VocabularyView /> },
  { id: 'entries', label: t('tabEntries'), render: () => <UserEntriesView onChanged={reloadGlossary} /> },
  { id: 'backup', label: t('tabBackup'), render: () => <BackupView onImported={afterDataChange} onCleared={afterDataChange} /> },
];
