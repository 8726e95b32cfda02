/**
 * The one message contract shared by every context (background, content script, popup, reader).
 * Names read as verbNoun; each section says who sends and who answers. Payloads are plain JSON.
 */
import { defineExtensionMessaging } from '@webext-core/messaging';
import type { GlossaryEntry } from './glossary/types';
import type { VocabularyItem } from './db/schema';
import type { PatternPack } from './glossary/pattern-pack';
import type { Problem } from './problems';
import type { PhraseKind } from './annotate/candidates';
import type { PinyinMode, PinyinWord } from './annotate/pinyin-ruby';
import type { PhraseBreakdown } from './dictionary/breakdown';
import type { TextLookup, WordLookup } from './lookup/find-word';

/** A page's jargon at a glance: distinct entries and how often each occurs. */
export interface PageTermSummary {
  url: string;
  title: string;
  /** Share of the page's letters that are Han characters (0..1): tells a Chinese page from another. */
  hanRatio: number;
  /** Entry id → occurrences, most frequent first when iterated by the receiver's sort. */
  counts: Record<string, number>;
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
  // popup/background → content script: switch marking on or off in this tab
  setAnnotation(data: { enabled: boolean }): PageTermSummary;

  // any context → background
  getEntries(ids: string[]): GlossaryEntry[];
  // reader → background: the user's entries changed (added, edited, imported, restored, cleared)
  reloadGlossary(): void;
  saveVocabulary(item: Omit<VocabularyItem, 'savedAt' | 'learned'>): VocabularyItem;
  /** Problems (a clash with a built-in spelling…) come back as data for the card to word. */
  addUserEntry(draft: UserEntryDraft): { entry: GlossaryEntry } | { problems: Problem[] };
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

export const { sendMessage, onMessage, removeAllListeners } = defineExtensionMessaging<ProtocolMap>();
