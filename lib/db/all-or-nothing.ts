/**
 * Runs `work` inside a readwrite transaction so that it all commits or none of it does. IndexedDB
 * aborts by itself only when a request fails; an error thrown by our own code mid-way (a value that
 * cannot be cloned, a check that fails) would otherwise let the writes made so far commit.
 */
export async function allOrNothing<T>(tx: { abort(): void; done: Promise<void> }, work: () => Promise<T>): Promise<T> {
  try {
    const result = await work();
    await tx.done;
    return result;
  } catch (err) {
    try {
      tx.abort();
    } catch {
      // already finished or aborted
    }
    await tx.done.catch(() => undefined);
    throw err;
  }
}
