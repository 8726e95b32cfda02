import { useEffect, useState } from 'preact/hooks';
import { ProblemError, type Problem } from '@/lib/problems';
import { glossaryStore } from '@/lib/glossary/context-store';
import { packJson, parsePack } from '@/lib/glossary/packs';
import type { GlossaryEntry } from '@/lib/glossary/types';
import { library } from '@/lib/db/connection';
import { datedFileName, downloadFile } from '@/lib/download';
import { EntryCard } from './entry-card';
import { ConfirmBox } from './confirm-box';
import { FileButton } from './file-button';
import { ProblemList, StatusLine } from './notices';
import { UserEntryForm } from './user-entry-form';
import { t } from '@/lib/i18n';

type Editing = { entry?: GlossaryEntry } | undefined;

/**
 * Your own glossary entries: add, edit, delete, and share them as glossary packs.
 */
export function UserEntriesView() {
  const [entries, setEntries] = useState<GlossaryEntry[] | undefined>();
  const [editing, setEditing] = useState<Editing>();
  const [confirmDelete, setConfirmDelete] = useState<string | undefined>();
  const [status, setStatus] = useState('');
  const [problems, setProblems] = useState<{ title: string; list: (string | Problem)[] } | undefined>();

  const reload = () =>
    library()
      .userEntries.list()
      .then(
        (list) => setEntries(list.sort((a, b) => a.term.localeCompare(b.term, 'zh-Hans-CN'))),
        (err: Error) => setProblems({ title: t('entriesNotOpened'), list: [err.message] }),
      );
  useEffect(() => void reload(), []);

  const changed = async (message: string) => {
    setStatus(message);
    await reload();
  };

  const save = async (entry: GlossaryEntry) => {
    await glossaryStore().saveUserEntries([entry]);
    setEditing(undefined);
    await changed(editing?.entry ? t('savedChangesTo', entry.term) : t('addedTerm', entry.term));
  };

  const remove = async (entry: GlossaryEntry) => {
    setConfirmDelete(undefined);
    try {
      await glossaryStore().removeUserEntry(entry.id);
      await changed(t('deletedTerm', entry.term));
    } catch (err) {
      setProblems({ title: t('couldNotDeleteTerm', entry.term), list: [(err as Error).message] });
    }
  };

  const importPack = async (file: File) => {
    setProblems(undefined);
    setStatus('');
    const existing = entries ?? [];
    let text: string;
    try {
      text = await file.text();
    } catch (err) {
      setProblems({ title: t('couldNotRead', file.name), list: [(err as Error).message] });
      return;
    }
    const { builtin } = await glossaryStore().current();
    const result = parsePack(text, file.name, { builtin, existing });
    if (!result.ok) {
      setProblems({ title: t('notImported', file.name), list: result.problems });
      return;
    }
    try {
      await glossaryStore().saveUserEntries(result.entries);
    } catch (err) {
      const list = err instanceof ProblemError ? err.problems : [(err as Error).message];
      setProblems({ title: t('couldNotSaveFile', file.name), list });
      return;
    }
    const ids = new Set(existing.map((e) => e.id));
    const updated = result.entries.filter((e) => ids.has(e.id)).length;
    await changed(t('imported', [result.entries.length, file.name, result.entries.length - updated, updated]));
  };

  const exportPack = () => {
    if (!entries?.length) return;
    downloadFile(datedFileName('yidu-glossary-pack', 'json'), packJson(entries), 'application/json');
    setStatus(t('exportedPack', entries.length));
  };

  return (
    <section class="panel" aria-labelledby="user-entries-heading">
      <h2 id="user-entries-heading">{t('yourEntries')}</h2>
      <p class="muted">{t('yourEntriesIntro')}</p>
      <div class="view-actions">
        <button type="button" class="primary" onClick={() => setEditing({})} disabled={editing !== undefined}>
          {t('addAnEntry')}
        </button>
        <FileButton label={t('importPack')} accept="application/json,.json" onFile={(f) => void importPack(f)} />
        <button type="button" onClick={exportPack} disabled={!entries?.length}>
          {t('exportPack')}
        </button>
      </div>
      {problems && <ProblemList title={problems.title} problems={problems.list} />}
      <StatusLine>{status}</StatusLine>
      {editing && !editing.entry && <UserEntryForm onSave={save} onCancel={() => setEditing(undefined)} />}
      {entries && entries.length === 0 && !editing && (
        <p class="muted" data-testid="user-entries-empty">
          {t('entriesEmpty')}
        </p>
      )}
      <ul class="view-list" data-testid="user-entries-list">
        {(entries ?? []).map((entry) =>
          editing?.entry?.id === entry.id ? (
            <li key={entry.id}>
              <UserEntryForm original={entry} onSave={save} onCancel={() => setEditing(undefined)} />
            </li>
          ) : (
            <li key={entry.id}>
              <EntryCard entry={entry} />
              {confirmDelete === entry.id ? (
                <ConfirmBox
                  label={t('confirmDeleting', entry.term)}
                  confirmLabel={t('deleteTerm', entry.term)}
                  cancelLabel={t('keepIt')}
                  onConfirm={() => void remove(entry)}
                  onCancel={() => setConfirmDelete(undefined)}
                >
                  {t('deleteTermQuestion', entry.term)}
                </ConfirmBox>
              ) : (
                <div class="view-actions">
                  <button type="button" onClick={() => setEditing({ entry })} disabled={editing !== undefined} aria-label={t('editTerm', entry.term)}>
                    {t('edit')}
                  </button>
                  <button type="button" onClick={() => setConfirmDelete(entry.id)} aria-label={t('deleteTermEllipsis', entry.term)}>
                    {t('deleteEllipsis')}
                  </button>
                </div>
              )}
            </li>
          ),
        )}
      </ul>
    </section>
  );
}
