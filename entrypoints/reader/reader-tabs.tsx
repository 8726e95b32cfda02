import type { ComponentChildren } from 'preact';
import { glossaryStore } from '@/lib/glossary/context-store';
import { rebuildIndex } from '@/lib/search/search-service';
import { VocabularyView } from './vocabulary-view';
import { UserEntriesView } from './user-entries-view';
import { BackupView } from './backup-view';
import { t } from '@/lib/i18n';

/** A restore or a clear replaced the user's entries: every context's glossary is rebuilt, then search. */
async function afterDataChange(): Promise<void> {
  await glossaryStore().changed();
  await rebuildIndex();
}

/** Reader sections beyond the library and the glossary (labels in the current interface language). */
export const extraTabs = (): { id: string; label: string; render(): ComponentChildren }[] => [
  { id: 'vocabulary', label: t('tabVocabulary'), render: () => <VocabularyView /> },
  { id: 'entries', label: t('tabEntries'), render: () => <UserEntriesView /> },
  { id: 'backup', label: t('tabBackup'), render: () => <BackupView onImported={afterDataChange} onCleared={afterDataChange} /> },
];
