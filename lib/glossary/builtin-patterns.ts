/**
 * The build's own pattern pack, made from the built-in entries alone, shipped as a script that only
 * sets a global: where the background registers it (entrypoints/background/builtin-start.ts), a page's
 * top frame holds its matcher's data at document_start, with no storage read to wait for.
 *
 * Why: on a long page that arrives at once, the browser hands the answer of a storage read to the
 * page's thread only after the page's own long frames (46–465 ms on the bench page), so the first
 * screen was marked a frame after the page's first full layout. With the pack in hand at
 * DOMContentLoaded, it is marked before (bench/first-marks.bench.ts).
 *
 * The file is registered only where the pack can be used as it is, which the content script cannot
 * know before its storage read: not on a site set to "never", not while the user has entries of their
 * own, not with display settings other than the defaults (entrypoints/background/builtin-start.ts). A page that loads while a change
 * of those is on its way checks its storage read when it comes and marks again (or stops).
 */
/** The script, at the extension's root (wxt.config.ts writes it). */
export const BUILTIN_PATTERNS_FILE = 'builtin-patterns.js';

/** The global it sets when it runs first: the pack as the JSON string storage.local would hold. */
export const BUILTIN_PATTERNS_GLOBAL = '__yiduBuiltinPatterns';

/**
 * What it calls instead when the annotating script ran first and left it: a registered script runs
 * after the declared ones in Chromium, both before the page's first script.
 */
export const BUILTIN_PATTERNS_RECEIVER = '__yiduReceiveBuiltinPatterns';

/** The script's text for a pack (as JSON). */
export const builtinPatternsScript = (packJson: string): string =>
  `(globalThis.${BUILTIN_PATTERNS_RECEIVER}||(p=>{globalThis.${BUILTIN_PATTERNS_GLOBAL}=p}))(${JSON.stringify(packJson)});\n`;

type Shared = Record<string, unknown>;

/** The pack the script left in this frame, if it ran already, once. */
export function takeBuiltinPatterns(): string | undefined {
  const shared = globalThis as Shared;
  const pack = shared[BUILTIN_PATTERNS_GLOBAL];
  delete shared[BUILTIN_PATTERNS_GLOBAL];
  return typeof pack === 'string' ? pack : undefined;
}

/** Has the script hand its pack to `receive` when it runs after this (once; `stopAwaitingBuiltinPatterns` ends the wait). */
export function awaitBuiltinPatterns(receive: (pack: string) => void): void {
  (globalThis as Shared)[BUILTIN_PATTERNS_RECEIVER] = (pack: unknown) => {
    stopAwaitingBuiltinPatterns();
    if (typeof pack === 'string') receive(pack);
  };
}

export function stopAwaitingBuiltinPatterns(): void {
  delete (globalThis as Shared)[BUILTIN_PATTERNS_RECEIVER];
}
