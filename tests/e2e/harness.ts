/**
 * Real-browser harness: builds nothing itself (npm test builds first), loads .output/chrome-mv3 into
 * Debian's Chromium through playwright-core, serves test pages from 127.0.0.1, and records every
 * console error and uncaught exception from pages, the popup, the reader and the service worker, and
 * every console warning from the extension (its pages, its service worker, and its content script,
 * whose warnings start with "Yidu:" in the page's console). A test whose page warns on purpose (a
 * failure path) names the warnings it expects with `allowWarnings`; the test pages' own warnings are theirs.
 */
import { createServer, type Server } from 'node:http';
import { deflateSync } from 'node:zlib';
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

/**
 * Serves `pages` (path → HTML, or a Buffer served as PNG) from 127.0.0.1 on a free port, or from
 * another loopback address (127.0.0.2: a site off Yidu's list).
 */
export async function serve(pages: Record<string, string | Buffer>, host = '127.0.0.1'): Promise<Site> {
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
    // Bytes under a .html path are served with no charset (the page's own bytes decide, as on old sites).
    const type = typeof body === 'string' ? 'text/html; charset=utf-8' : path.endsWith('.html') ? 'text/html' : 'image/png';
    res.writeHead(200, { 'content-type': type }).end(body);
  });
  await new Promise<void>((ok) => server.listen(0, host, ok));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://${host}:${port}`,
    // Stopping the site means the network source is gone: open keep-alive connections are cut too.
    close: () =>
      new Promise<void>((ok) => {
        server.close(() => ok());
        server.closeAllConnections();
      }),
  };
}

export interface ExtensionBrowser {
  context: BrowserContext;
  worker: Worker;
  extensionId: string;
  /** Console errors, uncaught exceptions and the extension's warnings seen so far, with where they came from. */
  errors: string[];
  /** Warnings matching one of these are expected by the test (a failure path it exercises), so not recorded. */
  allowWarnings(...patterns: RegExp[]): void;
  /** Addresses of pages that opened a dialog (alert, confirm, prompt); each was dismissed. */
  dialogs: string[];
  open(url: string): Promise<Page>;
  /** Opens `url` in a new tab and returns the page with Chrome's id for that tab. */
  openTab(url: string): Promise<{ page: Page; tabId: number }>;
  extensionUrl(path: string): string;
  close(): Promise<void>;
}

export function newProfileDir(): string {
  return mkdtempSync(join(tmpdir(), 'yidu-e2e-'));
}

/** Launches Chromium with the built extension; `keepProfile` leaves the profile for a relaunch. */
export async function launchWithExtension(userDataDir = newProfileDir(), keepProfile = false): Promise<ExtensionBrowser> {
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
  const dialogs: string[] = [];
  const allowed: RegExp[] = [];
  const warned = (where: string, text: string) => {
    if (!allowed.some((p) => p.test(text))) errors.push(`console warning ${where}: ${text}`);
  };
  const watch = (page: Page) => {
    page.on('dialog', (dialog) => {
      dialogs.push(page.url());
      void dialog.dismiss().catch(() => undefined);
    });
    page.on('console', (msg) => {
      if (msg.type() === 'error') errors.push(`console error on ${page.url()}: ${msg.text()}`);
      // The extension's own pages, or its content script (which signs its warnings) in a web page.
      else if (msg.type() === 'warning' && (page.url().startsWith('chrome-extension:') || msg.text().startsWith('Yidu:')))
        warned(`on ${page.url()}`, msg.text());
    });
    page.on('pageerror', (err) => errors.push(`uncaught exception on ${page.url()}: ${err.message}`));
  };
  context.pages().forEach(watch);
  context.on('page', watch);

  let [worker] = context.serviceWorkers();
  worker ??= await context.waitForEvent('serviceworker');
  const extensionId = new URL(worker.url()).host;
  // A stopped worker that starts again is a new Worker: each one is watched.
  const watchWorker = (w: Worker) =>
    w.on('console', (msg) => {
      if (msg.type() === 'error') errors.push(`console error in service worker: ${msg.text()}`);
      else if (msg.type() === 'warning') warned('in service worker', msg.text());
    });
  watchWorker(worker);
  context.on('serviceworker', (w) => {
    if (w !== worker) watchWorker(w);
  });

  return {
    context,
    worker,
    extensionId,
    errors,
    dialogs,
    allowWarnings: (...patterns) => void allowed.push(...patterns),
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
      if (!keepProfile && userDataDir.startsWith(tmpdir())) rmSync(userDataDir, { recursive: true, force: true });
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

/** A solid-colour PNG of the given size (a real image for the browser to decode). */
export function makePng(width: number, height: number, rgb: [number, number, number]): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (buf: Buffer) => {
    let c = 0xffffffff;
    for (const b of buf) c = crcTable[(c ^ b) & 0xff]! ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const sum = Buffer.alloc(4);
    sum.writeUInt32BE(crc(body));
    return Buffer.concat([len, body, sum]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // RGB
  const row = Buffer.concat([Buffer.from([0]), Buffer.from(Array.from({ length: width }, () => rgb).flat())]);
  const raw = Buffer.concat(Array.from({ length: height }, () => row));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
