/**
 * Yields the main thread to the page between slices of work. A zero-delay timer, not
 * scheduler.yield(): a yield's continuation runs ahead of the page's own queued tasks, so a pass of
 * hundreds of slices kept the page's timers waiting for its whole length (measured in
 * `npm run bench`: a 16 ms page timer stalled for the whole switch-off of a 200,000-element page).
 * Behind a timer the page's due timers, input and rendering all run between two slices.
 */
export const yieldToPage = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));
