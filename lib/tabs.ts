import { browser } from '#imports';

/**
 * The tab a popup acts on: `?tabId=N` when given (tests open popup.html as a tab, where the
 * active tab would be the popup itself), else the active tab of the current window.
 */
export async function targetTab(search: string): Promise<{ id: number; title: string; url: string } | null> {
  const requested = Number(new URLSearchParams(search).get('tabId'));
  const tab = Number.isInteger(requested) && requested > 0
    ? await browser.tabs.get(requested)
    : (await browser.tabs.query({ active: true, currentWindow: true }))[0];
  if (!tab?.id) return null;
  return { id: tab.id, title: tab.title ?? '', url: tab.url ?? '' };
}
