/**
 * Tooling for the real-page extraction fixtures in tests/fixtures/extraction/.
 *
 *   tsx scripts/extraction-fixtures.ts add <id> <source> <original path> <file> [url]
 *       stores the page's bytes, gzipped, as pages/<id>.html.gz and adds it to manifest.json
 *   tsx scripts/extraction-fixtures.ts draft <id> <css selector> [more selectors…]
 *       prints the block text of the selected elements, one block a line: a starting point for
 *       expected/<id>.txt, which is then edited by hand (body paragraphs only) and checked against the page
 *   tsx scripts/extraction-fixtures.ts meta <id>
 *       prints the page's title candidates and date-looking strings, to fill the manifest by hand
 *
 * The expected texts are never produced by the extractor under test.
 */
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { gzipSync, gunzipSync } from 'node:zlib';
import { join, resolve } from 'node:path';
// @ts-expect-error jsdom ships no types (and @types/jsdom is not a dependency)
import { JSDOM } from 'jsdom';
import { decodePageBytes } from '../lib/extract/encoding';

const ROOT = resolve(import.meta.dirname, '../tests/fixtures/extraction');
const MANIFEST = join(ROOT, 'manifest.json');

export interface FixtureEntry {
  id: string;
  /** Which source set the page comes from (see ATTRIBUTION-*.md). */
  source: 'GeneralNewsExtractor' | 'trafilatura';
  /** The file's path in the source repository. */
  original: string;
  /** The address the page was saved from (its canonical/og:url, or the site's address when the page names none). */
  url: string;
  title: string;
  /** Publication time as printed on the page, ISO 8601 with +08:00, or null when the page shows none. */
  date: string | null;
  notes?: string;
}

const readManifest = (): FixtureEntry[] => (existsSync(MANIFEST) ? JSON.parse(readFileSync(MANIFEST, 'utf8')) : []);
const writeManifest = (m: FixtureEntry[]) => writeFileSync(MANIFEST, JSON.stringify(m.sort((a, b) => a.id.localeCompare(b.id)), null, 2) + '\n');

function load(id: string): Document {
  const bytes = gunzipSync(readFileSync(join(ROOT, 'pages', `${id}.html.gz`)));
  return new JSDOM(decodePageBytes(bytes).text).window.document;
}

const BLOCK = /^(P|DIV|BR|LI|H[1-6]|TR|TABLE|SECTION|ARTICLE|BLOCKQUOTE|UL|OL|DL|DT|DD|FIGURE|FIGCAPTION|PRE|CENTER)$/;

function blockText(root: Element): string[] {
  const lines: string[] = [];
  let current = '';
  const flush = () => {
    const t = current.replace(/[\s\u00a0\u3000]+/g, ' ').trim();
    if (t) lines.push(t);
    current = '';
  };
  const walk = (node: Node) => {
    if (node.nodeType === 3) current += node.nodeValue ?? '';
    else if (node.nodeType === 1) {
      const el = node as Element;
      if (/^(SCRIPT|STYLE|NOSCRIPT|TEMPLATE|IFRAME)$/.test(el.tagName)) return;
      const block = BLOCK.test(el.tagName);
      if (block) flush();
      for (const child of el.childNodes) walk(child);
      if (block) flush();
    }
  };
  walk(root);
  flush();
  return lines;
}

const [cmd, ...args] = process.argv.slice(2);
if (cmd === 'add') {
  const [id, source, original, file, url] = args as [string, FixtureEntry['source'], string, string, string | undefined];
  const bytes = readFileSync(file);
  writeFileSync(join(ROOT, 'pages', `${id}.html.gz`), gzipSync(bytes, { level: 9 }));
  const doc = new JSDOM(decodePageBytes(bytes).text).window.document;
  const found =
    url ||
    doc.querySelector('link[rel=canonical]')?.getAttribute('href') ||
    doc.querySelector('meta[property="og:url"]')?.getAttribute('content') ||
    '';
  const manifest = readManifest().filter((e) => e.id !== id);
  manifest.push({ id, source, original, url: found, title: '', date: null });
  writeManifest(manifest);
  console.log(id, found || '(no url: fill it in)');
} else if (cmd === 'draft') {
  const [id, ...selectors] = args as [string, ...string[]];
  const doc = load(id);
  for (const sel of selectors) for (const el of doc.querySelectorAll(sel)) console.log(blockText(el).join('\n'));
} else if (cmd === 'meta') {
  const doc = load(args[0]!);
  console.log('title:', doc.title.trim());
  console.log('og:title:', doc.querySelector('meta[property="og:title"]')?.getAttribute('content'));
  console.log('h1:', [...doc.querySelectorAll('h1')].map((h) => h.textContent?.trim()).join(' | '));
  const text = doc.body?.textContent ?? '';
  console.log('dates:', [...new Set(text.match(/20\d\d[-年/.]\d{1,2}[-月/.]\d{1,2}日?\s*(\d{1,2}:\d\d(:\d\d)?)?/g) ?? [])].slice(0, 8).join(' | '));
  console.log('meta dates:', [...doc.querySelectorAll('meta')].filter((m) => /date|time|pub/i.test(m.getAttribute('name') ?? m.getAttribute('property') ?? '')).map((m) => `${m.getAttribute('name') ?? m.getAttribute('property')}=${m.getAttribute('content')}`).join(' | '));
} else {
  console.error('usage: add | draft | meta (see the comment at the top)');
  process.exit(1);
}
