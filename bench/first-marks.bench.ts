/**
 * First marks on the 200,000-character page: how long after DOMContentLoaded Yidu's first screen is
 * marked, beside a one-line extension whose content script (same run_at) inserts one mark as soon as
 * the body is complete. Both are measured the same way (a MutationObserver in the page, installed at
 * DOMContentLoaded), loads interleaved (Yidu, one-line, Yidu, …) so a busy machine weighs on both alike.
 * The page is served twice: at once, in one response, and as a network brings it (in parts, with an
 * image that takes 1.5 s, so the page's `load` comes long after DOMContentLoaded).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { chromiumPath, EXTENSION_DIR, serve } from '@/tests/e2e/harness';
import { longPage } from './annotate.bench';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const summary = (xs: number[]) => `median ${median(xs).toFixed(0)} ms (min ${Math.min(...xs).toFixed(0)}, max ${Math.max(...xs).toFixed(0)}, ${xs.length} loads)`;

/** The run_at of the content script that marks (the one with CSS), as built: the one-line extension uses the same. */
function yiduRunAt(): string {
  const manifest = JSON.parse(readFileSync(join(EXTENSION_DIR, 'manifest.json'), 'utf8')) as { content_scripts?: { css?: string[]; run_at?: string }[] };
  return manifest.content_scripts?.find((script) => script.css?.length)?.run_at ?? 'document_idle';
}

/** The smallest extension that marks something: one content script line at Yidu's run_at (after DOMContentLoaded when that is document_start). */
function writeOneLineExtension(): string {
  const dir = mkdtempSync(join(tmpdir(), 'yidu-oneline-'));
  const manifest = {
    manifest_version: 3,
    name: 'One-line mark',
    version: '1.0',
    content_scripts: [{ matches: ['<all_urls>'], js: ['mark.js'], run_at: yiduRunAt() }],
  };
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest));
  writeFileSync(join(dir, 'mark.js'), "const mark = () => document.body.prepend(Object.assign(document.createElement('oneline-mark'), { textContent: '·' })); document.readyState === 'loading' ? document.addEventListener('DOMContentLoaded', mark) : mark();\n");
  return dir;
}

/** In the page (main world): the time of the first mark element added after DOMContentLoaded. */
function watchFirstMark(): void {
  const w = window as unknown as { firstMarkAt?: number; longTasks?: { start: number; end: number }[]; layouts?: number[] };
  const longTasks: { start: number; end: number }[] = (w.longTasks = []);
  new PerformanceObserver((list) => list.getEntries().forEach((e) => longTasks.push({ start: e.startTime, end: e.startTime + e.duration }))).observe({ type: 'longtask', buffered: true });
  // Long animation frames say when a frame's style and layout began (the longtask entries leave rendering out).
  const layouts: number[] = (w.layouts = []);
  if (PerformanceObserver.supportedEntryTypes.includes('long-animation-frame'))
    new PerformanceObserver((list) => list.getEntries().forEach((e) => layouts.push((e as unknown as { styleAndLayoutStart: number }).styleAndLayoutStart))).observe({ type: 'long-animation-frame', buffered: true });
  document.addEventListener('DOMContentLoaded', () => {
    const seen = new MutationObserver((records) => {
      for (const r of records)
        for (const node of r.addedNodes)
          if (node instanceof Element && (node.localName === 'yidu-mark' || node.localName === 'oneline-mark' || node.querySelector?.('yidu-mark'))) {
            w.firstMarkAt ??= performance.now();
            seen.disconnect();
            return;
          }
    });
    seen.observe(document.body, { childList: true, subtree: true });
    // A DOMContentLoaded listener that ran before this one may have marked already.
    if (document.querySelector('oneline-mark, yidu-mark')) w.firstMarkAt ??= performance.now();
  });
}

