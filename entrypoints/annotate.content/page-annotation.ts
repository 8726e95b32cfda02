import { onMessage, sendMessage, type PageTermSummary, type PatternPayload } from '@/lib/messages';
import { Matcher } from '@/lib/matcher/matcher';
import { compileGuards, GuardedFinder, isWholeWords } from '@/lib/glossary/guards';
import { PageAnnotator } from '@/lib/annotate/annotator';
import { findCandidates } from '@/lib/annotate/candidates';
import { revealFirst } from '@/lib/annotate/occurrences';
import { hanRatio } from '@/lib/han';
import { getSettings, settingsItem, type Settings } from '@/lib/settings';
import { glossaryVersionItem } from '@/lib/glossary/version';
import { TermCardHost } from '@/components/term-card/host';
import { fetchImageAsDataUrl, pageSnapshot } from './page-snapshot';
import { startWordLookup } from './word-lookup';

/**
 * The content script's work in one frame: build the matcher from the background's spellings, mark
 * terms in place, keep the toolbar badge in step, open cards, and answer the popup.
 * `forced`: the user asked for it (toolbar, shortcut, context menu), so a "never" site is overridden
 * until the user picks a mode for the site.
 */
export function startPageAnnotation(doc: Document, signal: AbortSignal, forced = false): { enable(): Promise<void> } {
  let annotator: PageAnnotator | undefined;
  let card: TermCardHost | undefined;
  let stopLookup: (() => void) | undefined;
  let patterns: PatternPayload | undefined;
  // Kept across restarts (a display setting changed): its automaton is the costly part to build.
  let matcher: Matcher | undefined;
  let finder: GuardedFinder | undefined;
  // Forms guarded as whole words need jieba, which lives in the background: sentence → its word ends.
  const segmented = new Map<string, number[]>();
  let segmenting = false;
  let reportTimer: ReturnType<typeof setTimeout> | undefined;
  let shown: Pick<Settings, 'inlineEnglish' | 'markCandidates'> | undefined;
  const hostname = doc.location.hostname;
  const topFrame = doc.defaultView === doc.defaultView?.top;

  // The language ratio reads innerText (rendered text only, no scripts), so only when the popup asks.
  const summary = (withLanguage = true): PageTermSummary => ({
    url: doc.location.href,
    title: doc.title,
    hanRatio: withLanguage ? hanRatio(doc.body?.innerText ?? '') : 0,
    counts: Object.fromEntries(annotator?.counts ?? []),
  });
  const report = () => {
    void segmentPending();
    clearTimeout(reportTimer);
    reportTimer = setTimeout(() => {
      if (!signal.aborted) void sendMessage('reportPageTerms', summary(false)).catch(() => undefined);
    }, 50);
  };

  const start = async (settings: Settings) => {
    if (!patterns) {
      patterns = await sendMessage('getPatterns', undefined);
      matcher = new Matcher(patterns.sources);
      finder = new GuardedFinder(matcher, compileGuards(patterns.guards), (sentence, from, to) => {
        const ends = segmented.get(sentence);
        return ends ? isWholeWords(ends, from, to) : undefined;
      });
    }
    shown = { inlineEnglish: settings.inlineEnglish, markCandidates: settings.markCandidates };
    annotator = new PageAnnotator(finder!, {
      onUpdate: report,
      english: patterns.english,
      inlineEnglish: settings.inlineEnglish,
      findCandidates: settings.markCandidates ? findCandidates : undefined,
    });
    // An entry added from the card bumps the glossary version, which re-marks this page (below).
    card = new TermCardHost(doc, {});
    // Any word of the page, in the same card host (its own setting, followed live inside).
    const english = patterns.english;
    stopLookup = startWordLookup(doc, card, (id) => english[id]);
    if (doc.body) await annotator.attach(doc.body);
  };
  const stop = async () => {
    stopLookup?.();
    stopLookup = undefined;
    card?.destroy();
    card = undefined;
    const old = annotator;
    annotator = undefined;
    shown = undefined;
    await old?.detach();
    report();
  };

  /**
   * Occurrences of whole-word-guarded forms (人大, 职教) wait, unmarked, until the background's jieba
   * has cut their sentences; then the page is marked again with the answers (once per batch).
   */
  const segmentPending = async () => {
    if (segmenting || !finder?.pending.size || signal.aborted) return;
    segmenting = true;
    const sentences = [...finder.pending].filter((s) => !segmented.has(s));
    finder.pending.clear();
    try {
      if (sentences.length === 0) return;
      const lengths = await sendMessage('segmentSentences', sentences);
      sentences.forEach((sentence, i) => {
        let at = 0;
        segmented.set(sentence, (lengths[i] ?? []).map((n) => (at += n)));
      });
      if (annotator) await apply(undefined, true);
    } catch (err) {
      console.warn('Yidu: could not check whole words', err);
    } finally {
      segmenting = false;
    }
  };

  // Every change of state goes through this one queue, so a setting change and a popup request
  // arriving together can never start two annotators or leave marks behind.
  let queue: Promise<void> = Promise.resolve();
  const apply = (wanted?: boolean, rebuild = false): Promise<void> =>
    (queue = queue
      .then(async () => {
        const settings = await getSettings();
        const mode = settings.siteModes[hostname];
        const on = wanted ?? (mode === 'never' ? forced : true);
        const displayChanged =
          shown !== undefined && (shown.inlineEnglish !== settings.inlineEnglish || shown.markCandidates !== settings.markCandidates);
        if (annotator && (!on || rebuild || displayChanged)) await stop();
        if (on && !annotator) await start(settings);
      })
      .catch((err: unknown) => console.warn('Yidu: could not annotate this page', err)));

  void apply();

  // Only the top frame answers the popup; frames report their terms to the badge themselves.
  const listeners = topFrame
    ? [
        onMessage('getPageTerms', async () => {
          await queue;
          await annotator?.idle();
          return summary();
        }),
        onMessage('setAnnotation', async ({ data }) => {
          await apply(data.enabled);
          await annotator?.idle();
          return summary();
        }),
        onMessage('revealTerm', ({ data }) => revealFirst(doc, data.id)),
        onMessage('getPageSnapshot', () => pageSnapshot(doc)),
        onMessage('fetchImage', ({ data }) => fetchImageAsDataUrl(data.url)),
      ]
    : [];
  const unwatch = settingsItem.watch((next, previous) => {
    if (next?.siteModes[hostname] !== previous?.siteModes[hostname]) forced = false; // the user chose for this site
    void apply();
  });

  // An entry added, edited or deleted anywhere (a card in another tab, the reader, a pack import):
  // fetch the spellings again and mark the page anew, without a reload.
  const unwatchGlossary = glossaryVersionItem.watch(() => {
    patterns = undefined;
    matcher = undefined;
    finder = undefined;
    if (annotator) void apply(undefined, true);
  });

  signal.addEventListener('abort', () => {
    listeners.forEach((remove) => remove());
    unwatch();
    unwatchGlossary();
    void stop();
  });
  return {
    enable: () => {
      forced = true;
      return apply(true);
    },
  };
}
