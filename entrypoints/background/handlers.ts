import { browser } from '#imports';
import { onMessage } from '@/lib/messages';
import { library } from '@/lib/db/connection';
import { glossaryStore } from '@/lib/glossary/context-store';
import { injectAnnotator } from './inject';
import { TabBadges } from './badges';
import { ProblemError } from '@/lib/problems';
import { problemText } from '@/components/problem-text';
import { loadLanguage } from '@/lib/i18n';
import { addUserEntryFromDraft } from '@/lib/glossary/user-entry';
import { backgroundDictionary } from './dictionary';
import { backgroundSegmenter } from './segmenter';
import { phraseKind } from '@/lib/dictionary/phrase-kind';
import { backgroundWordReader, readPinyin } from './pinyin';
import { breakDown } from '@/lib/dictionary/breakdown';
import { findFormulaItems } from '@/lib/annotate/formula-items';
import { registerLookupHandlers } from './lookup';
import { keepPatternCache } from './pattern-cache';
import { keepBuiltinStart } from './builtin-start';
import { setSiteMode, updateSettings } from '@/lib/settings';

/**
 * The glossary lives once, here in the background (as Zhongwen keeps its dictionary): content
 * scripts read the spellings to match from storage.local, kept there from here (./pattern-cache.ts),
 * and ask for an entry's text only when a card opens.
 */
export function registerBackgroundHandlers(): void {
  const { vocabulary } = library();
  const glossary = glossaryStore();
  const badges = new TabBadges();

  keepPatternCache(glossary);
  keepBuiltinStart(glossary);

  onMessage('getEntries', async ({ data }) => {
    const g = await glossary.glossary();
    return data.flatMap((id) => g.get(id) ?? []);
  });

  onMessage('reportPageTerms', ({ data, sender }) => {
    if (sender.tab?.id !== undefined) return badges.report(sender.tab.id, sender.frameId ?? 0, data.counts);
  });

  onMessage('saveVocabulary', ({ data }) => vocabulary.save(data));

  // The popup's setting changes are written here: a popup can close between a read and a write.
  onMessage('updateSettings', ({ data }) => updateSettings(data));
  onMessage('setSiteMode', ({ data }) => setSiteMode(data.hostname, data.mode));

  onMessage('addUserEntry', async ({ data }) => {
    // The entry's pinyin comes from the same dictionary reader as pages' pinyin (CC-CEDICT with the
    // build-time polyphone choices), not from pinyin-pro: service workers cannot import() code lazily.
    const words = await backgroundWordReader();
    try {
      return { entry: await addUserEntryFromDraft(glossary, data, (han) => words.word(han).map((s) => s ?? '?')) };
    } catch (err) {
      if (err instanceof ProblemError) {
        await loadLanguage(); // the user's interface language, followed from then on
        return { problems: err.problems, worded: err.problems.map(problemText) };
      }
      throw err;
    }
  });

  onMessage('segmentSentences', async ({ data }) => {
    const segmenter = await backgroundSegmenter(glossary);
    return data.map((sentence) => segmenter.cut(sentence).map((word) => word.length));
  });

  onMessage('classifyPhrases', async ({ data }) => {
    const [dict, segmenter] = await Promise.all([backgroundDictionary(), backgroundSegmenter(glossary)]);
    return data.map((phrase) => phraseKind(dict, phrase, segmenter.isWord));
  });
  registerLookupHandlers(glossary);

  onMessage('annotateTab', ({ data }) => injectAnnotator(data.tabId));

  // ── Pinyin mode and the candidate's breakdown (issue 9) ──
  onMessage('readPinyin', ({ data }) => readPinyin(glossary, data));
  onMessage('breakDownPhrase', async ({ data }) => {
    const [segmenter, reader, dict] = await Promise.all([backgroundSegmenter(glossary), backgroundWordReader(), backgroundDictionary()]);
    const items = findFormulaItems(data.phrase, data.after);
    return { ...breakDown(data.phrase, segmenter.cut, reader, dict), ...(items ? { items } : {}) };
  });
  // ── end pinyin mode ──

  browser.tabs.onRemoved.addListener((tabId) => badges.forget(tabId));
  browser.tabs.onUpdated.addListener((tabId, change) => {
    if (change.status === 'loading') badges.forget(tabId);
  });
}