interface Load {
  /** First mark, ms after DOMContentLoaded. */
  first: number;
  /** DOMContentLoaded, ms after the navigation began: what a content script costs the page's loading. */
  dcl: number;
  /** Yidu: the marks in and near the viewport all placed (the annotator's own measure), ms after DOMContentLoaded. */
  screen?: number;
  /** Yidu: reading the matcher (cache or background), ms. */
  matcher?: number;
  source?: string;
  /** Yidu: of which waiting for storage (or the background), and unpacking. */
  waitMs?: number;
  unpackMs?: number;
  /** Yidu: when its content script started the matcher, ms after DOMContentLoaded. */
  matcherStart?: number;
  scriptStart?: number;
  /** The longest task (over 50 ms, else 0) that ended between DOMContentLoaded and the first screen marked. */
  longTask: number;
  /** Whether the script started after a long layout (in a frame of over 50 ms) that began after DOMContentLoaded. */
  afterLayout: boolean;
}

async function load(context: BrowserContext, url: string, yidu: boolean): Promise<Load> {
  const page: Page = await context.newPage();
  try {
    await page.goto(url);
    await page.waitForFunction(() => (window as unknown as { firstMarkAt?: number }).firstMarkAt !== undefined, undefined, { timeout: 30_000 });
    if (yidu) await page.waitForFunction(() => performance.getEntriesByName('yidu:annotate').length > 0, undefined, { timeout: 30_000 });
    return await page.evaluate(() => {
      const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
      const dcl = nav.domContentLoadedEventStart;
      const first = (window as unknown as { firstMarkAt: number }).firstMarkAt - dcl;
      const pass = performance.getEntriesByName('yidu:annotate')[0] as PerformanceMeasure | undefined;
      // The screen marked: early (the first runs at the top of the page, when they reached below it) or with the runs near it.
      const early = performance.getEntriesByName('yidu:first-screen')[0] as PerformanceMeasure | undefined;
      const covered = (early?.detail as { covered?: boolean } | undefined)?.covered;
      const nearDoneAt = (pass?.detail as { nearDoneAt?: number } | undefined)?.nearDoneAt;
      const near = early && covered && pass ? early.startTime + early.duration - pass.startTime : nearDoneAt;
      const matcher = performance.getEntriesByName('yidu:matcher')[0] as PerformanceMeasure | undefined;
      const started = performance.getEntriesByName('yidu:start')[0];
      const screenAt = pass && typeof near === 'number' && near >= 0 ? pass.startTime + near : first + dcl;
      const tasks = (window as unknown as { longTasks: { start: number; end: number }[] }).longTasks;
      const longTask = Math.max(0, ...tasks.filter((t) => t.end > dcl && t.start < screenAt).map((t) => t.end - t.start));
      // The one-line extension's mark is its script's start; Yidu's script marks its own.
      const scriptAt = started?.startTime ?? first + dcl;
      const layoutAt = Math.min(Infinity, ...(window as unknown as { layouts: number[] }).layouts.filter((at) => at > dcl));
      return {
        first,
        dcl,
        longTask,
        afterLayout: layoutAt < scriptAt,
        ...(started ? { scriptStart: started.startTime - dcl } : {}),
        ...(pass && typeof near === 'number' && near >= 0 ? { screen: pass.startTime + near - dcl } : {}),
        ...(matcher ? { matcher: matcher.duration, matcherStart: matcher.startTime - dcl, ...(matcher.detail as { source: string; waitMs: number; unpackMs: number }) } : {}),
      };
    });
  } finally {
    await page.close();
  }
}

