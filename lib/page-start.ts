/**
 * What a page's content script reads from storage.local before it can mark anything: the settings,
 * the glossary version and the pattern pack, in one read. The read is begun at document_start, when
 * the annotating script is evaluated, which also unpacks the pack while the page loads; both are taken
 * over when it begins marking at DOMContentLoaded: when the answer is there by then, the first screen
 * is marked before the page's first full layout. The answer can come late all the same: the browser
 * hands it to the page's thread behind the page's own long frames (46–465 ms after the request on the
 * bench's long page, a small read of the settings alone as late as the pack). The promises are kept on
 * the script's global object, as is the mark of an injection on request. Raw keys (checked against the
 * storage items' in tests/unit/page-start.test.ts): these reads come before the settings module's.
 */
import { browser } from '#imports';
import type { CurrentPack } from './glossary/stored-pack';
import { awaitBuiltinPatterns, stopAwaitingBuiltinPatterns, takeBuiltinPatterns } from './glossary/builtin-patterns';

/** storage.local keys (the storage items' keys without 'local:'). */
export const PAGE_START_KEYS = ['settings', 'glossaryVersion', 'patternPack'] as const;

type PageStartKey = (typeof PAGE_START_KEYS)[number];
export type PageStartValues = Partial<Record<PageStartKey, unknown>>;

const HANDOVER = '__yiduEarlyRead';
const PATTERNS = '__yiduEarlyPatterns';
const SCROLLED = '__yiduScrolled';
const BUILTIN = '__yiduFromBuiltin';
const NEVER_HERE = '__yiduNeverHere';
type Shared = { [HANDOVER]?: Promise<PageStartValues>; [PATTERNS]?: Promise<CurrentPack>; [SCROLLED]?: boolean; [BUILTIN]?: boolean; [NEVER_HERE]?: boolean };

/** Whether the values read set this site to "never" (the settings read raw: one site mode needs no defaults). */
export const neverHere = (values: PageStartValues): boolean =>
  (values.settings as { siteModes?: Record<string, string> } | undefined)?.siteModes?.[location.hostname] === 'never';

/** Whether the read begun at document_start has answered, and this site is not set to "never". */
export const onHereSoFar = (): boolean => (globalThis as Shared)[NEVER_HERE] === false;

/** The values now: all of them, or those of `keys`. */
export function readPageStartValues(keys: readonly PageStartKey[] = PAGE_START_KEYS): Promise<PageStartValues> {
  return browser.storage.local.get([...keys]) as Promise<PageStartValues>;
}

/**
 * At document_start: begins the read and leaves it for the annotating script, and with it the
 * patterns `unpack` makes of the values read (the matcher, unpacked while the page is still loading:
 * at document_idle unpacking was 10–60 ms of the wait for the first marks). It also notes the
 * document's first scroll (restored on reload, a #fragment, the reader's own), so that the annotating
 * script knows a page that never scrolled is at its top without reading `scrollY`: that read forces a
 * layout, and before the page's first one it pulled all of it (100–280 ms on the bench's long page)
 * into the script's first task, ahead of the first marks.
 */
export function beginEarlyRead(unpack?: (values: PageStartValues, now: boolean) => Promise<CurrentPack>): void {
  // Where the background registered the build's own pack (lib/glossary/builtin-patterns.ts), the page
  // starts from it and the settings it assumes, with no read to wait for: the annotating script reads
  // the settings and the glossary version once it is set up to follow their changes, and marks again
  // (or stops) if they are not what the pack assumed.
  const builtin = takeBuiltinPatterns();
  if (builtin !== undefined) handOver(builtinValues(builtin), true, unpack);
  else {
    const replaced = { byBuiltin: false };
    handOver(readPageStartValues(), false, unpack, replaced);
    // In Chromium the registered pack runs just after this script, before the page's first script.
    awaitBuiltinPatterns((pack) => {
      replaced.byBuiltin = true;
      handOver(builtinValues(pack), true, unpack);
    });
  }
  watchFirstScroll();
}

const builtinValues = (pack: string): Promise<PageStartValues> => Promise.resolve({ glossaryVersion: 0, patternPack: pack });

