/**
 * Every name Yidu puts into a page or a saved article's HTML: tags, attributes, URL schemes. One file,
 * so the annotator, the card, the snapshot that strips them, the styles' selectors (assets/styles/marks.css)
 * and the tests all agree.
 */

/** Wraps one occurrence (or one piece of an occurrence split by inline tags) of a term. */
export const MARK_TAG = 'yidu-mark';
/** The entry id (or `candidate:…`) a mark stands for. */
export const TERM_ATTR = 'data-yidu-term';
/** Pieces of one occurrence share its number. */
export const OCCURRENCE_ATTR = 'data-yidu-occurrence';
/** Set on marks of candidate jargon (not in the glossary), alongside the candidate text. */
export const KIND_ATTR = 'data-yidu-kind';
/** On a mark's first piece: the term's English, read by screen readers with the term (ARIA 1.3). */
export const DESCRIPTION_ATTR = 'aria-description';
/** The inline English after a term ("English after terms"). */
export const GLOSS_TAG = 'yidu-gloss';
/** The term card's host element; its shadow root stays open so tests and assistive tools can read it. */
export const CARD_TAG = 'yidu-card';
/** The CSS Custom Highlight naming the word a lookup card explains (styled by ::highlight() in marks.css). */
export const LOOKUP_HIGHLIGHT = 'yidu-lookup';
/** CSS highlight names of marks drawn over the text of huge pages (lib/annotate/drawn-marks.ts). */
export const TERM_HIGHLIGHT = 'yidu-term';
export const CANDIDATE_HIGHLIGHT = 'yidu-candidate';
/** The layer of boxes that draws a huge page's marks (lib/annotate/mark-overlay.ts); its shadow root stays open for tests. */
export const OVERLAY_TAG = 'yidu-overlay';
/** Every element Yidu adds to a page, for walkers that must skip them and snapshots that strip them. */
export const OWN_TAGS = [MARK_TAG, GLOSS_TAG, CARD_TAG, OVERLAY_TAG] as const;
/** Images of a saved article point at `yidu-image:N` (N indexes its stored images) until rendered. */
export const IMAGE_SCHEME = 'yidu-image:';

// ── Pinyin mode (ruby over the page's words) ──
/** Set on the <ruby> and <rt> elements the pinyin mode adds, so snapshots and walkers tell them from a page's own. */
export const RUBY_ATTR = 'data-yidu-ruby';
/** On each syllable of an <rt> when tone colours are on: its tone, 1–5 (5: neutral). */
export const TONE_ATTR = 'data-yidu-tone';
/** On the <rt>: the tone colour scheme its syllables use (assets/styles/marks.css holds the colours). */
export const TONE_SCHEME_ATTR = 'data-yidu-tones';
