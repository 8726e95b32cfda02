/**
 * Backup, restore and "clear all data" for the stores the user made. The search index
 * (searchIndex) is derived from the articles, so it is left out and rebuilt after an import.
 */
import { allOrNothing } from '../db/all-or-nothing';
import type { YiduDatabase } from '../db/schema';
import { putListing } from '../db/schema';
import { LISTING_STORES } from '../db/summaries';
import type { Settings } from '../settings';
import { BACKUP_FORMAT, BACKUP_VERSION, type BackupContents, type BackupFile } from './backup-file';
import { blobToDataUrl } from '../data-url';

export const BACKUP_STORES = ['articles', 'images', 'vocabulary', 'userEntries'] as const;
/**
 * Restore and clear also write the article summaries and entry ids (derived, so not in the file): in
 * the same transaction as the articles, so the library never lists an article that is not there.
 */
const WRITTEN_STORES = [...BACKUP_STORES, ...LISTING_STORES] as const;

export type RestoreMode = 'replace' | 'merge';

/** Everything, read in one transaction so the backup is a consistent snapshot. */
export async function createBackup(db: YiduDatabase, settings: Settings, now = new Date()): Promise<BackupFile> {
  const tx = db.transaction([...BACKUP_STORES], 'readonly');
  const [articles, images, vocabulary, userEntries] = await Promise.all([
    tx.objectStore('articles').getAll(),
    tx.objectStore('images').getAll(),
    tx.objectStore('vocabulary').getAll(),
    tx.objectStore('userEntries').getAll(),
  ]);
  await tx.done;
  // Encoded after the transaction: waiting on anything but IndexedDB inside it would end it early.
  const encoded = [];
  for (const { blob, ...image } of images) encoded.push({ ...image, dataUrl: await blobToDataUrl(blob) });
  return { format: BACKUP_FORMAT, version: BACKUP_VERSION, exportedAt: now.toISOString(), settings, articles, images: encoded, vocabulary, userEntries };
}

export function backupJson(file: BackupFile): string {
  return JSON.stringify(file);
}

/**
 * Writes a checked backup in one transaction over every store: "replace" empties them first, "merge"
 * keeps what is there and lets the backup's records win. Any failure (a full disk, a record the
 * browser cannot store) aborts the transaction, so the stores are exactly as they were.
 */
export async function restoreBackup(db: YiduDatabase, contents: BackupContents, mode: RestoreMode): Promise<void> {
  const tx = db.transaction([...WRITTEN_STORES], 'readwrite');
  await allOrNothing(tx, async () => {
    const images = tx.objectStore('images');
    if (mode === 'replace') {
      for (const store of WRITTEN_STORES) await tx.objectStore(store).clear();
    } else {
      // An article in the backup brings its own images: the stored copy's images go with it.
      for (const article of contents.articles) {
        for (const key of await images.index('articleUrl').getAllKeys(article.url)) await images.delete(key);
      }
    }
    for (const record of contents.articles) {
      await tx.objectStore('articles').put(record);
      await putListing(tx, record);
    }
    for (const record of contents.images) await images.put(record);
    for (const record of contents.vocabulary) await tx.objectStore('vocabulary').put(record);
    for (const record of contents.userEntries) await tx.objectStore('userEntries').put(record);
  });
}

/** Empties every store the user made (and the summaries), in one transaction: all of it goes, or none of it. */
export async function clearAllData(db: YiduDatabase): Promise<void> {
  const tx = db.transaction([...WRITTEN_STORES], 'readwrite');
  await Promise.all([...WRITTEN_STORES.map((store) => tx.objectStore(store).clear()), tx.done]);
}

/** Settings after a merge: the current ones win; sites only the backup knows are added. */
export function mergeSettings(current: Settings, fromBackup: Settings): Settings {
  return { ...current, siteModes: { ...fromBackup.siteModes, ...current.siteModes } };
}
