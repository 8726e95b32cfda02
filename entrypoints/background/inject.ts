import { browser } from '#imports';
import { ON_REQUEST_KEY } from '@/lib/page-start';

/**
 * Runs the annotator in a tab on request (toolbar, shortcut, context menu), under the activeTab
 * grant the user's gesture gives: no blanket host permission. Each frame is first told that this
 * start is on request (lib/page-start.ts), which overrides a site set to "never". The content script
 * itself makes a second injection a no-op that simply switches marking back on.
 */
export async function injectAnnotator(tabId: number): Promise<void> {
  await browser.scripting.insertCSS({ target: { tabId, allFrames: true }, files: ['/content-scripts/annotate.css'] });
  await browser.scripting.executeScript({
    target: { tabId, allFrames: true },
    func: (key: string) => void ((globalThis as Record<string, unknown>)[key] = true),
    args: [ON_REQUEST_KEY],
  });
  await browser.scripting.executeScript({ target: { tabId, allFrames: true }, files: ['/content-scripts/annotate.js'] });
}
