import { storage } from '#imports';
import type { ToneColours } from './annotate/pinyin-ruby';

export type InlineEnglish = 'off' | 'first' | 'every';
export type SiteMode = 'always' | 'never';
/** Word lookup on Chinese text: on plain hover, on hover with a key held, or not at all. */
export type LookupMode = 'hover' | 'alt' | 'shift' | 'off';
export const LOOKUP_MODES: readonly LookupMode[] = ['hover', 'alt', 'shift', 'off'];

// ── Pinyin mode (issue 9): kept in its own block ──
export interface PinyinSettings {
  /** What the pinyin toggle (shortcut) switches on: pinyin over jargon only, or over every word. */
  pinyinMode: 'jargon' | 'every';
  /** Colour the pinyin by tone, in one of the common schemes. */
  toneColours: ToneColours;
}
export const DEFAULT_PINYIN_SETTINGS: PinyinSettings = { pinyinMode: 'every', toneColours: 'off' };
// ── end pinyin mode ──

export interface Settings extends PinyinSettings {
  /** Show the English rendering in small text after the first (or every) occurrence of a term. */
  inlineEnglish: InlineEnglish;
  /** Mark candidate jargon (quoted phrases, numbered formulas) the glossary lacks. */
  markCandidates: boolean;
  /** How the word under the pointer is looked up (the `toggle-lookup` shortcut switches it on and off). */
  lookup: LookupMode;
  /** Per-site choices, by hostname. */
  siteModes: Record<string, SiteMode>;
}

export const DEFAULT_SETTINGS: Settings = { inlineEnglish: 'off', markCandidates: true, lookup: 'hover', siteModes: {}, ...DEFAULT_PINYIN_SETTINGS };

/** Kept in storage.local so every context (content scripts included) reads it, and it survives restarts. */
export const settingsItem = storage.defineItem<Settings>('local:settings', { fallback: DEFAULT_SETTINGS });

export async function getSettings(): Promise<Settings> {
  return settingsFrom(await settingsItem.getValue());
}

/** The settings in a stored value, defaults filling what it lacks. */
export const settingsFrom = (stored: Partial<Settings> | null | undefined): Settings => ({ ...DEFAULT_SETTINGS, ...stored });

/**
 * Calls `onChange` with the new and previous settings on every change, read through the defaults: a
 * stored value may lack newer keys (written by an older version), and reading one raw threw.
 */
export const watchSettings = (onChange: (next: Settings, previous: Settings) => void): (() => void) =>
  settingsItem.watch((next, previous) => onChange(settingsFrom(next), settingsFrom(previous)));

// One change at a time in this context: two quick choices each read, then wrote, and the second write
// undid the first.
let writing: Promise<unknown> = Promise.resolve();

function changeSettings(edit: (current: Settings) => Settings): Promise<Settings> {
  const write = writing.then(async () => {
    const next = edit(await getSettings());
    await settingsItem.setValue(next);
    return next;
  });
  writing = write.catch(() => undefined);
  return write;
}

export const updateSettings = (change: Partial<Settings>): Promise<Settings> => changeSettings((current) => ({ ...current, ...change }));

export function setSiteMode(hostname: string, mode: SiteMode | undefined): Promise<Settings> {
  return changeSettings((current) => {
    const siteModes = { ...current.siteModes };
    if (mode) siteModes[hostname] = mode;
    else delete siteModes[hostname];
    return { ...current, siteModes };
  });
}
