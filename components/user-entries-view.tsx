import { useEffect, useState } from 'preact/hooks';
import { BUILTIN_GLOSSARY } from '@/lib/glossary/builtin';
import { packJson, parsePack } from '@/lib/glossary/packs';
import type { GlossaryEntry } from '@/lib/glossary/types';
import { library } from '@/lib/library';
import { datedFileName, downloadFile } from '@/lib/download';
import { EntryCard } from './entry-card';
import { ConfirmBox } from './confirm-box';
import { FileButton } from './file-button';
import { ProblemList, StatusLine } from './notices';
import { UserEntryForm } from './user-entry-form';

type Editing = { entry?: GlossaryEntry } | undefined;

/**
 * Your own glossary entries: add, edit, delete, and share them as glossary packs.
 * `onChanged` runs after any change, for whoever keeps a matcher built from these entries.
 */
export function UserEntriesView({ onChanged }: { onChanged?(): void } = {}) {
  const [entries, setEntries] = useState<GlossaryEntry[] | undefined>();
  const [editing, setEditing] = useState<Editing>();
  const [confirmDelete, setConfirmDelete] = useState<string | undefined>();
  const [status, setStatus] = useState('');
  const [problems, setProblems] = useState<{ title: string; list: string[] } | undefined>();

  const reload = () =>
    library()
      .userEntries.list()
      .then(
        (list) => setEntries(list.sort((a, b) => a.term.localeCompare(b.term, 'zh-Hans-CN'))),
        (err: Error) => setProblems({ title: 'Your entries could not be opened.', list: [err.message] }),
      );
  useEffect(() => void reload(), []);

  const changed = async (message: string) => {
    setStatus(message);
    await reload();
    onChanged?.();
  };

  const save = async (entry: GlossaryEntry) => {
    await library().userEntries.put(entry);
    setEditing(undefined);
    await changed(editing?.entry ? `Saved your changes to ${entry.term}.` : `Added ${entry.term}.`);
  };

  const remove = async (entry: GlossaryEntry) => {
    setConfirmDelete(undefined);
    try {
      await library().userEntries.remove(entry.id);
      await changed(`Deleted ${entry.term}.`);
    } catch (err) {
      setProblems({ title: `${entry.term} could not be deleted.`, list: [(err as Error).message] });
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
      setProblems({ title: `${file.name} could not be read.`, list: [(err as Error).message] });
      return;
    }
    const result = parsePack(text, file.name, { builtin: BUILTIN_GLOSSARY, existing });
    if (!result.ok) {
      setProblems({ title: `${file.name} was not imported; nothing was changed.`, list: result.problems });
      return;
    }
    try {
      await library().userEntries.putMany(result.entries);
    } catch (err) {
      setProblems({ title: `${file.name} could not be saved; nothing was changed.`, list: [(err as Error).message] });
      return;
    }
    const ids = new Set(existing.map((e) => e.id));
    const updated = result.entries.filter((e) => ids.has(e.id)).length;
    await changed(`Imported ${result.entries.length} entries from ${file.name}: ${result.entries.length - updated} new, ${updated} updated.`);
  };

  const exportPack = () => {
    if (!entries?.length) return;
    downloadFile(datedFileName('yidu-glossary-pack', 'json'), packJson(entries), 'application/json');
    setStatus(`Exported ${entries.length} entries as a glossary pack.`);
  };

  return (
    <section class="panel" aria-labelledby="user-entries-heading">
      <h2 id="user-entries-heading">Your entries</h2>
      <p class="muted">Entries you write are marked and explained on every page, like the built-in glossary.</p>
      <div class="view-actions">
        <button type="button" class="primary" onClick={() => setEditing({})} disabled={editing !== undefined}>
          Add an entry
        </button>
        <FileButton label="Import a glossary pack…" accept="application/json,.json" onFile={(f) => void importPack(f)} />
        <button type="button" onClick={exportPack} disabled={!entries?.length}>
          Export as a glossary pack
        </button>
      </div>
      {problems && <ProblemList title={problems.title} problems={problems.list} />}
      <StatusLine>{status}</StatusLine>
      {editing && !editing.entry && <UserEntryForm existing={entries ?? []} onSave={save} onCancel={() => setEditing(undefined)} />}
      {entries && entries.length === 0 && !editing && (
        <p class="muted" data-testid="user-entries-empty">
          You have no entries of your own yet. Add one here, or from the card of a dashed phrase on a page.
        </p>
      )}
      <ul class="view-list" data-testid="user-entries-list">
        {(entries ?? []).map((entry) =>
          editing?.entry?.id === entry.id ? (
            <li key={entry.id}>
              <UserEntryForm original={entry} existing={entries ?? []} onSave={save} onCancel={() => setEditing(undefined)} />
            </li>
          ) : (
            <li key={entry.id}>
              <EntryCard entry={entry} />
              {confirmDelete === entry.id ? (
                <ConfirmBox
                  label={`Confirm deleting ${entry.term}`}
                  confirmLabel={`Delete ${entry.term}`}
                  cancelLabel="Keep it"
                  onConfirm={() => void remove(entry)}
                  onCancel={() => setConfirmDelete(undefined)}
                >
                  Delete {entry.term}? It will no longer be marked on pages.
                </ConfirmBox>
              ) : (
                <div class="view-actions">
                  <button type="button" onClick={() => setEditing({ entry })} disabled={editing !== undefined} aria-label={`Edit ${entry.term}`}>
                    Edit
                  </button>
                  <button type="button" onClick={() => setConfirmDelete(entry.id)} aria-label={`Delete ${entry.term}…`}>
                    Delete…
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
