/**
 * Ways a content script can get the pattern pack, timed in the content script's own world (the
 * isolated world, reached through the DevTools protocol) on a loaded page, interleaved round by round:
 * - storage.local (what Yidu does): one read of the pack and the glossary version;
 * - the background, by message (what a page does when no stored pack is current);
 * - a web-accessible asset in the extension (a copy of the build with the pack added as one; it
 *   could hold only the built-in entries, and pages could probe for it).
 * Unpacking is the same for all three; `npm run bench`'s first-marks figures time it on real loads.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { chromiumPath, EXTENSION_DIR, serve } from '@/tests/e2e/harness';
import { readBuiltinGlossary } from '@/lib/glossary/source-files';
import { Glossary } from '@/lib/glossary/glossary';
import { makePatternPack } from '@/lib/glossary/pattern-pack';
import { longPage } from './annotate.bench';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const summary = (xs: number[]) => `median ${median(xs).toFixed(1)} ms (min ${Math.min(...xs).toFixed(1)}, max ${Math.max(...xs).toFixed(1)}, ${xs.length} rounds)`;

export async function benchPatternLoading(rounds = 15): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'yidu-war-'));
  const profile = mkdtempSync(join(tmpdir(), 'yidu-war-profile-'));
  cpSync(EXTENSION_DIR, dir, { recursive: true });
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Record<string, unknown>;
  manifest.web_accessible_resources = [{ resources: ['pattern-pack.json'], matches: ['<all_urls>'] }];
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest));
  const pack = makePatternPack(new Glossary(readBuiltinGlossary()), { glossaryVersion: 0, build: 'asset' });
  writeFileSync(join(dir, 'pattern-pack.json'), JSON.stringify(pack));
  const site = await serve({ '/long.html': longPage() });
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath(),
    headless: true,
    args: [`--disable-extensions-except=${dir}`, `--load-extension=${dir}`, '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  console.log(`\n## Getting the pattern pack (${(JSON.stringify(pack).length / 1024).toFixed(0)} KB as JSON) in the content script's world, ${rounds} interleaved rounds`);
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    const isolated: number[] = [];
    cdp.on('Runtime.executionContextCreated', ({ context: c }: { context: { id: number; auxData?: { type?: string } } }) => {
      if (c.auxData?.type === 'isolated') isolated.push(c.id);
    });
    await cdp.send('Runtime.enable');
    await page.goto(`${site.origin}/long.html`);
    await page.waitForFunction(() => performance.getEntriesByName('yidu:annotate').length > 0, undefined, { timeout: 30_000 });
    const contextId = isolated.at(-1);
    if (contextId === undefined) throw new Error('no isolated world found');
    const expression = `(async () => {
      const times = { storage: [], message: [], asset: [] };
      const { glossaryVersion = 0 } = await chrome.storage.local.get('glossaryVersion');
      for (let round = 0; round < ${rounds}; round++) {
        let t = performance.now();
        const stored = await chrome.storage.local.get(['patternPack', 'glossaryVersion']);
        times.storage.push(performance.now() - t);
        if (!stored.patternPack) throw new Error('no stored pack');
        t = performance.now();
        const reply = await chrome.runtime.sendMessage({ id: 1000 + round, type: 'getPatterns', data: { glossaryVersion }, timestamp: Date.now() });
        times.message.push(performance.now() - t);
        if (!reply?.res?.trie) throw new Error('no pack from the background');
        t = performance.now();
        const asset = await (await fetch(chrome.runtime.getURL('pattern-pack.json'))).json();
        times.asset.push(performance.now() - t);
        if (!asset.trie) throw new Error('no pack in the asset');
      }
      return times;
    })()`;
    const result = (await cdp.send('Runtime.evaluate', { expression, contextId, awaitPromise: true, returnByValue: true })) as {
      result: { value?: Record<'storage' | 'message' | 'asset', number[]> };
      exceptionDetails?: { exception?: { description?: string } };
    };
    if (!result.result.value) throw new Error(result.exceptionDetails?.exception?.description ?? 'evaluation failed');
    const times = result.result.value;
    console.log(`storage.local (Yidu): ${summary(times.storage)}`);
    console.log(`message to the background (worker awake): ${summary(times.message)}`);
    console.log(`web-accessible asset, fetch + JSON: ${summary(times.asset)}`);
  } finally {
    await context.close();
    await site.close();
    rmSync(dir, { recursive: true, force: true });
    rmSync(profile, { recursive: true, force: true });
  }
}

// `tsx bench/pattern-loading.bench.ts` runs this bench alone.
if (import.meta.url === `file://${process.argv[1]}`) await benchPatternLoading(Number(process.env.ROUNDS) || 15);
