/**
 * The interface language's state (lib/i18n.ts and lib/i18n-card.ts word messages with it).
 * The interface language, switchable at run time (browser.i18n.getMessage cannot be: it always
 * answers in the browser's language). The strings come from lib/i18n-messages.ts, the catalog the
 * locales/*.yml files are generated from. Light enough for the content script: no dependency beyond
 * WXT's storage wrapper, which the content script already uses for its settings.
 */
import { storage } from '#imports';
import type { Language } from './i18n-messages';

export type { Language, MessageKey } from './i18n-messages';
export type LanguageChoice = 'auto' | Language;
export const LANGUAGE_CHOICES: readonly LanguageChoice[] = ['auto', 'en', 'zh-CN'];

/** The user's choice, in storage.local so every context (content scripts included) follows it. */
export const uiLanguageItem = storage.defineItem<LanguageChoice>('local:uiLanguage', { fallback: 'auto' });

export type Substitution = string | number;

type I18nApi = { i18n?: { getUILanguage?(): string } };

/**
 * The browser's interface language (browser.i18n.getUILanguage()), or navigator.language outside an
 * extension. Read from the global `browser`/`chrome` rather than WXT's `browser` import, whose test
 * stand-in cannot load in the jsdom test environment and throws for getUILanguage anyway.
 */
function browserUiLanguage(): string {
  const api = (globalThis as { browser?: I18nApi; chrome?: I18nApi }).browser ?? (globalThis as { chrome?: I18nApi }).chrome;
  try {
    const ui = api?.i18n?.getUILanguage?.();
    if (ui) return ui;
  } catch {
    // Not in an extension page or content script.
  }
  return typeof navigator === 'undefined' ? '' : (navigator.language ?? '');
}

/** 'auto' follows the browser: Chinese for any zh-* interface, English otherwise. */
export function resolveLanguage(choice: LanguageChoice, uiLanguage: string = browserUiLanguage()): Language {
  if (choice !== 'auto') return choice;
  return uiLanguage.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}

const isChoice = (value: unknown): value is LanguageChoice => LANGUAGE_CHOICES.includes(value as LanguageChoice);

let choice: LanguageChoice = 'auto';
let language: Language = resolveLanguage('auto');
const listeners = new Set<(language: Language) => void>();

function apply(next: LanguageChoice): void {
  const nextChoice = isChoice(next) ? next : 'auto';
  const resolved = resolveLanguage(nextChoice);
  if (nextChoice === choice && resolved === language) return;
  choice = nextChoice;
  language = resolved;
  for (const fn of listeners) fn(language);
}

/** `$1`…`$9` are replaced by the substitutions, `$$` is a dollar sign (as in browser.i18n). */
export function fill(message: string, subs: readonly unknown[]): string {
  return message.replace(/\$(\$|[1-9])/g, (_, d: string) => (d === '$' ? '$' : String(subs[Number(d) - 1] ?? '')));
}

export const getLanguage = (): Language => language;
export const getLanguageChoice = (): LanguageChoice => choice;

/** Calls `fn` with the language whenever it or the user's choice changes; returns the unsubscribe function. */
export function onLanguageChange(fn: (language: Language) => void): () => void {
  listeners.add(fn);
  return () => listeners.delete(fn);
}

/** Stores the user's choice; every open page (and card) switches to it. */
export async function setLanguageChoice(next: LanguageChoice): Promise<void> {
  apply(next);
  await uiLanguageItem.setValue(next);
}

let loading: Promise<Language> | undefined;

/**
 * Reads the stored choice once and follows later changes made in any context. Safe to call often;
 * pages await it before their first render so they do not flash the other language.
 */
export function loadLanguage(): Promise<Language> {
  loading ??= (async () => {
    try {
      uiLanguageItem.watch((value) => apply(value ?? 'auto'));
      apply(await uiLanguageItem.getValue());
    } catch {
      // No extension storage here (a plain test page): the browser's language it is.
    }
    return language;
  })();
  return loading;
}

/**
 * `t` and `tParts` over one catalog. Every screen uses the whole catalog (lib/i18n.ts); the content
 * script only the card's part (lib/i18n-card.ts), so it does not carry every screen's strings.
 */
export function translator<K extends string>(catalog: Record<Language, Record<K, string>>) {
  const messageOf = (key: K): string => catalog[getLanguage()][key] || catalog.en[key];
  return {
    /** The message `key` in the current language (English when a translation is missing). */
    t(key: K, substitutions?: Substitution | readonly Substitution[]): string {
      const message = messageOf(key);
      if (substitutions === undefined) return fill(message, []);
      return fill(message, Array.isArray(substitutions) ? substitutions : [substitutions]);
    },
    /**
     * The message `key` split around its substitutions, for messages that hold elements (a <strong>,
     * a <q>): `tParts('notAnnotating', [<q>…</q>])` → ['Yidu is not annotating ', <q>…</q>, '.'].
     */
    tParts<T>(key: K, substitutions: readonly T[]): (string | T)[] {
      const message = messageOf(key);
      const parts: (string | T)[] = [];
      let text = '';
      let last = 0;
      for (const m of message.matchAll(/\$(\$|[1-9])/g)) {
        text += message.slice(last, m.index);
        last = m.index + m[0].length;
        if (m[1] === '$') {
          text += '$';
          continue;
        }
        if (text) parts.push(text);
        text = '';
        const sub = substitutions[Number(m[1]) - 1];
        if (sub !== undefined) parts.push(sub);
      }
      text += message.slice(last);
      if (text) parts.push(text);
      return parts;
    },
  };
}
