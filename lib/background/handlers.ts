import { browser } from '#imports';
import { onMessage } from '../messages';
import { BUILTIN_GLOSSARY } from '../glossary/builtin';
import { Glossary, toPatternSources } from '../glossary/glossary';

/**
 * The glossary lives once, here in the background (as Zhongwen keeps its dictionary): content
 * scripts ask for the spellings to match, and for an entry's text only when a card opens.
 */
export function registerBackgroundHandlers(): void {
  const glossary = new Glossary(BUILTIN_GLOSSARY);

  onMessage('getPatterns', () => ({ version: glossary.version(), sources: toPatternSources(glossary.entries()) }));

  onMessage('getEntries', ({ data }) => data.flatMap((id) => glossary.get(id) ?? []));

  onMessage('reportPageTerms', async ({ data, sender }) => {
    const tabId = sender.tab?.id;
    if (tabId === undefined) return;
    const distinct = Object.keys(data.counts).length;
    await browser.action.setBadgeBackgroundColor({ tabId, color: '#8a5a00' });
    await browser.action.setBadgeText({ tabId, text: distinct > 0 ? String(distinct) : '' });
  });
}
