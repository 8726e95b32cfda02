import { useState } from 'preact/hooks';
import { glossaryStore } from '@/lib/glossary/context-store';
import { backupJson, clearAllData, createBackup, mergeSettings, restoreBackup, type RestoreMode } from '@/lib/backup/backup';
import { describeContents, parseBackup, type BackupContents } from '@/lib/backup/backup-file';
import { datedFileName, downloadFile } from '@/lib/download';
import { libraryDb } from '@/lib/db/connection';
import { getSettings, updateSettings } from '@/lib/settings';
import { ConfirmBox } from './confirm-box';
import { FileButton } from './file-button';
import { ProblemList, StatusLine } from './notices';
import { say } from '@/components/problem-text';
import type { Problem } from '@/lib/problems';
import { formatBytes } from '@/lib/storage-status';

const MAX_BACKUP_BYTES = 500 * 1024 * 1024;
import { t } from '@/lib/i18n';

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

type Failure = { title: string; list: (string | Problem)[] };

const errorText = (err: unknown) =>
  (err as Error)?.name === 'QuotaExceededError' ? t('noSpace') : String((err as Error)?.message ?? err);

/** Back up everything Yidu keeps to one file, restore it (here or in another browser), or clear it all. */
export function BackupView({ onImported, onCleared }: Props = {}) {
  const [mode, setMode] = useState<RestoreMode>('merge');
  const [pending, setPending] = useState<Pending | undefined>();
  const [confirmClear, setConfirmClear] = useState(false);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState('');
  const [problem, setProblem] = useState<Failure | undefined>();

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
    run(t('backupFailed'), async () => {
      setStatus(t('makingBackup'));
      const file = await createBackup(await libraryDb(), await getSettings());
      downloadFile(datedFileName('yidu-backup', 'json'), backupJson(file), 'application/json');
      setStatus(t('backupSaved', [file.articles.length, file.images.length, file.vocabulary.length, file.userEntries.length]));
    });

  const check = (file: File) =>
    run(t('couldNotRead', file.name), async () => {
      setPending(undefined);
      // A file this large cannot be read into one string (the browser's limit is about 512 MB):
      // say so, rather than failing later as "not valid JSON".
      if (file.size > MAX_BACKUP_BYTES) {
        setProblem({ title: t('notRestored', file.name), list: [t('backupTooLarge', [formatBytes(file.size), formatBytes(MAX_BACKUP_BYTES)])] });
        return;
      }
      const result = parseBackup(await file.text(), file.name, (await glossaryStore().current()).builtin);
      if (!result.ok) setProblem({ title: t('notRestored', file.name), list: result.problems });
      else setPending({ fileName: file.name, exportedAt: result.exportedAt, contents: result.contents });
    });

  const restore = (p: Pending) =>
    run(t('couldNotRestore', p.fileName), async () => {
      setPending(undefined);
      setStatus(t('restoring'));
      await restoreBackup(await libraryDb(), p.contents, mode);
      const notes: string[] = [];
      try {
        await updateSettings(mode === 'replace' ? p.contents.settings : mergeSettings(await getSettings(), p.contents.settings));
      } catch (err) {
        notes.push(t('settingsNotRestored', errorText(err)));
      }
      try {
        await onImported?.();
      } catch (err) {
        notes.push(t('indexNotRebuilt', errorText(err)));
      }
      setStatus([t('restoredFrom', [p.fileName, say(describeContents(p.contents))]), ...notes].join(' '));
    });

  const clear = () =>
    run(t('clearFailed'), async () => {
      setConfirmClear(false);
      await clearAllData(await libraryDb());
      try {
        await onCleared?.();
      } catch {
        // The search index is rebuilt when the library next opens.
      }
      setStatus(t('cleared'));
    });

  return (
    <section class="panel" aria-labelledby="backup-heading">
      <h2 id="backup-heading">{t('backup')}</h2>
      {problem && <ProblemList title={problem.title} problems={problem.list} />}
      <StatusLine>{status}</StatusLine>

      <h3>{t('backUp')}</h3>
      <p class="muted">{t('backUpIntro')}</p>
      <div class="view-actions">
        <button type="button" class="primary" onClick={() => void backUp()} disabled={busy}>
          {t('downloadBackup')}
        </button>
      </div>

      <h3>{t('restore')}</h3>
      <fieldset class="choice" disabled={busy}>
        <legend>{t('whenRestoring')}</legend>
        <label>
          <input type="radio" name="restore-mode" checked={mode === 'replace'} onChange={() => setMode('replace')} /> {t('modeReplace')}
        </label>
        <label>
          <input type="radio" name="restore-mode" checked={mode === 'merge'} onChange={() => setMode('merge')} /> {t('modeMerge')}
        </label>
      </fieldset>
      <div class="view-actions">
        <FileButton label={t('chooseBackup')} accept="application/json,.json" disabled={busy} onFile={(f) => void check(f)} />
      </div>
      {pending && (
        <ConfirmBox
          label={t('confirmRestore')}
          confirmLabel={mode === 'replace' ? t('replaceAndRestore') : t('addToYidu')}
          cancelLabel={t('cancel')}
          onConfirm={() => void restore(pending)}
          onCancel={() => setPending(undefined)}
        >
          <p style={{ margin: 0 }}>
            {t('backupHolds', [pending.fileName, new Date(pending.exportedAt).toLocaleString(), say(describeContents(pending.contents))])}
          </p>
          <p style={{ margin: '0.3em 0 0' }}>
            {mode === 'replace'
              ? t('willReplace')
              : t('willMerge')}
          </p>
        </ConfirmBox>
      )}

      <h3>{t('clearAllData')}</h3>
      <p class="muted">{t('clearIntro')}</p>
      {confirmClear ? (
        <ConfirmBox
          label={t('confirmClear')}
          confirmLabel={t('deleteEverything')}
          cancelLabel={t('cancel')}
          onConfirm={() => void clear()}
          onCancel={() => setConfirmClear(false)}
        >
          <p style={{ margin: 0 }}>
            <strong>{t('cannotBeUndone')}</strong> {t('backUpFirst')}
          </p>
        </ConfirmBox>
      ) : (
        <div class="view-actions">
          <button type="button" class="danger" onClick={() => setConfirmClear(true)} disabled={busy}>
            {t('clearAllDataEllipsis')}
          </button>
        </div>
      )}
    </section>
  );
}
