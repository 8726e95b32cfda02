import { browser } from '#imports';

/**
 * Runs the annotator in a tab on request (toolbar, shortcut, context menu), under the activeTab
 * grant the user's gesture gives: no blanket host permission. The content script itself makes a
 * second injection a no-op that simply switches marking back on.
 */
export async function injectAnnotator(tabId: number): Promise<void> {
  await browser.scripting.insertCSS({ target: { tabId, allFrames: true }, files: ['/content-scripts/annotate.css'] });
  await browser.scripting.executeScript({ target: { tabId, allFrames: true }, files: ['/content-scripts/annotate.js'] });
}
