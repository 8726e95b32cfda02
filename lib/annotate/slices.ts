/**
 * Yields the main thread to the page between slices of work. A zero-delay timer, not
 * scheduler.yield(): a yield's continuation runs ahead of the page's own queued tasks, so a pass of
 * hundreds of slices kept the page's timers waiting for its whole length (measured in
 * `npm run bench`: a 16 ms page timer stalled for the whole switch-off of a 200,000-element page).
 * Behind a timer the page's due timers, input and rendering all run between two slices.
 */
export const yieldToPage = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/**
 * Ends the task but continues ahead of the page's queued tasks (scheduler.yield where there is one):
 * for a short piece of work split only to keep each task under 50 ms, such as unpacking the patterns,
 * where yielding behind the page's own tasks (its first layouts, 100 ms and more on a long page)
 * delayed the first marks by about 60 ms.
 */
export const yieldBriefly = (): Promise<void> => {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  return scheduler?.yield ? scheduler.yield() : yieldToPage();
};

/**
 * Waits until the page's main thread is idle (requestIdleCallback), or `timeoutMs` have passed; where
 * there is no idle callback, for one task.
 */
export const whenIdle = (timeoutMs: number): Promise<void> =>
  new Promise((resolve) => {
    if (typeof requestIdleCallback === 'function') requestIdleCallback(() => resolve(), { timeout: timeoutMs });
    else setTimeout(resolve, 0);
  });

/**
 * Waits for the page's next frame and says how long its rendering took: from its animation-frame
 * callbacks to the first task after it (style, layout, paint, and any of the page's tasks queued
 * meanwhile). Undefined when no frame came within `orAfterMs` (a hidden tab) or there are no frames.
 */
export const nextFrameCost = (orAfterMs = 100): Promise<number | undefined> =>
  new Promise((resolve) => {
    if (typeof requestAnimationFrame === 'undefined') return void setTimeout(() => resolve(undefined), 0);
    const timer = setTimeout(() => resolve(undefined), orAfterMs);
    requestAnimationFrame(() => {
      clearTimeout(timer);
      const at = performance.now();
      setTimeout(() => resolve(performance.now() - at), 0);
    });
  });

/**
 * Yields until the page has rendered a frame (or `orAfterMs` have passed, where none comes: a hidden
 * tab). For writes whose layout is the cost (ruby): one slice's worth is laid out before the next is
 * added.
 */
export const afterNextFrame = (orAfterMs = 50): Promise<void> => nextFrameCost(orAfterMs).then(() => undefined);
