/**
 * The real-page extraction fixtures (tests/fixtures/extraction/) and how an extraction is scored
 * against them: precision, recall and F1 on the characters of the article text (whitespace ignored,
 * order kept: the longest common subsequence), plus title and date checks. Shared by the Vitest run
 * (jsdom) and the optional real-browser run.
 */
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { join, resolve } from 'node:path';

export const FIXTURE_DIR = resolve(import.meta.dirname, '../fixtures/extraction');

export interface FixtureEntry {
  id: string;
  source: string;
  original: string;
  url: string;
  title: string;
  /** ISO time with +08:00, a bare YYYY-MM-DD when only the day is clear, or null. */
  date: string | null;
  notes?: string;
}

export interface Fixture extends FixtureEntry {
  bytes: Uint8Array;
  expectedText: string;
}

export function loadFixtures(): Fixture[] {
  const manifest = JSON.parse(readFileSync(join(FIXTURE_DIR, 'manifest.json'), 'utf8')) as FixtureEntry[];
  return manifest.map((entry) => ({
    ...entry,
    bytes: new Uint8Array(gunzipSync(readFileSync(join(FIXTURE_DIR, 'pages', `${entry.id}.html.gz`)))),
    expectedText: readFileSync(join(FIXTURE_DIR, 'expected', `${entry.id}.txt`), 'utf8'),
  }));
}

/** The characters that count: everything but whitespace and replacement characters. */
export function scoringChars(text: string): string[] {
  return Array.from(text.replace(/[\s\u00a0\u3000\ufffd]+/gu, ''));
}

/** Length of the longest common subsequence, after trimming the common prefix and suffix. */
export function lcsLength(a: string[], b: string[]): number {
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const common = start + (a.length - endA);
  const x = a.slice(start, endA);
  const y = b.slice(start, endB);
  if (!x.length || !y.length) return common;
  // Characters as small integers, so the inner loop compares numbers.
  const codes = new Map<string, number>();
  const code = (c: string) => codes.get(c) ?? (codes.set(c, codes.size), codes.size - 1);
  const xs = Int32Array.from(x, code);
  const ys = Int32Array.from(y, code);
  let prev = new Int32Array(ys.length + 1);
  let row = new Int32Array(ys.length + 1);
  for (let i = 0; i < xs.length; i++) {
    const xi = xs[i]!;
    for (let j = 0; j < ys.length; j++) {
      row[j + 1] = xi === ys[j] ? prev[j]! + 1 : Math.max(prev[j + 1]!, row[j]!);
    }
    [prev, row] = [row, prev];
  }
  return common + prev[ys.length]!;
}

export interface TextScore {
  precision: number;
  recall: number;
  f1: number;
}

export function scoreText(extracted: string, expected: string): TextScore {
  const got = scoringChars(extracted);
  const want = scoringChars(expected);
  const common = lcsLength(got, want);
  const precision = got.length ? common / got.length : 0;
  const recall = want.length ? common / want.length : 0;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1 };
}

const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

export function titleMatches(got: string, expected: string): boolean {
  return squash(got) === squash(expected);
}

/**
 * Whether an extracted time (epoch ms) matches the page's printed date: the same day in China for a
 * bare date, otherwise within 10 minutes (meta tags often carry the seconds, or a minute or two later).
 * An expected null is not checked (undefined).
 */
export function dateMatches(got: number | undefined, expected: string | null): boolean | undefined {
  if (expected === null) return undefined;
  if (got === undefined) return false;
  if (/^\d{4}-\d{2}-\d{2}$/.test(expected)) return chinaDay(got) === expected;
  return Math.abs(got - Date.parse(expected)) <= 10 * 60_000;
}

export function chinaDay(epochMs: number): string {
  return new Date(epochMs + 8 * 3600_000).toISOString().slice(0, 10);
}

export interface PageResult {
  id: string;
  score: TextScore;
  title: string;
  titleOk: boolean;
  date?: number;
  dateOk: boolean | undefined;
  source: string;
  ms: number;
}

export function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** A bench-style table: one line per page, then the medians and the worst page. */
export function report(results: PageResult[]): string {
  const pct = (n: number) => (n * 100).toFixed(1).padStart(5);
  const lines = [`${'page'.padEnd(22)} ${'P'.padStart(5)} ${'R'.padStart(5)} ${'F1'.padStart(5)}  title date  ${'via'.padEnd(11)} ms`];
  for (const r of results) {
    const date = r.dateOk === undefined ? '  -  ' : r.dateOk ? ' ok  ' : ' MISS';
    lines.push(
      `${r.id.padEnd(22)} ${pct(r.score.precision)} ${pct(r.score.recall)} ${pct(r.score.f1)}  ${r.titleOk ? ' ok  ' : ' MISS'} ${date} ${r.source.padEnd(11)} ${r.ms.toFixed(0)}` +
        (r.titleOk ? '' : `  title=${JSON.stringify(r.title)}`),
    );
  }
  const worst = results.reduce((a, b) => (b.score.f1 < a.score.f1 ? b : a));
  const dated = results.filter((r) => r.dateOk !== undefined);
  lines.push(
    `median P ${pct(median(results.map((r) => r.score.precision)))}  R ${pct(median(results.map((r) => r.score.recall)))}  F1 ${pct(median(results.map((r) => r.score.f1)))}` +
      `  worst F1 ${pct(worst.score.f1)} (${worst.id})  titles ${results.filter((r) => r.titleOk).length}/${results.length}` +
      `  dates ${dated.filter((r) => r.dateOk).length}/${dated.length}`,
  );
  return lines.join('\n');
}
