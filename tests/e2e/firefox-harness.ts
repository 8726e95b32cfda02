/**
 * Firefox launcher for the real-browser tests: Debian's firefox-esr driven by puppeteer-core over
 * WebDriver BiDi (Playwright's Firefox needs a patched build that cannot be downloaded here), with
 * the Firefox build (.output/firefox-mv2, built by `npm test` before the e2e step) installed as a
 * temporary add-on. Test pages come from `serve()` in ./harness (127.0.0.1 only).
 *
 * Three Firefox facts shape this file:
 * - Extension pages live at moz-extension://<uuid>/, where the uuid is made up per profile when the
 *   add-on is first installed and kept in the pref `extensions.webextensions.uuids` (add-on id →
 *   uuid). Rather than read it back afterwards (about:debugging, or prefs.js, which Firefox writes
 *   lazily), the launcher sets that pref itself (puppeteer writes it to the profile's user.js, read at
 *   every start-up), so the add-on gets a uuid the test
 *   chose; `runtime.getURL` in the first extension page opened is checked against it.
 * - BiDi's browsingContext.navigate refuses moz-extension: addresses unless Firefox runs with
 *   `--remote-allow-system-access`. With it the page loads, but Firefox's BiDi sends no events from
 *   extension pages ("skip extension contexts until we support debugging webextensions, see Bug
 *   1755014", in its remote agent): page.goto never resolves, page.url() stays about:blank, and no
 *   console or pageerror events come (evaluate, $, click and hover still work). So extension pages
 *   are opened by starting goto without awaiting it and polling the document, and their errors are
 *   caught by listeners put into each extension page once it has loaded (errors while loading are
 *   missed; the tests then see the page not working).
 * - A BiDi-installed add-on is temporary: it is gone when the browser quits, so a relaunch installs it
 *   again (same id, and the same uuid from the pref above, hence the same origin and the same
 *   IndexedDB library), as a permanently installed add-on would simply be there after a restart.
 *   Firefox 153 kept the add-on's IndexedDB across that in trials even without help, but removing an
 *   add-on may clear its storage, so the launcher also sets Firefox's test pref
 *   `extensions.webextensions.keepStorageOnUninstall`.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';

export const FIREFOX_EXTENSION_DIR = resolve(import.meta.dirname, '../../.output/firefox-mv2');
/** The uuid the tests give the add-on (any well-formed uuid works). */
export const ADDON_UUID = '6f1c7a52-3b0e-4c8d-9a7e-2d5b8e4f1a90';

export function firefoxPath(): string {
  const candidates = [process.env.FIREFOX_PATH, '/usr/bin/firefox-esr', '/usr/bin/firefox'].filter(Boolean) as string[];
  const found = candidates.find((p) => existsSync(p));
  if (!found) throw new Error(`No Firefox found (tried ${candidates.join(', ')}); install Debian's firefox-esr or set FIREFOX_PATH`);
  return found;
}

/** The gecko id the Firefox build declares (wxt.config.ts, browser_specific_settings). */
function addonId(): string {
  const manifestPath = join(FIREFOX_EXTENSION_DIR, 'manifest.json');
  if (!existsSync(manifestPath)) throw new Error(`${FIREFOX_EXTENSION_DIR} has no manifest.json: run \`npx wxt build -b firefox\` first`);
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { browser_specific_settings?: { gecko?: { id?: string } } };
  const id = manifest.browser_specific_settings?.gecko?.id;
  if (!id) throw new Error('the Firefox manifest has no browser_specific_settings.gecko.id');
  return id;
}

/** Polls `check` until it returns a truthy value, or throws after `timeout` ms with `what`. */
export async function waitUntil<T>(what: string, check: () => Promise<T>, timeout = 10_000): Promise<Exclude<T, null | undefined | false | '' | 0>> {
  const deadline = Date.now() + timeout;
  let last: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value) return value as Exclude<T, null | undefined | false | '' | 0>;
      last = value;
    } catch (err) {
      last = err;
    }
    if (Date.now() > deadline) throw new Error(`timed out after ${timeout} ms waiting for ${what} (last: ${String(last)})`);
    await new Promise((ok) => setTimeout(ok, 100));
  }
}

export interface FirefoxExtensionBrowser {
  browser: Browser;
  addonId: string;
  /**
   * Console errors and uncaught exceptions seen so far, with where they came from: from web pages
   * (including the content script's), and from the extension pages that are still open.
   */
  errors(): Promise<string[]>;
  open(url: string): Promise<Page>;
  /** Opens `url` in a new tab and returns the page with Firefox's id for that tab (for ?tabId=). */
  openTab(url: string): Promise<{ page: Page; tabId: number }>;
  /** Opens an extension page (e.g. `popup.html?tabId=3`) in a new tab, once its document is loaded. */
  openExtensionPage(path: string): Promise<Page>;
  extensionUrl(path: string): string;
  close(): Promise<void>;
}

export function newFirefoxProfileDir(): string {
  return mkdtempSync(join(tmpdir(), 'yidu-ff-e2e-'));
}