function launch(profile: string, extensionDir: string): Promise<BrowserContext> {
  return chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath(),
    headless: true,
    args: [`--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`, '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

interface Contender {
  name: string;
  /** The unpacked extension it loads. */
  dir: string;
  yidu: boolean;
  loads: Load[];
}

/**
 * Browsers each contender's loads are spread over (BROWSERS=n to change). Whether document_idle came
 * before or after the page's first layout (150–300 ms apart) was mostly the same for every load in one
 * browser and differed between browsers, so with one browser each the gap said more about which
 * browser drew which than about Yidu (the same build measured −23 and +244 ms in two runs). With three,
 * Yidu's loads came after the layout in 15–19 of 30 and the one-line extension's in 4–9, run after
 * run; with ten, 12 and 9 of 30 in one run.
 */
const BROWSERS = Number(process.env.BROWSERS) || 10;

/**
 * Loads per contender. Whether a load's document_idle scripts run before or after the page's first
 * layout (150–300 ms) decides most of its time, and how many loads fall after it varies from run to
 * run (4 to 13 of 15 for one build): one build's overall gap measured -67, 83, 90 and 160 ms in four
 * runs of 15 loads. At 30, two builds with the same first-screen code came out at 42 and 42 ms from
 * the script's start, and 90 and 90 ms in the loads with no layout first.
 */
const LOADS = 30;

/**
 * `baseline`: another build of Yidu (e.g. one that still asks the background for its patterns and
 * builds the automaton per page), loaded in its own browser and interleaved with the others.
 */
export async function benchFirstMarks(loads = LOADS, baseline = process.env.YIDU_BASELINE): Promise<void> {
  const html = longPage();
  const site = await serve({ '/long.html': html });
  const streamed = await serveStreamed(html);
  const oneLineDir = writeOneLineExtension();
  try {
    await measurePage('served at once', `${site.origin}/long.html`, loads, BROWSERS, oneLineDir, baseline);
    // Fewer loads: with the page's `load` far off, neither script's start depends on the page's first layout.
    await measurePage('served as over a network (4 parts 80 ms apart, an image taking 1.5 s)', streamed.url, Math.ceil(loads / 3), Math.ceil(BROWSERS / 2), oneLineDir, baseline);
  } finally {
    await site.close();
    streamed.close();
    rmSync(oneLineDir, { recursive: true, force: true });
  }
}

/** The page as a network brings it: the head and an image first, the rest in 4 parts 80 ms apart; the image answers after 1.5 s. */
async function serveStreamed(html: string): Promise<{ url: string; close(): void }> {
  const image = '<img src="/slow.png" width="10" height="10" alt="">';
  const bodyAt = html.indexOf('>', html.indexOf('<body')) + 1;
  const [head, rest] = [html.slice(0, bodyAt) + image, html.slice(bodyAt)];
  const server = createServer((req, res) => {
    if (req.url === '/slow.png') return void setTimeout(() => res.writeHead(204).end(), 1500);
    if (req.url !== '/long.html') return void res.writeHead(404).end();
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.write(head);
    const parts = 4;
    const size = Math.ceil(rest.length / parts);
    let sent = 0;
    const next = () => {
      res.write(rest.slice(sent * size, (sent + 1) * size));
      if (++sent < parts) setTimeout(next, 80);
      else res.end();
    };
    setTimeout(next, 80);
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/long.html`,
    close: () => {
      server.close();
      server.closeAllConnections();
    },
  };
}

async function measurePage(served: string, url: string, loads: number, browsers: number, oneLineDir: string, baseline?: string): Promise<void> {
  const profiles: string[] = [];
  const profile = () => {
    profiles.push(mkdtempSync(join(tmpdir(), 'yidu-first-marks-')));
    return profiles.at(-1)!;
  };
  const perBrowser = Math.max(2, Math.ceil(loads / browsers));
  console.log(`\n## First marks on the 200,000-character page ${served}, after DOMContentLoaded (headless Chromium, interleaved loads, ${browsers} browsers per contender)`);
  const contenders: Contender[] = [
    { name: 'Yidu', dir: EXTENSION_DIR, yidu: true, loads: [] },
    { name: 'one-line extension', dir: oneLineDir, yidu: false, loads: [] },
  ];
  if (baseline) contenders.push({ name: `baseline build (${baseline})`, dir: baseline, yidu: true, loads: [] });
  const open: BrowserContext[] = [];
  try {
    for (let b = 0; b < browsers; b++) {
      const contexts: BrowserContext[] = [];
      for (const c of contenders) {
        const context = await launch(profile(), c.dir);
        open.push(context);
        contexts.push(context);
        await context.addInitScript(watchFirstMark);
        // One load each first: caches, the worker (which stores Yidu's pattern pack) and the profile settle.
        await load(context, url, c.yidu);
      }
      for (let run = 0; run < perBrowser; run++) for (const [i, c] of contenders.entries()) c.loads.push(await load(contexts[i]!, url, c.yidu));
      for (const context of contexts.splice(0)) await context.close();
    }
    const oneLine = median(contenders[1]!.loads.map((l) => l.first));
    for (const c of contenders) {
      const screens = c.loads.flatMap((l) => (l.screen === undefined ? [] : [l.screen]));
      const matcher = c.loads.flatMap((l) => (l.matcher === undefined ? [] : [l.matcher]));
      console.log(`${c.name}, first mark: ${summary(c.loads.map((l) => l.first))}`);
      console.log(`  the page's DOMContentLoaded: ${summary(c.loads.map((l) => l.dcl))} after the navigation began`);
      const long = c.loads.map((l) => l.longTask);
      console.log(`  longest task from DOMContentLoaded to the first screen marked (the page's first layout included when it came in between): ${summary(long)}; loads with none over 50 ms: ${long.filter((x) => x === 0).length} of ${long.length}`);
      if (!c.yidu) continue;
      if (screens.length) console.log(`  first screen marked: ${summary(screens)}`);
      if (matcher.length) {
        const of = (key: 'waitMs' | 'unpackMs' | 'matcherStart' | 'scriptStart') => c.loads.flatMap((l) => (l[key] === undefined ? [] : [l[key]]));
        console.log(`  matcher ready (from ${[...new Set(c.loads.map((l) => l.source))].join(', ')}): ${summary(matcher)}`);
        console.log(`    of which waiting for it: ${summary(of('waitMs'))}; unpacking: ${summary(of('unpackMs'))}; asked for ${summary(of('matcherStart'))} after DOMContentLoaded`);
        console.log(`  annotating began (at DOMContentLoaded, or when a document_idle build's script began): ${summary(of('scriptStart'))} after DOMContentLoaded`);
        // What Yidu controls: when the browser starts a document_idle script, or hands over the storage answer, varies by hundreds of ms.
        const own = c.loads.flatMap((l) => (l.scriptStart === undefined ? [] : [(l.screen ?? l.first) - l.scriptStart]));
        console.log(`  first screen after annotating began: ${summary(own)}`);
      }
      const gap = median(screens.length ? screens : c.loads.map((l) => l.first)) - oneLine;
      console.log(`  first screen after the one-line extension's mark: ${gap.toFixed(0)} ms (target ≤ 60 ms)`);
      // Apart for loads whose document_idle scripts ran before the page's long layout after
      // DOMContentLoaded and those where they ran after it (100–300 ms later): which one a load gets is the browser's doing, for
      // either extension, and the mix moved the gap above by 100 ms and more between runs of one build.
      for (const afterLayout of [false, true]) {
        const marked = (l: Load) => l.screen ?? l.first;
        const mine = c.loads.filter((l) => l.afterLayout === afterLayout).map(marked);
        const theirs = contenders[1]!.loads.filter((l) => l.afterLayout === afterLayout).map(marked);
        const against = c.yidu && mine.length && theirs.length ? `; the one-line extension's mark in such loads (${theirs.length}): ${median(theirs).toFixed(0)} ms, ${(median(mine) - median(theirs)).toFixed(0)} ms before Yidu's screen` : '';
        console.log(`  script began ${afterLayout ? "after a long layout of the page's since DOMContentLoaded" : 'with no long layout since DOMContentLoaded'}: ${mine.length} loads${mine.length ? `, median ${median(mine).toFixed(0)} ms` : ''}${against}`);
      }
    }
  } finally {
    for (const context of open) await context.close().catch(() => undefined);
    for (const p of profiles) rmSync(p, { recursive: true, force: true });
  }
}

// `tsx bench/first-marks.bench.ts` runs this bench alone (LOADS=n, YIDU_BASELINE=path/to/chrome-mv3).
if (import.meta.url === `file://${process.argv[1]}`) await benchFirstMarks(Number(process.env.LOADS) || LOADS);
