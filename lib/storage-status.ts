/** How much the browser lets Yidu keep, and whether it promised to keep it. */
export async function storageStatus(): Promise<{ persisted: boolean; usage: number; quota: number }> {
  // Asks once for persistent storage: a saved library should not be evicted under disk pressure.
  const persisted = (await navigator.storage?.persisted?.()) || (await navigator.storage?.persist?.()) || false;
  const { usage = 0, quota = 0 } = (await navigator.storage?.estimate?.()) ?? {};
  return { persisted, usage, quota };
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} KB`;
  if (bytes < 1024 ** 3) return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  return `${(bytes / 1024 ** 3).toFixed(1)} GB`;
}
