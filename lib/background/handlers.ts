import { browser } from '#imports';
import { onMessage } from '../messages';
import { buildUserEntry } from '../glossary/user-entry';
import { openYiduDB } from '../db/schema';
import { createVocabularyRepo } from '../db/vocabulary';
import { createUserEntriesRepo } from '../db/user-entries';
import { GlossaryService } from './glossary-service';
import { injectAnnotator } from './inject';
import { TabBadges } from './badges';

/**
 * The glossary lives once, here in the background (as Zhongwen keeps its dictionary): content
 * scripts ask for the spellings to match, and for an entry's text only when a card opens.
 */
export function registerBackgroundHandlers(): void {
  const db = openYiduDB();
  const vocabulary = createVocabularyRepo(db);
  const userEntries = createUserEntriesRepo(db);
  const glossary = new GlossaryService(() => userEntries.list());
  const badges = new TabBadges();

  onMessage('getPatterns', () => glossary.patterns());

  onMessage('getEntries', async ({ data }) => {
    const g = await glossary.get();
    return data.flatMap((id) => g.get(id) ?? []);
  });

  onMessage('reportPageTerms', ({ data, sender }) => {
    if (sender.tab?.id !== undefined) return badges.report(sender.tab.id, sender.frameId ?? 0, data.counts);
  });

  onMessage('saveVocabulary', ({ data }) => vocabulary.save(data));

  onMessage('addUserEntry', async ({ data }) => {
    const entry = buildUserEntry(data);
    await userEntries.put(entry);
    await glossary.reload();
    return entry;
  });

  onMessage('reloadGlossary', async () => {
    await glossary.reload();
  });

  onMessage('annotateTab', ({ data }) => injectAnnotator(data.tabId));

  browser.tabs.onRemoved.addListener((tabId) => badges.forget(tabId));
  browser.tabs.onUpdated.addListener((tabId, change) => {
    if (change.status === 'loading') badges.forget(tabId);
  });
}
