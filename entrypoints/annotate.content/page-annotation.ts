import { onMessage, sendMessage, type PageTermSummary } from '@/lib/messages';
import type { Matcher } from '@/lib/matcher/matcher';
import { GuardedFinder, isWholeWords } from '@/lib/glossary/guards';
import { PageAnnotator } from '@/lib/annotate/annotator';
import { findCandidates, type PhraseKind } from '@/lib/annotate/candidates';
import { judgePolicyDensity } from '@/lib/annotate/density';
import { revealFirst } from '@/lib/annotate/occurrences';
import { hanRatio } from '@/lib/han';
import { afterNextFrame, whenIdle, yieldBriefly, yieldToPage } from '@/lib/annotate/slices';
import { prepareMarkLayer } from '@/lib/annotate/mark-layer';
import { hydratesAfterParsing } from '@/lib/annotate/hydration';
import { getSettings, watchSettings, type Settings } from '@/lib/settings';
import { glossaryVersionItem } from '@/lib/glossary/version';
import { readPageStartValues, unscrolledSinceStart } from '@/lib/page-start';
import { TermCardHost } from '@/components/term-card/host';
import { fetchImageAsDataUrl, pageSnapshot } from './page-snapshot';
import { pagePinyin } from './page-pinyin';
import { startWordLookup } from './word-lookup';
import { startDrawnPointer } from './drawn-pointer';
import { isHugePage } from '@/lib/annotate/huge-page';
import { loadPagePatterns, readPageStart, readStoredPatterns, startPatternsHold } from './page-patterns';

/**
 * The content script's work in one frame: read the matcher from the stored pattern pack, mark
 * terms in place, keep the toolbar badge in step, open cards, and answer the popup.
 * `forced`: the user asked for it (toolbar, shortcut, context menu), so a "never" site is overridden
 * until the user picks a mode for the site. `atDomContentLoaded`: started just after that event (the
 * page parsed, not yet laid out), not in the task that evaluated the script; `huge`: isHugePage's
 * answer then, if it was asked.
 */
