/**
 * Start-up of the extension's contexts, in headless Chromium with the built extension:
 * - the service worker: time to evaluate its start-up code (cold), and to answer the first pattern
 *   request after it was stopped (it wakes, reads the glossary asset and the user's entries, and packs
 *   the patterns: what a page waits for when storage.local holds no current pattern pack);
 * - the popup: from opening to its Save button being there to click.
 */
import type { CDPSession } from 'playwright-core';
import { launchWithExtension } from '@/tests/e2e/harness';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const summary = (xs: number[]) => `median ${median(xs).toFixed(0)} ms (min ${Math.min(...xs).toFixed(0)}, max ${Math.max(...xs).toFixed(0)}, ${xs.length} runs)`;

export async function benchStartup(runs = 7): Promise<void> {
  console.log('\n## Start-up: service worker and popup (headless Chromium)');
  const browser = await launchWithExtension();
  try {
    const page = await browser.open(browser.extensionUrl('reader.html#tab=backup'));
    const cdp: CDPSession = await browser.context.newCDPSession(page);
    await cdp.send('ServiceWorker.enable');
    const evaluate: number[] = [];
    const firstAnswer: number[] = [];
    for (let run = 0; run < runs; run++) {
      await cdp.send('ServiceWorker.stopAllWorkers');
      await page.waitForTimeout(200);
      // The same message a content script sends, in @webext-core/messaging's format.
      const answered = await page.evaluate(async () => {
        const start = performance.now();
        const reply = (await chrome.runtime.sendMessage({ id: 1, type: 'getPatterns', data: { glossaryVersion: 0 }, timestamp: Date.now() })) as { res?: { trie: { ids: unknown[] } } };
        return { ms: performance.now() - start, sources: reply.res?.trie.ids.length ?? 0 };
      });
      if (!answered.sources) throw new Error('the woken worker answered no patterns');
      firstAnswer.push(answered.ms);
      const [worker] = browser.context.serviceWorkers().slice(-1);
      const startup = await worker?.evaluate(() => (globalThis as { __yiduStartupMs?: number }).__yiduStartupMs).catch(() => undefined);
      if (typeof startup === 'number') evaluate.push(startup);
    }
    console.log(`service worker start-up code, evaluated cold: ${evaluate.length ? summary(evaluate) : 'not recorded'}`);
    console.log(`first pattern request after the worker was stopped: ${summary(firstAnswer)}`);

    const popupTimes: number[] = [];
    for (let run = 0; run < runs; run++) {
      const popup = await browser.context.newPage();
      await popup.goto(browser.extensionUrl('popup.html'));
      await popup.getByRole('button', { name: 'Save for offline' }).or(popup.getByText('Annotate this page')).first().waitFor();
      // Time since the popup's navigation started, measured by the page itself.
      popupTimes.push(await popup.evaluate(() => performance.now()));
      await popup.close();
    }
    console.log(`popup, open to interactive: ${summary(popupTimes)}`);
  } finally {
    await browser.close();
  }
}
