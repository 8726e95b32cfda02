import { browser } from '#imports';
import { t } from '@/lib/i18n';
import { getSettings, settingsItem, updateSettings } from '@/lib/settings';
import { injectAnnotator } from './inject';
import { sendMessage } from '@/lib/messages';
import { syncSiteScripts } from './site-scripts';

const MENU_ID = 'yidu-annotate-page';
const SAVE_MENU_ID = 'yidu-save-page';

/** The context menu item and the keyboard shortcut: run the annotator on the current page. */
export function registerOnDemandTriggers(): void {
  browser.runtime.onInstalled.addListener(() => {
    // Titles in the browser's language (the menu is made once, at install or update).
    browser.contextMenus.create({ id: MENU_ID, title: t('commandAnnotatePage'), contexts: ['page', 'selection'] });
    browser.contextMenus.create({ id: SAVE_MENU_ID, title: t('menuSavePage'), contexts: ['page', 'selection'] });
  });
  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (tab?.id === undefined) return;
    if (info.menuItemId === MENU_ID) void injectAnnotator(tab.id).catch(reportInjectError);
    if (info.menuItemId === SAVE_MENU_ID) void saveFromLibrary(tab.id);
  });
  browser.commands.onCommand.addListener((command, tab) => {
    // A setting of all of Yidu, not of the tab: every tab's content script follows it.
    if (command === 'toggle-lookup') void toggleLookup();
    if (tab?.id === undefined) return;
    if (command === 'annotate-page') void injectAnnotator(tab.id).catch(reportInjectError);
    if (command === 'save-page') void saveFromLibrary(tab.id);
    if (command === 'toggle-pinyin') void togglePinyin(tab.id);
  });
  void syncSiteScripts();
  settingsItem.watch(() => void syncSiteScripts());
}

/** Off ↔ on; "on" is plain hover (the popup offers hover with Alt or Shift). */
async function toggleLookup(): Promise<void> {
  const { lookup } = await getSettings();
  await updateSettings({ lookup: lookup === 'off' ? 'hover' : 'off' });
}

function reportInjectError(err: unknown): void {
  // Browser pages (chrome://, the web store) refuse scripts: nothing to annotate there.
  console.warn('Yidu: cannot annotate this page', err);
}

/**
 * Saving from the context menu or the shortcut: the service worker has no DOM for Readability, so
 * the library page does the work (with its progress shown), after the annotator is made sure to run
 * in the tab (under the activeTab grant of the click or keypress).
 */
async function saveFromLibrary(tabId: number): Promise<void> {
  await injectAnnotator(tabId).catch(reportInjectError);
  await browser.tabs.create({ url: browser.runtime.getURL(`/reader.html#save=${tabId}`) });
}

/**
 * The pinyin shortcut: flips the tab's pinyin mode. Where Yidu does not run yet it is started first,
 * under the activeTab grant of the keypress.
 */
async function togglePinyin(tabId: number): Promise<void> {
  const toggle = () => sendMessage('setPinyinMode', { mode: 'toggle' }, { tabId, frameId: 0 });
  try {
    await toggle();
  } catch {
    try {
      await injectAnnotator(tabId);
      await toggle();
    } catch (err) {
      reportInjectError(err);
    }
  }
}
