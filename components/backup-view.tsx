import { useState } from 'preact/hooks';
import { BUILTIN_GLOSSARY } from '@/lib/glossary/builtin';
import { backupJson, clearAllData, createBackup, mergeSettings, restoreBackup, type RestoreMode } from '@/lib/backup/backup';
import { describeContents, parseBackup, type BackupContents } from '@/lib/backup/backup-file';
import { datedFileName, downloadFile } from '@/lib/download';
import { libraryDb } from '@/lib/library';
import { getSettings, updateSettings } from '@/lib/settings';
import { ConfirmBox } from './confirm-box';
import { FileButton } from './file-button';
import { ProblemList, StatusLine } from './notices';

interface Props {
  /** After a restore: the search index is derived from the articles, so its owner rebuilds it. */
  onImported?(): void | Promise<void>;
  /** After "Clear all data", for the same reason. */
  onCleared?(): void | Promise<void>;
}

interface Pending {
  fileName: string;
  exportedAt: string;
  contents: BackupContents;
}

type Problem = { title: string; list: string[] };

const errorText = (err: unknown) =>
  (err as Error)?.name === 'QuotaExceededError' ? 'There is not enough storage space on this device.' : String((err as Error)?.message ?? err);

/** Back up everything Yidu keeps to one file, restore it (here or in another browser), or clear it all. */
export function BackupView({ onImported, onCleared }: Props = {}) {
  const [mode, setMode] = useState<RestoreMode>('replace');
  const [pending, setPending] = useState<Pending | undefined>();
  const [confirmClear, setConfirmClear] = useState(false);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState('');
  const [problem, setProblem] = useState<Problem | undefined>();

  /** Runs one action at a time, with its messages reset and its failure reported. */
  const run = async (failure: string, action: () => Promise<void>) => {
    setBusy(true);
    setProblem(undefined);
    setStatus('');
    try {
      await action();
    } catch (err) {
      setStatus('');
      setProblem({ title: failure, list: [errorText(err)] });
    } finally {
      setBusy(false);
    }
  };

  const backUp = () =>
    run('The backup could not be made.', async () => {
      setStatus('Making the backup…');
      const file = await createBackup(await libraryDb(), await getSettings());
      downloadFile(datedFileName('yidu-backup', 'json'), backupJson(file), 'application/json');
      setStatus(`Backup saved to your downloads: ${file.articles.length} articles, ${file.images.length} images, ${file.vocabulary.length} vocabulary terms, ${file.userEntries.length} entries of your own.`);
    });

  const check = (file: File) =>
    run(`${file.name} could not be read.`, async () => {
      setPending(undefined);
      const result = parseBackup(await file.text(), file.name, BUILTIN_GLOSSARY);
      if (!result.ok) setProblem({ title: `${file.name} was not restored; nothing was changed.`, list: result.problems });
      else setPending({ fileName: file.name, exportedAt: result.exportedAt, contents: result.contents });
    });

  const restore = (p: Pending) =>
    run(`${p.fileName} could not be restored; nothing was changed.`, async () => {
      setPending(undefined);
      setStatus('Restoring…');
      await restoreBackup(await libraryDb(), p.contents, mode);
      const notes: string[] = [];
      try {
        await updateSettings(mode === 'replace' ? p.contents.settings : mergeSettings(await getSettings(), p.contents.settings));
      } catch (err) {
        notes.push(`The settings could not be restored (${errorText(err)}).`);
      }
      try {
        await onImported?.();
      } catch (err) {
        notes.push(`The search index could not be rebuilt (${errorText(err)}); reopen this page to try again.`);
      }
      setStatus([`Restored from ${p.fileName}: ${describeContents(p.contents)}.`, ...notes].join(' '));
    });

  const clear = () =>
    run('Your data could not be cleared; nothing was deleted.', async () => {
      setConfirmClear(false);
      await clearAllData(await libraryDb());
      try {
        await onCleared?.();
      } catch {
        // The search index is rebuilt when the library next opens.
      }
      setStatus('All saved articles, images, vocabulary and your own entries were deleted. Your settings were kept.');
    });

  return (
    <section class="panel" aria-labelledby="backup-heading">
      <h2 id="backup-heading">Backup</h2>
      {problem && <ProblemList title={problem.title} problems={problem.list} />}
      <StatusLine>{status}</StatusLine>

      <h3>Back up</h3>
      <p class="muted">One file with your saved articles and their images, your vocabulary, your own entries and your settings.</p>
      <div class="view-actions">
        <button type="button" class="primary" onClick={() => void backUp()} disabled={busy}>
          Download a backup
        </button>
      </div>

      <h3>Restore</h3>
      <fieldset class="choice" disabled={busy}>
        <legend>When restoring</legend>
        <label>
          <input type="radio" name="restore-mode" checked={mode === 'replace'} onChange={() => setMode('replace')} /> Replace everything in Yidu with the backup
        </label>
        <label>
          <input type="radio" name="restore-mode" checked={mode === 'merge'} onChange={() => setMode('merge')} /> Add the backup to what is here (the backup’s copy wins; your settings are kept)
        </label>
      </fieldset>
      <div class="view-actions">
        <FileButton label="Choose a backup file…" accept="application/json,.json" disabled={busy} onFile={(f) => void check(f)} />
      </div>
      {pending && (
        <ConfirmBox
          label="Confirm restoring the backup"
          confirmLabel={mode === 'replace' ? 'Replace and restore' : 'Add to Yidu'}
          cancelLabel="Cancel"
          onConfirm={() => void restore(pending)}
          onCancel={() => setPending(undefined)}
        >
          <p style={{ margin: 0 }}>
            {pending.fileName} was made on {new Date(pending.exportedAt).toLocaleString()} and holds {describeContents(pending.contents)}.
          </p>
          <p style={{ margin: '0.3em 0 0' }}>
            {mode === 'replace'
              ? 'Everything now saved in Yidu will be replaced by it.'
              : 'It will be added to what is saved in Yidu; records in both are taken from the backup.'}
          </p>
        </ConfirmBox>
      )}

      <h3>Clear all data</h3>
      <p class="muted">Deletes every saved article and image, your vocabulary and your own entries from this browser.</p>
      {confirmClear ? (
        <ConfirmBox
          label="Confirm clearing all data"
          confirmLabel="Delete everything"
          cancelLabel="Cancel"
          onConfirm={() => void clear()}
          onCancel={() => setConfirmClear(false)}
        >
          <p style={{ margin: 0 }}>
            <strong>This cannot be undone.</strong> Download a backup first if you may want any of it back.
          </p>
        </ConfirmBox>
      ) : (
        <div class="view-actions">
          <button type="button" class="danger" onClick={() => setConfirmClear(true)} disabled={busy}>
            Clear all data…
          </button>
        </div>
      )}
    </section>
  );
}
