import { browser } from '#imports';
import { AUTO_MATCHES } from '@/lib/sites';
import { DEFAULT_SETTINGS, getSettings, settingsItem, type Settings } from '@/lib/settings';
import type { GlossaryStore } from '@/lib/glossary/store';
import { BUILTIN_PATTERNS_FILE } from '@/lib/glossary/builtin-patterns';
import { grantedAlwaysHosts } from './site-scripts';

export const BUILTIN_START_ID = 'yidu-builtin-patterns';

/** The display settings a first screen marked with the build's pack assumes: the defaults. */
export const BUILTIN_START_SETTINGS: Pick<Settings, 'inlineEnglish' | 'markCandidates'> = {
  inlineEnglish: DEFAULT_SETTINGS.inlineEnglish,
  markCandidates: DEFAULT_SETTINGS.markCandidates,
};

type Registration = Parameters<typeof browser.scripting.registerContentScripts>[0][number];

// A host the match-pattern syntax takes as it is (a name or an IPv4 address; no port, no brackets).
const PLAIN_HOST = /^[a-z0-9.-]+$/i;

/**
 * Where the build's pattern pack may be handed to a page's top frame at document_start
 * (lib/glossary/builtin-patterns.ts): the sites the annotating script runs on by itself (the declared
 * ones, and those set to "always" whose permission `granted` holds), less those set to "never"; and
 * nowhere while the user has entries of their own or display settings the pack's first screen does not
 * assume. Undefined: nowhere (pages then read their patterns from storage, as frames always do).
 */
export function builtinStartRegistration(settings: Settings, hasUserEntries: boolean, granted: ReadonlySet<string>): Registration | undefined {
  if (hasUserEntries) return undefined;
  if (settings.inlineEnglish !== BUILTIN_START_SETTINGS.inlineEnglish || settings.markCandidates !== BUILTIN_START_SETTINGS.markCandidates) return undefined;
  const hosts = (mode: string) => Object.entries(settings.siteModes).flatMap(([host, m]) => (m === mode ? [host] : []));
  const never = hosts('never');
  // A "never" host no pattern can exclude: better no early pack anywhere than one on that site.
  if (never.some((host) => !PLAIN_HOST.test(host))) return undefined;
  const always = hosts('always').filter((host) => PLAIN_HOST.test(host) && granted.has(host));
  return {
    id: BUILTIN_START_ID,
    matches: [...AUTO_MATCHES, ...always.map((host) => `*://${host}/*`)],
    ...(never.length ? { excludeMatches: never.map((host) => `*://${host}/*`) } : {}),
    js: [BUILTIN_PATTERNS_FILE],
    // Frames read storage: the pack is 400 KB of script, and a news page holds many frames (ads).
    allFrames: false,
    runAt: 'document_start',
  };
}

/** Keeps the registration in step with the settings, the user's entries and the granted sites. */
export function keepBuiltinStart(glossary: GlossaryStore): void {
  let syncing: Promise<void> = Promise.resolve();
  const sync = () =>
    void (syncing = syncing
      .then(() => syncBuiltinStart(glossary))
      .catch((err: unknown) => console.warn('Yidu: could not register the early pattern pack', err)));
  // Chrome keeps a registration across restarts and updates (the file is the new build's); Firefox
  // may not. Not on every wake of the worker: reading the user's entries there is tens of ms.
  browser.runtime.onInstalled.addListener(sync);
  browser.runtime.onStartup.addListener(sync);
  settingsItem.watch(sync);
  glossary.onChange(sync);
  browser.permissions.onAdded?.addListener(sync);
  browser.permissions.onRemoved?.addListener(sync);
}

export async function syncBuiltinStart(glossary: GlossaryStore): Promise<void> {
  const settings = await getSettings();
  const { user } = await glossary.current();
  const granted = new Set(await grantedAlwaysHosts(settings.siteModes));
  const wanted = builtinStartRegistration(settings, user.length > 0, granted);
  const [current] = await browser.scripting.getRegisteredContentScripts({ ids: [BUILTIN_START_ID] });
  if (current && wanted && sameRegistration(current, wanted)) return;
  if (current) await browser.scripting.unregisterContentScripts({ ids: [BUILTIN_START_ID] });
  // If registering fails (a pattern the browser refuses), pages read storage as before.
  if (wanted) await browser.scripting.registerContentScripts([wanted]);
}

// The browser hands back its patterns sorted.
const sameRegistration = (a: Registration, b: Registration) => {
  const key = (r: Registration) => JSON.stringify([[...(r.matches ?? [])].sort(), [...(r.excludeMatches ?? [])].sort(), r.js, r.runAt, !!r.allFrames]);
  return key(a) === key(b);
};