export function startPageAnnotation(
  doc: Document,
  signal: AbortSignal,
  { forced = false, atDomContentLoaded = false, huge: hugeAtDomContentLoaded }: { forced?: boolean; atDomContentLoaded?: boolean; huge?: boolean } = {},
): { enable(): Promise<void> } {
  let annotator: PageAnnotator | undefined;
  let card: TermCardHost | undefined;
  let stopLookup: (() => void) | undefined;
  let stopDrawnPointer: (() => void) | undefined;
  // The settings and the stored pattern pack, read together at once (no message; ./page-patterns.ts).
  // Taken apart, not kept whole: the values read hold the pattern pack's JSON (about 400 KB), which
  // nothing needs once the matcher is unpacked, and an object a closure here kept would live with the page.
  const { settings: startSettings, patterns: startPatterns, values: startValues, fromBuiltin: startedFromBuiltin } = readPageStart();
  let firstSettings: Promise<Settings> | undefined = startSettings;
  let storedPatterns: ReturnType<typeof readStoredPatterns> | undefined = startPatterns;
  let fromBuiltin = startedFromBuiltin;
  // Kept across restarts (a display setting changed), until the glossary version changes.
  let matcher: Matcher | undefined;
  let finder: GuardedFinder | undefined;
  let english: ReadonlyMap<string, string> = new Map();
  // Forms guarded as whole words need jieba, which lives in the background: sentence → its word ends.
  const segmented = new Map<string, number[]>();
  // Quoted phrases are candidates only when the dictionary (also in the background) does not know them.
  const phraseKinds = new Map<string, PhraseKind>();
  const pendingPhrases = new Set<string>();
  let segmenting = false;
  // Whether the page is about policy, judged once per page and glossary: starts repeat after the
  // background answers (whole words, quoted phrases), and re-reading the whole page each time is waste.
  let policyDensity: boolean | undefined;
  let reportTimer: ReturnType<typeof setTimeout> | undefined;
  let shown: Pick<Settings, 'inlineEnglish' | 'markCandidates'> | undefined;
  // A srcdoc or about:blank frame has no host of its own: it follows its parent's site mode, so
  // "never on this site" switches it off with the page around it.
  const hostname = siteHostname(doc);
  // "Pause on this page" (from the popup): off in this tab until resumed or reloaded, whatever the site's setting.
  let paused = false;
  // The site's mode at the last change of state (null: none yet), so a change of it is seen on the queue
  // itself (before the settings watcher fires): a site mode the user picks ends a forced start.
  let seenMode: Settings['siteModes'][string] | undefined | null = null;
  const topFrame = doc.defaultView === doc.defaultView?.top;

  // The language ratio reads innerText (rendered text only, no scripts), so only when the popup asks.
  const summary = (withLanguage = true): PageTermSummary => ({
    url: doc.location.href,
    title: doc.title,
    hanRatio: withLanguage ? hanRatio(doc.body?.innerText ?? '') : 0,
    counts: Object.fromEntries(annotator?.counts ?? []),
    annotating: !!annotator,
    paused,
  });
  const report = () => {
    void segmentPending();
    clearTimeout(reportTimer);
    reportTimer = setTimeout(() => {
      if (!signal.aborted) void sendMessage('reportPageTerms', summary(false)).catch(() => undefined);
    }, 50);
  };

  // The first start, when begun at DOMContentLoaded: the page is parsed but not yet laid out.
  let justParsed = atDomContentLoaded;
  const start = async (settings: Settings) => {
    const firstAtDomContentLoaded = justParsed;
    justParsed = false;
    if (!matcher) {
      const loaded = await loadPagePatterns(storedPatterns, fromBuiltin);
      storedPatterns = undefined;
      fromBuiltin = false;
      // What follows gets a task of its own when this one unpacked the patterns (tens of milliseconds
      // on a slow machine) or evaluated this script (30–40 ms on the bench machine): going on in it to
      // mark the screen's top made it a task over 50 ms in half the bench's loads. Begun at
      // DOMContentLoaded with the patterns unpacked at document_start, it goes on at once: a yield there
      // let the page's first full layout (100–300 ms on a long page) in ahead of the first marks.
      if (loaded.unpackMs > 0 || !firstAtDomContentLoaded) await yieldBriefly();
      ({ matcher, english } = loaded);
      finder = new GuardedFinder(matcher, loaded.guards, (sentence, from, to) => {
        const ends = segmented.get(sentence);
        return ends ? isWholeWords(ends, from, to) : undefined;
      });
    }
    shown = { inlineEnglish: settings.inlineEnglish, markCandidates: settings.markCandidates };
    // Candidates only on pages about policy or public affairs, judged by the glossary's density in the
    // page's text (lib/annotate/candidates.ts): a phone review's "两个大核" or quoted emphasis stays unmarked.
    // The judgement comes after the first screen's marks: a run matched before it that could hold a
    // candidate holds it back (as for a phrase the background has not classified) and is matched again
    // once the judgement is made.
    const judgeDensity = settings.markCandidates && policyDensity === undefined;
    const classify = (phrase: string) => phraseKinds.get(phrase);
    // Until the first screen is marked, each of its runs waits for the judgement whatever it holds (a
    // few thousand characters, matched again once the judgement is made): looking for possible
    // candidates there, in code the browser had not compiled yet, was 8 of the screen's 34 ms.
    let screenMarked = false;
    // On a huge page every change to its DOM is a long frame: marks are drawn over the text instead.
    const huge = (firstAtDomContentLoaded ? hugeAtDomContentLoaded : undefined) ?? isHugePage(doc);
    // Drawn marks are placed by measuring the text. At DOMContentLoaded the page has not been laid out
    // yet, and the first measure pulled the whole of its first layout into Yidu's task (2.4 s on the
    // bench's 200,000-element page): they wait for the page's first frame. A page its scripts hydrate
    // (lib/annotate/hydration.ts) is marked once they are done: after that frame, when the page is idle.
    const hydrating = firstAtDomContentLoaded && hydratesAfterParsing(doc);
    // The layer drawn marks go in is put in now, to be laid out with the page's first layout.
    if (huge && firstAtDomContentLoaded && !hydrating) prepareMarkLayer(doc);
    if ((huge || hydrating) && firstAtDomContentLoaded && !doc.hidden) await afterNextFrame(1000);
    if (hydrating) await whenIdle(1000);
    annotator = new PageAnnotator(finder!, {
      drawMarks: huge,
      onUpdate: report,
      unscrolled: unscrolledSinceStart,
      english,
      inlineEnglish: settings.inlineEnglish,
      findCandidates: settings.markCandidates
        ? (text, spans, onWaiting) => {
            if (policyDensity === undefined) {
              if (!screenMarked) {
                onWaiting();
                return [];
              }
              // Held only where a candidate could be (400 runs of the bench page were matched again when every run was held).
              let possible = false;
              if (findCandidates(text, spans, { classify, onPending: () => (possible = true) }).length || possible) onWaiting();
              return [];
            }
            if (!policyDensity) return [];
            return findCandidates(text, spans, {
              classify,
              onPending: (phrase) => {
                pendingPhrases.add(phrase);
                onWaiting();
              },
            });
          }
        : undefined,
    });
    const englishOf = english;
    const startCards = () => {
      // An entry added from the card bumps the glossary version, which re-marks this page (below).
      card = new TermCardHost(doc, {});
      // Any word of the page, in the same card host (its own setting, followed live inside).
      stopLookup = startWordLookup(doc, card, (id) => englishOf.get(id));
      const drawn = marks.drawnTerms;
      if (drawn) stopDrawnPointer = startDrawnPointer(doc, drawn, card);
    };
    const marks = annotator;
    if (!doc.body) return startCards();
    const attached = marks.attach(doc.body);
    // The cards and the word lookup (a storage read of its own) once the first screen is marked: no
    // card can open before, and their setting-up was a few ms of the task that marks the screen.
    await marks.firstScreen;
    screenMarked = true;
    startCards();
    if (judgeDensity) {
      // The judgement begins once the first screen is marked (its slices went between the walk's and
      // held it back where the page's first screen of text came after a long navigation), then goes
      // between the pass's own slices, behind the page's tasks (lib/annotate/density.ts).
      await yieldToPage();
      // The bare matcher: density needs no guards, and guarded forms must not queue sentences from
      // text the annotator never reads (scripts, styles). Read in slices (lib/annotate/density.ts).
      const judging = performance.now();
      const judgedWith = matcher!;
      const dense = await judgePolicyDensity(doc.body, judgedWith);
      performance.measure?.('yidu:density', { start: judging, end: performance.now() });
      // A glossary change meanwhile asks for a new judgement (and a new annotator) with the new matcher.
      if (matcher !== judgedWith) return void (await attached);
      policyDensity = dense;
      if (dense) await marks.recheckWaiting();
    }
    await attached;
  };
  const stop = async () => {
    stopLookup?.();
    stopLookup = undefined;
    stopDrawnPointer?.();
    stopDrawnPointer = undefined;
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
   * has cut their sentences, and quoted phrases until its dictionary has classified them; then the
   * blocks that held them are marked again with the answers (once per batch), not the whole page.
   */
  const segmentPending = async () => {
    if (segmenting || (!finder?.pending.size && !pendingPhrases.size) || signal.aborted) return;
    segmenting = true;
    const sentences = [...(finder?.pending ?? [])].filter((s) => !segmented.has(s));
    const phrases = [...pendingPhrases].filter((p) => !phraseKinds.has(p));
    finder?.pending.clear();
    pendingPhrases.clear();
    try {
      if (sentences.length === 0 && phrases.length === 0) return;
      const [lengths, kinds] = await Promise.all([
        sentences.length ? sendMessage('segmentSentences', sentences) : [],
        phrases.length ? sendMessage('classifyPhrases', phrases) : [],
      ]);
      sentences.forEach((sentence, i) => {
        let at = 0;
        segmented.set(sentence, (lengths[i] ?? []).map((n) => (at += n)));
      });
      phrases.forEach((phrase, i) => phraseKinds.set(phrase, kinds[i] ?? 'word'));
      await recheck();
    } catch (err) {
      console.warn('Yidu: could not check whole words', err);
    } finally {
      segmenting = false;
    }
    // Found while this batch was out (the recheck, or the density judgement's, held new ones): their
    // report came while `segmenting` was set, so nothing else would ask for them.
    if (finder?.pending.size || pendingPhrases.size) void segmentPending();
  };

  // Every change of state goes through this one queue, so a setting change and a popup request
  // arriving together can never start two annotators or leave marks behind.
  let queue: Promise<void> = Promise.resolve();
  const serial = (work: () => Promise<void>): Promise<void> =>
    (queue = queue.then(work).catch((err: unknown) => console.warn('Yidu: could not annotate this page', err)));
  // Pinyin over the text (issue 9): the outer layer, off while the marks under it change.
  const pinyin = pagePinyin(doc, () => annotator, serial);
  // The blocks that waited on the background, matched again (pinyin over them comes off first).
  const recheck = (): Promise<void> =>
    serial(async () => {
      if (!annotator) return;
      const marks = annotator;
      await pinyin.suspend();
      await marks.recheckWaiting();
      if (!paused) await pinyin.resume();
    });
  const apply = (wanted?: boolean, rebuild = false): Promise<void> =>
    serial(async () => {
      const settings = await (firstSettings ?? getSettings());
      if (firstSettings) performance.mark?.('yidu:settings');
      firstSettings = undefined;
      const mode = settings.siteModes[hostname];
      if (seenMode !== null && mode !== seenMode) forced = false;
      seenMode = mode;
      const on = !paused && (wanted ?? (mode === 'never' ? forced : true));
      const displayChanged =
        shown !== undefined && (shown.inlineEnglish !== settings.inlineEnglish || shown.markCandidates !== settings.markCandidates);
      const restart = !!annotator && (!on || rebuild || displayChanged);
      if (restart || (on && !annotator)) await pinyin.suspend();
      if (restart) await stop();
      if (on && !annotator) await start(settings);
      // Paused means the page as its author made it: no pinyin either.
      if (!paused) await pinyin.resume();
    });

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
          paused = data.paused;
          if (data.forced) forced = true;
          await apply();
          await annotator?.idle();
          return summary();
        }),
        onMessage('revealTerm', ({ data }) => revealFirst(doc, data.id)),
        onMessage('getPageSnapshot', () => pageSnapshot(doc)),
        onMessage('fetchImage', ({ data }) => fetchImageAsDataUrl(data.url)),
        onMessage('setPinyinMode', ({ data }) => pinyin.set(data.mode)),
        onMessage('getPinyinMode', () => pinyin.mode),
      ]
    : [];
  const unwatch = watchSettings((next, previous) => {
    if (next.siteModes[hostname] !== previous.siteModes[hostname]) forced = false; // the user chose for this site
    void apply();
  });

  // An entry added, edited or deleted anywhere (a card in another tab, the reader, a pack import):
  // read the pattern pack again (the background stores the new one, or answers when it has not yet)
  // and mark the page anew, without a reload.
  // `starting`: the first start may still be reading the old patterns, so it is redone after.
  const glossaryChanged = (starting = false) => {
    storedPatterns = undefined;
    matcher = undefined;
    finder = undefined;
    policyDensity = undefined;
    if (annotator || starting) void apply(undefined, true);
  };
  const unwatchGlossary = glossaryVersionItem.watch(() => glossaryChanged());
  // The page-start read may have begun at document_start, before these watchers: a change in between
  // (an entry saved just before this page loaded) would be missed. Both values are small to read again.
  // Started from the build's own pack, the page assumed the default settings and no entries of the
  // user's (lib/glossary/builtin-patterns.ts): this read is the first real one.
  void Promise.all([startValues, readPageStartValues(['settings', 'glossaryVersion'])]).then(async ([early, now]) => {
    if (signal.aborted) return;
    if (!(await startPatternsHold(early, now, startedFromBuiltin))) glossaryChanged(true);
    else if (JSON.stringify(now.settings) !== JSON.stringify(early.settings)) void apply();
  }).catch(() => undefined);

  signal.addEventListener('abort', () => {
    listeners.forEach((remove) => remove());
    unwatch();
    unwatchGlossary();
    void pinyin.destroy().then(stop);
  });
  return {
    enable: () => {
      forced = true;
      paused = false;
      return apply(true);
    },
  };
}

/** The host whose site mode applies to `doc`: its own, or for a srcdoc/about:blank frame its nearest ancestor's. */
function siteHostname(doc: Document): string {
  let win: Window | null = doc.defaultView;
  for (let depth = 0; win && depth < 10; depth++) {
    try {
      if (win.location.hostname) return win.location.hostname;
    } catch {
      break; // a cross-origin ancestor: such a frame has its own host, found above
    }
    win = win === win.parent ? null : win.parent;
  }
  return doc.location.hostname;
}
