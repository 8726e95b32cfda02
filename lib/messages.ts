/**
 * The one message contract shared by every context (background, content script, popup, reader).
 * Names read as verbNoun; each section says who sends and who answers. Payloads are plain JSON.
 */
import { defineExtensionMessaging, type SendMessageOptions } from '@webext-core/messaging';
import { browser } from '#imports';
import type { GlossaryEntry } from './glossary/types';
import type { VocabularyItem } from './db/schema';
import type { PatternPack } from './glossary/pattern-pack';
import type { Problem } from './problems';
import type { PhraseKind } from './annotate/candidates';
import type { PinyinMode, PinyinWord } from './annotate/pinyin-ruby';
import type { PhraseBreakdown } from './dictionary/breakdown';
import type { TextLookup, WordLookup } from './lookup/find-word';
import type { Settings, SiteMode } from './settings';

/** A page's jargon at a glance: distinct entries and how often each occurs. */
export interface PageTermSummary {
  url: string;
  title: string;
  /** Share of the page's letters that are Han characters (0..1): tells a Chinese page from another. */
  hanRatio: number;
  /** Entry id → occurrences, most frequent first when iterated by the receiver's sort. */
  counts: Record<string, number>;
  /** Marks are on in this tab (off: the site is set to "never", or the tab is paused). */
  annotating: boolean;
  /** "Pause on this page": off in this tab until resumed or reloaded, whatever the site's setting. */
  paused: boolean;
}

export interface ProtocolMap {
  // content script → background: the pattern pack for at least this glossary version, when storage.local
  // holds none that is current (lib/glossary/pattern-cache.ts); the background stores it there too
  getPatterns(data: { glossaryVersion: number }): PatternPack;
  reportPageTerms(summary: PageTermSummary): void;

  // popup → content script (sent to a tab)
  getPageTerms(): PageTermSummary;

  // popup/reader → content script: the page for saving, and its images (same-origin fetch)
  getPageSnapshot(): PageSnapshot;
  fetchImage(data: { url: string }): { dataUrl: string };
  // popup → content script: scroll to the first occurrence of a term
  revealTerm(data: { id: string }): boolean;
  // popup → content script: pause annotation in this tab (until reload), or resume it (then the site's
  // setting decides again, so this also follows a site setting the popup has just changed); `forced`:
  // on for this visit even where the site is set to "never" ("Annotate this page" where Yidu already runs)
  setAnnotation(data: { paused: boolean; forced?: boolean }): PageTermSummary;

  // any context → background
  getEntries(ids: string[]): GlossaryEntry[];
  // reader → background: the user's entries changed (added, edited, imported, restored, cleared)
  reloadGlossary(): void;
  saveVocabulary(item: Omit<VocabularyItem, 'savedAt' | 'learned'>): VocabularyItem;
  /** Problems (a clash with a built-in spelling…) come back as data for the card to word. */
  /** Problems come worded too, in the user's interface language: the card does not carry every problem's wording. */
  addUserEntry(draft: UserEntryDraft): { entry: GlossaryEntry } | { problems: Problem[]; worded: string[] };
  // content script → background: jieba's words for sentences with a form guarded as a whole word (word lengths)
  segmentSentences(sentences: string[]): number[][];
  // content script → background: what the dictionary says of quoted phrases (ordinary word, name, unknown)
  classifyPhrases(phrases: string[]): PhraseKind[];
  // content script → background: the word at `offset` of a sentence under the pointer (null: not Chinese there)
  lookupWord(data: { sentence: string; offset: number }): WordLookup | null;
  // content script → background: a selection's entries, or its words one by one
  lookupText(data: { text: string }): TextLookup;
  // content script → background: the pointer is moving over a page; open the dictionary and glossary now
  warmLookup(): void;
  // popup → background: run the annotator in a tab where it is not declared (activeTab)
  annotateTab(data: { tabId: number }): void;
  // popup → background: a settings change, read and written there, so that a popup closed right after
  // a choice cannot drop it between the read and the write
  updateSettings(change: Partial<Settings>): Settings;
  setSiteMode(data: { hostname: string; mode?: SiteMode }): Settings;

  // ── Pinyin mode and the candidate's breakdown (issue 9) ──
  // content script/reader → background: each text cut into words with one syllable per character
  readPinyin(texts: string[]): PinyinWord[][];
  // content script → background: a candidate phrase split into words, each with its pinyin and first sense,
  // and a formula's items found in `after` (the text that follows it on the page)
  breakDownPhrase(data: { phrase: string; after: string }): PhraseBreakdown;
  // popup/background → content script (top frame): the page's pinyin mode; `toggle` flips it off or to the preferred mode
  setPinyinMode(data: { mode: PinyinMode | 'toggle' }): PinyinMode;
  getPinyinMode(): PinyinMode;
  // ── end pinyin mode ──
}

/** The page's HTML without Yidu's marks, for extraction in an extension page. */
export interface PageSnapshot {
  html: string;
  url: string;
  canonical: string | null;
  selection: string;
}

export type { PinyinMode, PinyinWord, PhraseBreakdown };

/** What a reader writes for a phrase the glossary lacks; the background fills its pinyin. */
export interface UserEntryDraft {
  term: string;
  english: string;
  explanation: string;
}

const messenger = defineExtensionMessaging<ProtocolMap>();
export const { onMessage, removeAllListeners } = messenger;

let nextTabMessageId = Math.floor(Math.random() * 10_000);

/**
 * The library's sendMessage, except to a tab. @webext-core/messaging 4 hands tabs.sendMessage a
 * callback that never reads runtime.lastError, so messaging a tab where Yidu's content script does not
 * run (a browser page, a site off the list) logs "Unchecked runtime.lastError: Could not establish
 * connection" in the sender's console and rejects with a bare "No response". The promise form used
 * here rejects with the browser's own error and logs nothing. Same envelope as the library
 * ({id, type, data, timestamp} out, {res} or {err} back), so the library's listeners answer it.
 */
export const sendMessage = (async (type: keyof ProtocolMap, data?: unknown, target?: number | SendMessageOptions) => {
  if (target === undefined) return messenger.sendMessage(type, data as never);
  const { tabId, frameId } = typeof target === 'number' ? { tabId: target, frameId: undefined } : target;
  const message = { id: nextTabMessageId++, type, data, timestamp: Date.now() };
  const reply = (await browser.tabs.sendMessage(tabId, message, frameId === undefined ? undefined : { frameId })) as
    | { res?: unknown; err?: { name?: string; message?: string } }
    | undefined;
  if (!reply) throw new Error('No response');
  if (reply.err != null) throw Object.assign(new Error(reply.err.message ?? String(reply.err)), { name: reply.err.name ?? 'Error' });
  return reply.res;
}) as typeof messenger.sendMessage;
