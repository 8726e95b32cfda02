/**
 * Real-browser harness: builds nothing itself (npm test builds first), loads .output/chrome-mv3 into
 * Debian's Chromium through playwright-core, serves test pages from 127.0.0.1, and records every
 * console error and uncaught exception from pages, the popup, the reader and the service worker.
 */
import { createServer, type Server } from 'node:http';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { AddressInfo } from 'node:net';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';

export const EXTENSION_DIR = resolve(import.meta.dirname, '../../.output/chrome-mv3');

export function chromiumPath(): string {
  const candidates = [process.env.CHROME_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(Boolean) as string[];
  const found = candidates.find((p) => existsSync(p));
  if (!found) throw new Error(`No Chromium found (tried ${candidates.join(', ')}); install Debian's chromium or set CHROME_PATH`);
  return found;
}

export interface Site {
  origin: string;
  close(): Promise<void>;
}

/** Serves `pages` (path → HTML) from 127.0.0.1 on a free port. */
export async function serve(pages: Record<string, string>): Promise<Site> {
  const server: Server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    const body = pages[path];
    if (path === '/favicon.ico') {
      res.writeHead(204).end();
      return;
    }
    if (body === undefined) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(body);
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((ok) => server.close(() => ok())),
  };
}

export interface ExtensionBrowser {
  context: BrowserContext;
  worker: Worker;
  extensionId: string;
  /** Console errors and uncaught exceptions seen so far, with where they came from. */
  errors: string[];
  open(url: string): Promise<Page>;
  /** Opens `url` in a new tab and returns the page with Chrome's id for that tab. */
  openTab(url: string): Promise<{ page: Page; tabId: number }>;
  extensionUrl(path: string): string;
  close(): Promise<void>;
}

export async function launchWithExtension(userDataDir = mkdtempSync(join(tmpdir(), 'yidu-e2e-'))): Promise<ExtensionBrowser> {
  if (!existsSync(join(EXTENSION_DIR, 'manifest.json'))) {
    throw new Error(`${EXTENSION_DIR} has no manifest.json: run \`npm run build\` first`);
  }
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: chromiumPath(),
    headless: true,
    args: [
      `--disable-extensions-except=${EXTENSION_DIR}`,
      `--load-extension=${EXTENSION_DIR}`,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  const errors: string[] = [];
  const watch = (page: Page) => {
    page.on('console', (msg) => {
      if (msg.type() === 'error') errors.push(`console error on ${page.url()}: ${msg.text()}`);
    });
    page.on('pageerror', (err) => errors.push(`uncaught exception on ${page.url()}: ${err.message}`));
  };
  context.pages().forEach(watch);
  context.on('page', watch);

  let [worker] = context.serviceWorkers();
  worker ??= await context.waitForEvent('serviceworker');
  const extensionId = new URL(worker.url()).host;
  worker.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(`console error in service worker: ${msg.text()}`);
  });

  return {
    context,
    worker,
    extensionId,
    errors,
    async open(url) {
      const page = await context.newPage();
      await page.goto(url);
      return page;
    },
    extensionUrl: (path) => `chrome-extension://${extensionId}/${path.replace(/^\//, '')}`,
    async openTab(url) {
      // Without the "tabs" permission (which Yidu does not ask for) tabs.query cannot filter by URL,
      // so the new tab is the one whose id was not there before.
      const tabIds = () => worker.evaluate(async () => (await chrome.tabs.query({})).map((t) => t.id ?? -1));
      const before = new Set(await tabIds());
      const page = await context.newPage();
      await page.goto(url);
      const added = (await tabIds()).filter((id) => !before.has(id));
      if (added.length !== 1) throw new Error(`expected one new tab for ${url}, found ${added.length}`);
      return { page, tabId: added[0]! };
    },
    async close() {
      await context.close();
      if (userDataDir.startsWith(tmpdir())) rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/** A small Chinese news page, written for the tests. */
export function newsPage(title: string, paragraphs: string[]): string {
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${title}</title></head>
<body><header><a href="/">义乌新闻</a></header><article><h1>${title}</h1>
${paragraphs.map((p) => `<p>${p}</p>`).join('\n')}
</article><footer>版权所有</footer></body></html>`;
}
