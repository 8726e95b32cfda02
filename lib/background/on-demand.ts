import { browser } from '#imports';
import { getSettings, settingsItem } from '../settings';
import { injectAnnotator } from './inject';

const MENU_ID = 'yidu-annotate-page';
const SITE_SCRIPT_PREFIX = 'yidu-site-';

/** The context menu item and the keyboard shortcut: run the annotator on the current page. */
export function registerOnDemandTriggers(): void {
  browser.runtime.onInstalled.addListener(() => {
    browser.contextMenus.create({ id: MENU_ID, title: 'Annotate this page with Yidu', contexts: ['page', 'selection'] });
  });
  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId === MENU_ID && tab?.id !== undefined) void injectAnnotator(tab.id).catch(reportInjectError);
  });
  browser.commands.onCommand.addListener((command, tab) => {
    if (command === 'annotate-page' && tab?.id !== undefined) void injectAnnotator(tab.id).catch(reportInjectError);
  });
  void syncSiteScripts();
  settingsItem.watch(() => void syncSiteScripts());
}

function reportInjectError(err: unknown): void {
  // Browser pages (chrome://, the web store) refuse scripts: nothing to annotate there.
  console.warn('Yidu: cannot annotate this page', err);
}

/**
 * "Always on this site" for a site off the default list: a content script registered for that host,
 * which the user granted from the popup. Kept in step with the settings.
 */
export async function syncSiteScripts(): Promise<void> {
  const { siteModes } = await getSettings();
  const wanted = new Map<string, string>();
  for (const [hostname, mode] of Object.entries(siteModes)) {
    if (mode !== 'always') continue;
    const origins = [`*://${hostname}/*`];
    if (await browser.permissions.contains({ origins })) wanted.set(SITE_SCRIPT_PREFIX + hostname, origins[0]!);
  }
  const registered = await browser.scripting.getRegisteredContentScripts();
  const stale = registered.filter((s) => s.id.startsWith(SITE_SCRIPT_PREFIX) && !wanted.has(s.id)).map((s) => s.id);
  if (stale.length) await browser.scripting.unregisterContentScripts({ ids: stale });
  const have = new Set(registered.map((s) => s.id));
  const add = [...wanted].filter(([id]) => !have.has(id));
  if (add.length) {
    await browser.scripting.registerContentScripts(
      add.map(([id, match]) => ({
        id,
        matches: [match],
        js: ['content-scripts/annotate.js'],
        css: ['content-scripts/annotate.css'],
        allFrames: true,
        runAt: 'document_idle' as const,
      })),
    );
  }
}