// Functions of their own, so that no closure left in the page (the scroll listener) keeps the values
// read, and with them the pack's JSON (about 400 KB), alive with the page.
function handOver(
  read: Promise<PageStartValues>,
  fromBuiltin: boolean,
  unpack?: (values: PageStartValues, now: boolean) => Promise<CurrentPack>,
  replaced?: { byBuiltin: boolean },
): void {
  const shared = globalThis as Shared;
  // Taken over (and its failure handled) later, or never if the frame goes.
  read.then((values) => (shared[NEVER_HERE] = neverHere(values)), () => undefined);
  shared[HANDOVER] = read;
  shared[BUILTIN] = fromBuiltin;
  if (!unpack) return;
  // A read the build's pack replaced is not unpacked. The build's pack, in hand at once, is unpacked
  // after the page's first paint: unpacked before, it put off that paint (by 40–100 ms on the bench's
  // streamed page). When the page is parsed first, at once, in DOMContentLoaded's own task.
  const patterns = fromBuiltin
    ? Promise.all([read, afterFirstPaintOrParsed()]).then(([values, parsed]) => unpack(values, parsed))
    : read.then((values) => (replaced?.byBuiltin ? { glossaryVersion: 0 } : unpack(values, false)));
  patterns.catch(() => undefined);
  shared[PATTERNS] = patterns;
}

/** Resolves after the page's first paint (false), or at DOMContentLoaded if that comes first (true). */
function afterFirstPaintOrParsed(): Promise<boolean> {
  return new Promise((resolve) => {
    let observer: PerformanceObserver | undefined;
    const done = (parsed: boolean) => {
      observer?.disconnect();
      document.removeEventListener('DOMContentLoaded', onParsed);
      resolve(parsed);
    };
    const onParsed = () => done(true);
    document.addEventListener('DOMContentLoaded', onParsed);
    try {
      observer = new PerformanceObserver(() => done(false));
      observer.observe({ type: 'paint' });
    } catch {
      observer = undefined; // no paint timing: at DOMContentLoaded
    }
  });
}

function watchFirstScroll(): void {
  const shared = globalThis as Shared;
  shared[SCROLLED] = false;
  // The viewport's scroll events are fired at the document (an element's do not bubble to it).
  document.addEventListener('scroll', () => (shared[SCROLLED] = true), { capture: false, passive: true, once: true });
}

/**
 * The global the background sets in each frame just before it injects the annotating script on request
 * (the toolbar, a shortcut, the menu: entrypoints/background/inject.ts), which overrides a site set to
 * "never". Declared and registered scripts run without it. Matching the URL against the 19 declared
 * patterns said the same and was a third of the script's start (about 8 ms a page on this machine).
 */
export const ON_REQUEST_KEY = '__yiduOnRequest';

/** Whether the annotating script in this frame was injected on request (see ON_REQUEST_KEY). */
export function injectedOnRequest(): boolean {
  return (globalThis as Record<string, unknown>)[ON_REQUEST_KEY] === true;
}

/**
 * Whether the document is known never to have scrolled since document_start (so it is at its top);
 * undefined where nothing watched from then (the script injected on request): then ask the layout.
 */
export function unscrolledSinceStart(): boolean | undefined {
  const scrolled = (globalThis as Shared)[SCROLLED];
  return scrolled === undefined ? undefined : !scrolled;
}

/**
 * The read begun at document_start and the patterns unpacked from it, once (a second start reads
 * afresh); else a read begun now, and no patterns. `fromBuiltin`: the values are the build's pack and
 * the settings it assumes, not a read.
 */
export function takePageStart(): { values: Promise<PageStartValues>; patterns?: Promise<CurrentPack>; fromBuiltin: boolean } {
  const shared = globalThis as Shared;
  const values = shared[HANDOVER];
  const patterns = shared[PATTERNS];
  const fromBuiltin = shared[BUILTIN] === true;
  stopAwaitingBuiltinPatterns();
  delete shared[HANDOVER];
  delete shared[PATTERNS];
  delete shared[BUILTIN];
  return values ? { values, ...(patterns ? { patterns } : {}), fromBuiltin } : { values: readPageStartValues(), fromBuiltin: false };
}

