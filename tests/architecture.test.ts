/**
 * What each screen loads before it can do anything, read from the built extension (.output/chrome-mv3,
 * made by `npm test` before this runs): the entry script plus every chunk it imports statically.
 * Chunks loaded with import() (the save pipeline, pinyin-pro for a new entry) do not count.
 * And the rooms' rule: lib/ is pure logic that imports nothing from components/ or entrypoints/.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '..');
const output = join(root, '.output', 'chrome-mv3');

/** The static-import closure of a built ES module: `import … from "./x.js"` and bare `import "./x.js"`. */
function staticClosure(entry: string): Map<string, number> {
  const seen = new Map<string, number>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    const code = readFileSync(file, 'utf8');
    seen.set(file, Buffer.byteLength(code));
    // Minified ESM: `from"./chunk.js"` or `import"./chunk.js"`; import("…") is dynamic and skipped.
    for (const match of code.matchAll(/(?:from|import)\s*["']([^"']+\.js)["']/g)) {
      const spec = match[1]!;
      visit(spec.startsWith('/') ? join(output, spec) : resolve(dirname(file), spec));
    }
  };
  visit(entry);
  return seen;
}

function htmlEntry(page: string): string {
  const html = readFileSync(join(output, page), 'utf8');
  const src = /<script[^>]+src="([^"]+)"/.exec(html)?.[1];
  if (!src) throw new Error(`${page} has no module script`);
  return join(output, src.replace(/^\//, ''));
}

const KB = 1024;
const contexts: [name: string, entries: () => string[], budget: number][] = [
  // Every script the manifest injects into a page. 120 KB until huge pages' marks were drawn over the
  // text (lib/annotate/drawn-marks.ts and its pointer access, about 5 KB minified), 128 KB until they
  // were drawn in a layer of their own instead of CSS highlights (lib/annotate/mark-overlay.ts, about
  // 4.5 KB: on the 200,000-element page, every change of the highlights was a 75–95 ms frame), 132 KB
  // while a second, 10 KB script began the storage read at document_start (the annotating script ran
  // at document_idle then; both now run at document_start as one script, 122 KB), 124 KB until pages
  // could start from the build's own pattern pack and the first screen was marked in DOMContentLoaded's
  // own task (lib/page-start.ts, about 1 KB with the checks that follow), 126 KB until huge pages'
  // groups of drawn marks were bounded by their height as well (fewer observed elements: every change
  // of the layer made the browser compute each one again), 127 KB until the layer's boxes were kept and
  // moved instead of put in and taken out (a change of drawn marks laid the whole page out), 128 KB
  // until the annotator's 550 lines were split in two (lib/annotate/run-marker.ts: where a matched run's
  // terms go; the class's host and the calls through it, about 0.5 KB minified), 129 KB until each run
  // carried its place in the walk (lib/annotate/blocks.ts), so that deferred chunks and drawn groups
  // never reach past the near zone whatever lies between their runs (about 0.5 KB). Loading the huge-page code
  // only on huge pages would need a web-accessible chunk and a dynamic import in every frame's script.
  // Not counted: builtin-patterns.js, data (one string) the background registers for top frames only.
  ['content scripts', () => readdirSync(join(output, 'content-scripts')).filter((f) => f.endsWith('.js')).map((f) => join(output, 'content-scripts', f)), 130 * KB],
  ['popup', () => [htmlEntry('popup.html')], 150 * KB],
  ['background', () => [join(output, 'background.js')], 300 * KB],
];

describe('what each context loads at start (built extension)', () => {
  it('has a build to read', () => {
    expect(existsSync(join(output, 'manifest.json')), 'run `npx wxt build` first').toBe(true);
  });

  it.each(contexts)('%s stay within the budget', (name, entries, budget) => {
    const closure = new Map(entries().flatMap((entry) => [...staticClosure(entry)]));
    const total = [...closure.values()].reduce((a, b) => a + b, 0);
    const files = [...closure].map(([f, size]) => `${relative(output, f)} ${(size / KB).toFixed(1)} KB`).join(', ');
    console.log(`${name}: ${(total / KB).toFixed(1)} KB of ${budget / KB} KB (${files})`);
    expect(total, `${name} loads ${files}`).toBeLessThanOrEqual(budget);
  });

  it('keeps the glossary data, Readability, DOMPurify, pinyin-pro, opencc and inlined wasm out of popup and background start-up, and jieba out of the popup', () => {
    for (const [name, entries] of contexts.slice(1)) {
      const code = [...staticClosure(entries()[0]!).keys()].map((f) => readFileSync(f, 'utf8')).join('\n');
      expect(code, name).not.toContain('double-eight-strategy'); // glossary data is fetched as JSON
      expect(code, name).not.toContain('_grabArticle'); // Readability
      expect(code, name).not.toContain('DOMPurify'); // sanitizer
      expect(code, name).not.toMatch(/opencc/i);
      expect(code, name).not.toContain('AGFzbQ'); // a wasm module inlined as base64 ("\0asm")
      // jieba's 6 KB loader may sit in the background (it segments for content scripts, loading its
      // 4 MB wasm on first use); the popup never segments anything.
      if (name === 'popup') expect(code, name).not.toContain('jieba_rs_wasm');
      expect(code, name).not.toContain('surnameMode'); // pinyin-pro's options
    }
  });

  it('ships the built-in glossary as one JSON asset', () => {
    const entries = JSON.parse(readFileSync(join(output, 'glossary.json'), 'utf8')) as { id: string; traditional?: unknown }[];
    expect(entries.length).toBeGreaterThan(500);
    expect(entries.some((e) => e.id === 'double-eight-strategy')).toBe(true);
    expect(entries.filter((e) => 'traditional' in e)).toEqual([]);
  });
});

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}

describe('rooms', () => {
  it('lib/ imports nothing from components/ or entrypoints/ and renders no UI', () => {
    const offenders: string[] = [];
    for (const file of sourceFiles(join(root, 'lib'))) {
      const code = readFileSync(file, 'utf8');
      for (const match of code.matchAll(/(?:from|import)\s*\(?\s*'([^']+)'/g)) {
        const spec = match[1]!;
        const target = spec.startsWith('.') ? relative(root, resolve(dirname(file), spec)) : spec.replace(/^@\//, '');
        if (/^(components|entrypoints)\//.test(target) || /^preact/.test(spec)) offenders.push(`${relative(root, file)} → ${spec}`);
      }
      if (file.endsWith('.tsx')) offenders.push(`${relative(root, file)} is a UI file`);
    }
    expect(offenders).toEqual([]);
  });

  it('spells the DOM names the page sees in lib/dom-names.ts only', () => {
    const offenders: string[] = [];
    for (const dir of ['lib', 'components', 'entrypoints']) {
      for (const file of sourceFiles(join(root, dir))) {
        if (file.endsWith('dom-names.ts')) continue;
        const code = readFileSync(file, 'utf8');
        if (/['"`](yidu-mark|yidu-card|yidu-gloss|data-yidu-term|data-yidu-occurrence|data-yidu-kind|yidu-image:)['"`]/.test(code))
          offenders.push(relative(root, file));
      }
    }
    expect(offenders).toEqual([]);
  });
});
