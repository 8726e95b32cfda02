/**
 * The one message contract shared by every context (background, content script, popup, reader).
 * Names read as verbNoun; each section says who sends and who answers. Payloads are plain JSON.
 */
import { defineExtensionMessaging } from '@webext-core/messaging';
import type { GlossaryEntry } from './glossary/types';
import type { PatternSource } from './matcher/matcher';

/** A page's jargon at a glance: distinct entries and how often each occurs. */
export interface PageTermSummary {
  url: string;
  title: string;
  /** Share of the page's letters that are Han characters (0..1): tells a Chinese page from another. */
  hanRatio: number;
  /** Entry id → occurrences, most frequent first when iterated by the receiver's sort. */
  counts: Record<string, number>;
}

/** What the content script needs to build its matcher: no explanations, so it stays small. */
export interface PatternPayload {
  /** Changes whenever the glossary (built-in or user) changes, so a cached matcher can be reused. */
  version: string;
  sources: PatternSource[];
}

export interface ProtocolMap {
  // content script → background
  getPatterns(): PatternPayload;
  reportPageTerms(summary: PageTermSummary): void;

  // popup → content script (sent to a tab)
  getPageTerms(): PageTermSummary;

  // any extension context → background
  getEntries(ids: string[]): GlossaryEntry[];
}

export const { sendMessage, onMessage, removeAllListeners } = defineExtensionMessaging<ProtocolMap>();