/** Launches Firefox ESR with the add-on installed; `keepProfile` leaves the profile for a relaunch. */
export async function launchFirefoxWithExtension(profileDir = newFirefoxProfileDir(), keepProfile = false): Promise<FirefoxExtensionBrowser> {
  const id = addonId();
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: firefoxPath(),
    headless: true,
    protocol: 'webDriverBiDi',
    userDataDir: profileDir,
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      'xpinstall.signatures.required': false,
      'extensions.webextensions.uuids': JSON.stringify({ [id]: ADDON_UUID }),
      'extensions.webextensions.keepStorageOnUninstall': true,
      // "Always on this site" asks for the site's permission: granted without the prompt a test cannot answer.
      'extensions.webextOptionalPermissionPrompts': false,
    },
  });
  const errors: string[] = [];
  const extensionPages: Page[] = [];
  const watch = (page: Page) => {
    page.on('console', (msg) => {
      if (msg.type() === 'error') errors.push(`console error on ${page.url()}: ${msg.text()}`);
    });
    page.on('pageerror', (err) => errors.push(`uncaught exception on ${page.url()}: ${(err as Error).message}`));
  };
  const newPage = async () => {
    const page = await browser.newPage();
    watch(page);
    return page;
  };

  const extensionUrl = (path: string) => `moz-extension://${ADDON_UUID}/${path.replace(/^\//, '')}`;
  const openExtensionPage = async (path: string) => {
    const url = extensionUrl(path);
    const page = await newPage();
    // Not awaited: puppeteer never sees this navigation end (see the top of this file).
    page.goto(url, { timeout: 20_000 }).catch(() => undefined);
    await waitUntil(`${url} to load`, () => page.evaluate((want) => location.href === want && document.readyState === 'complete', url), 15_000);
    await page.evaluate(() => {
      const seen: string[] = [];
      (globalThis as unknown as { yiduE2eErrors: string[] }).yiduE2eErrors = seen;
      const consoleError = console.error.bind(console);
      console.error = (...args: unknown[]) => {
        seen.push(`console error: ${args.map(String).join(' ')}`);
        consoleError(...args);
      };
      addEventListener('error', (e) => seen.push(`uncaught exception: ${e.message}`));
      addEventListener('unhandledrejection', (e) => seen.push(`unhandled rejection: ${String(e.reason)}`));
    });
    extensionPages.push(page);
    // Firefox's BiDi sends no events from extension pages, so puppeteer never learns one closed
    // (isClosed() stays false): closing one through the test takes it off the list errors() reads.
    const close = page.close.bind(page);
    page.close = async (options) => {
      extensionPages.splice(extensionPages.indexOf(page), 1);
      await close(options);
    };
    return page;
  };

  // In evaluate() the page's WebExtension API is reached through globalThis: `browser` in this file
  // is the puppeteer Browser.
  // Any extension page can list tab ids (tabs.query needs no permission for ids). Opened once, it
  // also proves the uuid pref took effect.
  let control: Page;
  try {
    const installed = await browser.installExtension(FIREFOX_EXTENSION_DIR);
    if (installed !== id) throw new Error(`installed add-on ${installed}, expected ${id}`);
    control = await openExtensionPage('popup.html');
    const base = await control.evaluate(() => (globalThis as unknown as { browser: typeof chrome }).browser.runtime.getURL('/'));
    if (base !== extensionUrl('/')) throw new Error(`the add-on's pages are at ${base}, not ${extensionUrl('/')}`);
  } catch (err) {
    await browser.close(); // no Firefox left running when setting up fails
    throw err;
  }
  const tabIds = () => control.evaluate(async () => (await (globalThis as unknown as { browser: typeof chrome }).browser.tabs.query({})).map((t) => t.id ?? -1));

  return {
    browser,
    addonId: id,
    async errors() {
      const fromExtension = await Promise.all(
        extensionPages
          .filter((page) => !page.isClosed())
          .map(async (page) => {
            const [href, seen] = await page.evaluate(() => [location.href, (globalThis as unknown as { yiduE2eErrors?: string[] }).yiduE2eErrors ?? []] as const);
            return seen.map((e) => `${e} (on ${href})`);
          }),
      );
      return [...errors, ...fromExtension.flat()];
    },
    async open(url) {
      const page = await newPage();
      await page.goto(url);
      return page;
    },
    async openTab(url) {
      // Without the "tabs" permission tabs.query cannot filter by URL, so the new tab is the one whose
      // id was not there before.
      const before = new Set(await tabIds());
      const page = await newPage();
      await page.goto(url);
      const added = (await tabIds()).filter((t) => !before.has(t));
      if (added.length !== 1) throw new Error(`expected one new tab for ${url}, found ${added.length}`);
      return { page, tabId: added[0]! };
    },
    openExtensionPage,
    extensionUrl,
    async close() {
      await browser.close();
      if (!keepProfile && profileDir.startsWith(tmpdir())) rmSync(profileDir, { recursive: true, force: true });
    },
  };
}
