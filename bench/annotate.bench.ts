/**
 * In-page annotation in headless Chromium: a 200,000-character page of 2,000 paragraphs (some terms
 * split by inline tags), annotated by the built extension, beside a naive extension's method
 * (per text node, a regex replace for each term) run on the same page without Yidu.
 */
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { readBuiltinGlossary } from '@/lib/glossary/source-files';
const BUILTIN_GLOSSARY = readBuiltinGlossary();
import { surfacesOf } from '@/lib/glossary/glossary';
import { chromiumPath, launchWithExtension, serve } from '@/tests/e2e/harness';
import { corpusText } from './corpus';

export function longPage(): string {
  const { text } = corpusText();
  const sentences = text.replace(/\s+/g, '').split(/(?<=。)/).filter((s) => s.length > 10);
  const paragraphs: string[] = [];
  let total = 0;
  for (let i = 0; paragraphs.length < 2000; i++) {
    let p = '';
    while (p.length < 100) p += sentences[(i * 7 + p.length) % sentences.length]!;
    p = p.slice(0, 100); // 2,000 × 100 = 200,000 characters
    // Split a few terms by inline tags, as news sites do with links and emphasis.
    if (i % 10 === 0) p = p.replace('八八战略', '<a href="#">八八</a>战略').replace('义新欧', '<b>义新</b>欧');
    total += p.replace(/<[^>]+>/g, '').length;
    paragraphs.push(`<p>${p}</p>`);
  }
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>Long page</title></head><body><article>${paragraphs.join('\n')}</article><!-- ${total} characters --></body></html>`;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export async function benchAnnotation(): Promise<void> {
  const html = longPage();
  const chars = Number(/<!-- (\d+) characters -->/.exec(html)![1]);
  const site = await serve({ '/long.html': html });
  console.log(`\n## In-page annotation, headless Chromium: ${chars.toLocaleString('en')} characters in 2,000 paragraphs`);
  try {
    const browser = await launchWithExtension();
    const runs: number[] = [];
    const busy: number[] = [];
    const nearDone: number[] = [];
    const longest: number[] = [];
    let marks = 0;
    let deferred = 0;
    let allMarks = 0;
    const scrollLongest: number[] = [];
    for (let run = 0; run < 7; run++) {
      const page = await browser.context.newPage();
      await page.addInitScript(() => {
        const w = window as unknown as { yiduLongTasks: number[] };
        w.yiduLongTasks = [];
        new PerformanceObserver((list) => list.getEntries().forEach((e) => w.yiduLongTasks.push(e.duration))).observe({ type: 'longtask', buffered: true });
      });
      await page.goto(`${site.origin}/long.html`);
      // Wait for the whole page's pass (the first measure covers the body).
      await page.waitForFunction(() => performance.getEntriesByName('yidu:annotate').length > 0, undefined, { timeout: 30_000 });
      const result = await page.evaluate(() => {
        const [first] = performance.getEntriesByName('yidu:annotate') as PerformanceMeasure[];
        const during = (window as unknown as { yiduLongTasks: number[] }).yiduLongTasks;
        const detail = first!.detail as { busy: number; nearDoneAt: number; busyAtNear: number; deferredRuns: number };
        return { duration: first!.duration, busy: detail.busy, nearDoneAt: detail.nearDoneAt, busyAtNear: detail.busyAtNear, deferred: detail.deferredRuns, longTasks: during, marks: document.querySelectorAll('yidu-mark').length };
      });
      runs.push(result.duration);
      deferred = result.deferred;
      // Read to the end, a screen at a time: the deferred paragraphs are marked on the way.
      const scrolled = await page.evaluate(async () => {
        const w = window as unknown as { yiduLongTasks: number[] };
        w.yiduLongTasks.length = 0;
        for (let y = 0; y < document.documentElement.scrollHeight; y += innerHeight) {
          scrollTo(0, y);
          await new Promise((r) => setTimeout(r, 30));
        }
        await new Promise((r) => setTimeout(r, 200));
        return { longest: Math.max(0, ...w.yiduLongTasks), marks: document.querySelectorAll('yidu-mark').length };
      });
      scrollLongest.push(scrolled.longest);
      allMarks = scrolled.marks;
      busy.push(result.busy);
      nearDone.push(result.nearDoneAt);
      longest.push(Math.max(0, ...result.longTasks));
      marks = result.marks;
      await page.close();
    }
    await browser.close();
    console.log(`Yidu annotation, script time (sum of its slices): median ${median(busy).toFixed(1)} ms over ${runs.length} loads (min ${Math.min(...busy).toFixed(1)}, max ${Math.max(...busy).toFixed(1)}); target ≤ 50 ms`);
    console.log(`  every paragraph matched and counted; ${marks} marks placed in and near the viewport, the other ${deferred} paragraphs marked as they come within 1.5 screens of view`);
    console.log(`Yidu annotation, wall time from start to last mark (the page renders between slices): median ${median(runs).toFixed(1)} ms`);
    console.log(`reading to the end a screen at a time: ${allMarks} marks in all; longest main-thread task meanwhile: max ${Math.max(...scrollLongest).toFixed(1)} ms (0 = none over 50 ms)`);
    // From navigation on: the page's own first layout (200–300 ms here, with or without Yidu) is in it.
    // Tasks from Yidu's start on, beside the page alone, are under "Long pages stay responsive" below.
    console.log(`longest main-thread task from navigation to the pass's end, the page's own first layout included: median ${median(longest).toFixed(1)} ms, max ${Math.max(...longest).toFixed(1)} ms (0 = none over 50 ms; Yidu's own tasks: see the long pages below)`);

    // The naive method, on the same page in a browser without Yidu.
    const plain = await chromium.launch({ executablePath: chromiumPath(), args: ['--no-sandbox', '--disable-gpu'] });
    const page = await plain.newPage();
    const terms = [...new Set(BUILTIN_GLOSSARY.flatMap((e) => surfacesOf(e)))];
    const naive: number[] = [];
    for (let run = 0; run < 3; run++) {
      await page.goto(`${site.origin}/long.html`);
      await page.addScriptTag({ path: join(import.meta.dirname, 'naive-annotate.js') });
      naive.push(await page.evaluate((t) => (window as unknown as { naiveAnnotate(t: string[]): number }).naiveAnnotate(t), terms));
    }
    await plain.close();
    console.log(`naive baseline (per text node, regex replace per term, ${terms.length} spellings): median ${median(naive).toFixed(0)} ms (one blocking task)`);
    console.log(`Yidu vs naive: ${(median(naive) / median(busy)).toFixed(1)}x less script time, ${(median(naive) / median(runs)).toFixed(1)}x less wall time`);
  } finally {
    await site.close();
  }
}
