/**
 * Yields the main thread to the page between slices of work: scheduler.yield() where the browser has
 * it (the continuation keeps its priority, ahead of other tasks), a zero-delay timer elsewhere.
 */
export const yieldToPage = (): Promise<void> => {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (scheduler?.yield) return scheduler.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
};
