/**
 * Responsiveness of annotation on long pages, in headless Chromium with the built extension: the
 * 200,000-character article (annotate.bench.ts), a portal-like page (navigation, tables, comments,
 * 2,000+ links), a 200,000-element page and a 2,000,000-character page. For each: the longest
 * main-thread task (PerformanceObserver 'longtask') and the longest stall of a 16 ms page timer
 * while loading and annotating, and while reading to the end; when the first mark appeared after
 * DOMContentLoaded; and switching off ("never on this site"): its time and its longest task / stall.
 * Each page is first loaded with Yidu off for the site, to tell the page's own long tasks (parsing and
 * laying out 200,000 elements is one) from Yidu's.
 */
import type { Page } from 'playwright-core';
import { launchWithExtension, serve, type ExtensionBrowser } from '@/tests/e2e/harness';
import { corpusText } from './corpus';
import { longPage } from './annotate.bench';

function sentences(): string[] {
  return corpusText()
    .text.replace(/\s+/g, '')
    .split(/(?<=[。！？])/)
    .filter((s) => s.length > 10);
}

/** `count` paragraphs of about `size` characters of the corpus. */
function paragraphs(count: number, size: number): string[] {
  const all = sentences();
  const out: string[] = [];
  for (let i = 0; out.length < count; i++) {
    let p = '';
    while (p.length < size) p += all[(i * 7 + p.length) % all.length]!;
    out.push(p.slice(0, size));
  }
  return out;
}

const page = (title: string, body: string) =>
  `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${title}</title><style>td{border:1px solid #ccc} .c{margin:4px 0}</style></head><body>${body}</body></html>`;

/** A news portal's front page: a large navigation, link lists, data tables and a comment thread. */
export function portalPage(): string {
  const text = paragraphs(400, 60);
  const short = (i: number) => text[i % text.length]!.slice(0, 8 + (i % 12));
  const nav = `<nav><ul>${Array.from({ length: 600 }, (_, i) => `<li><a href="/c/${i}">${short(i)}</a></li>`).join('')}</ul></nav>`;
  const lists = Array.from({ length: 40 }, (_, s) => `<section><h2>${short(s * 3)}</h2><ul>${Array.from({ length: 40 }, (_, i) => `<li><a href="/n/${s}/${i}">${short(s * 40 + i)}</a><span>2026-11-${1 + (i % 28)}</span></li>`).join('')}</ul></section>`).join('');
  const tables = Array.from({ length: 10 }, (_, t) => `<table>${Array.from({ length: 50 }, (_, r) => `<tr>${Array.from({ length: 6 }, (_, c) => `<td>${c === 0 ? short(t * 50 + r) : (r * c * 37) % 1000}</td>`).join('')}</tr>`).join('')}</table>`).join('');
  const comments = Array.from({ length: 300 }, (_, i) => `<div class="c"><b>网友${i}</b>：<p>${text[i % text.length]}</p><a href="#r${i}">回复</a> <a href="#l${i}">赞</a></div>`).join('');
  return page('门户首页', `${nav}<main>${lists}${tables}<section id="comments">${comments}</section></main><footer>${nav}</footer>`);
}

/** 200,000 elements: 20,000 rows of ten elements each (spans, links, emphasis), some text in most. */
export function elementsPage(): string {
  const text = paragraphs(2000, 30);
  const rows: string[] = [];
  for (let i = 0; i < 20_000; i++) {
    const t = text[i % text.length]!;
    rows.push(`<div><span>${t.slice(0, 10)}</span><a href="#${i}">${t.slice(10, 16)}</a><i>${i}</i><span><b>${t.slice(16, 24)}</b></span><em></em><small>${t.slice(24)}</small><u></u><s></s></div>`);
  }
  return page('二十万元素', rows.join('\n'));
}

/** 2,000,000 characters: 20,000 paragraphs of 100. */
export function hugeTextPage(): string {
  return page('两百万字', `<article>${paragraphs(20_000, 100).map((p) => `<p>${p}</p>`).join('\n')}</article>`);
}

interface Figures {
  elements: number;
  chars: number;
  /** Longest task and stall from Yidu's start or the page's first frame after DOMContentLoaded (the later) on; the page's longest task before it. */
  loadTask: number;
  loadStall: number;
  pageTask: number;
  firstMark: number;
  /** When Yidu began (at DOMContentLoaded, so just before its end), after DOMContentLoaded's end. */
  yiduStart: number;
  passEnd: number;
  /** Yidu's own longest slice (its user-timing entries): what it makes the page wait for at worst. */
  loadSlice: number;
  offSlice: number;
  marks: number;
  scrollTask: number;
  scrollStall: number;
  offMs: number;
  /** When the marks on screen at the switch (the page scrolled half-way) were all gone. */
  screenClear: number;
  onScreen: number;
  offTask: number;
  offStall: number;
  restored: boolean;
}

/**
 * Records long tasks and the 16 ms timer's stalls in the page, from its first script on, and when the
 * first mark appears. Plain JavaScript in a string: tsx's transforms must not reach the page.
 */
export const INSTRUMENT = `(() => {
  function boxes() { return [...(document.querySelector('yidu-overlay')?.shadowRoot?.querySelectorAll('[data-yidu-term]') ?? [])]; }
  function drawn() { return (CSS.highlights?.get('yidu-term')?.size ?? 0) + boxes().length; }
  // tasks: [start, duration] of each long task; stalls: [when, how long] of each late timer.
  const state = { tasks: [], stalls: [], firstMark: -1, firstFrame: -1, reset() { state.tasks = []; state.stalls = []; }, drawn, boxes };
  window.yidu = state;
  // The end of the page's first frame after DOMContentLoaded: its first full layout, the page's own work.
  document.addEventListener('DOMContentLoaded', () => requestAnimationFrame(() => setTimeout(() => (state.firstFrame = performance.now()), 0)));
  new PerformanceObserver((list) => list.getEntries().forEach((e) => state.tasks.push([e.startTime, e.duration]))).observe({ type: 'longtask', buffered: true });
  let last = performance.now();
  setInterval(() => {
    const now = performance.now();
    if (now - last > 16) state.stalls.push([now, now - last - 16]);
    last = now;
  }, 16);
  const seen = new MutationObserver((records) => {
    for (const r of records) for (const n of r.addedNodes) if (n.localName === 'yidu-mark') {
      state.firstMark = performance.now();
      seen.disconnect();
      return;
    }
  });
  document.addEventListener('readystatechange', () => seen.observe(document.documentElement, { childList: true, subtree: true }), { once: true });
  // Marks drawn over a huge page's text (boxes in Yidu's overlay, or CSS highlights) are no marks in
  // the page: looked for once a frame.
  const firstDrawn = () => {
    if (state.firstMark >= 0) return;
    if (drawn() > 0) state.firstMark = performance.now();
    else requestAnimationFrame(firstDrawn);
  };
  requestAnimationFrame(firstDrawn);
})();`;

/** Reads a page to the end as a reader skims it: at most `steps` steps of at least a screen each, 30 ms apart. */
export async function readToEnd(tab: Page, steps: number): Promise<void> {
  await tab.evaluate(async (count) => {
    const height = document.documentElement.scrollHeight;
    const step = Math.max(innerHeight, height / count);
    for (let y = 0; y < height; y += step) {
      scrollTo(0, y);
      await new Promise((r) => setTimeout(r, 30));
    }
    await new Promise((r) => setTimeout(r, 300));
  }, steps);
}

export async function setNever(browser: ExtensionBrowser, never: boolean): Promise<void> {
  await browser.worker.evaluate(async (on) => {
    const { settings } = (await chrome.storage.local.get('settings')) as { settings?: { siteModes?: Record<string, string> } };
    const next = { ...(settings ?? {}), siteModes: { ...(settings?.siteModes ?? {}) } };
    if (on) next.siteModes['127.0.0.1'] = 'never';
    else delete next.siteModes['127.0.0.1'];
    await chrome.storage.local.set({ settings: next });
  }, never);
}

async function measurePage(browser: ExtensionBrowser, url: string): Promise<Figures> {
  const tab: Page = await browser.context.newPage();
  await tab.addInitScript({ content: INSTRUMENT });
  await tab.goto(url, { timeout: 120_000 });
  await tab.waitForFunction(() => performance.getEntriesByName('yidu:annotate').length > 0, undefined, { timeout: 120_000, polling: 100 });
  await tab.waitForTimeout(500);
  const load = await tab.evaluate(() => {
    const w = window as unknown as { yidu: { tasks: [number, number][]; stalls: [number, number][]; firstMark: number; reset(): void } };
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
    const pass = performance.getEntriesByName('yidu:annotate')[0]!;
    // Only what ends after Yidu began and after the page's first frame after DOMContentLoaded: the
    // page's own parsing and first full layout come before (Yidu begins at DOMContentLoaded; its own
    // part of that time is its longest slice, below).
    const began = performance.getEntriesByName('yidu:start')[0]?.startTime ?? 0;
    const started = Math.max(began, (w.yidu as unknown as { firstFrame: number }).firstFrame);
    const figures = {
      elements: document.getElementsByTagName('*').length,
      chars: document.body.textContent!.length,
      loadTask: Math.max(0, ...w.yidu.tasks.filter(([at, d]) => at + d > started).map(([, d]) => d)),
      // A stall that began before is the page's own (its parse or first layout): the timer was due at `at - d`.
      loadStall: Math.max(0, ...w.yidu.stalls.filter(([at, d]) => at - d > started).map(([, d]) => d)),
      pageTask: Math.max(0, ...w.yidu.tasks.filter(([at, d]) => at + d <= started).map(([, d]) => d)),
      firstMark: w.yidu.firstMark - nav.domContentLoadedEventEnd,
      yiduStart: began - nav.domContentLoadedEventEnd,
      passEnd: pass.startTime + pass.duration - nav.domContentLoadedEventEnd,
      loadSlice: Math.max(0, ...performance.getEntriesByName('yidu:annotate').map((e) => ((e as PerformanceMeasure).detail as { longest?: number } | null)?.longest ?? NaN)),
    };
    w.yidu.reset();
    return figures;
  });
  await readToEnd(tab, 400);
  // Marks in the page: elements, and ranges drawn over the text (huge pages).
  const marks = await tab.evaluate(() => document.querySelectorAll('yidu-mark').length + (window as unknown as { yidu: { drawn(): number } }).yidu.drawn());
  const scroll = await tab.evaluate(() => {
    const w = window as unknown as { yidu: { tasks: [number, number][]; stalls: [number, number][]; reset(): void } };
    const figures = { scrollTask: Math.max(0, ...w.yidu.tasks.map(([, d]) => d)), scrollStall: Math.max(0, ...w.yidu.stalls.map(([, d]) => d)) };
    w.yidu.reset();
    return figures;
  });
  // Switched off mid-way, as a reader might: the marks on screen then are the ones that must go first.
  const onScreen = await tab.evaluate(async () => {
    scrollTo(0, document.documentElement.scrollHeight / 2);
    // Long enough for a huge page's drawn marks to come (at most one change of them per 250 ms).
    await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 600)));
    const shown = [...document.querySelectorAll('yidu-mark')].filter((m) => {
      const r = m.getBoundingClientRect();
      return r.bottom > 0 && r.top < innerHeight && r.width > 0;
    });
    (window as unknown as { shownMarks: Element[] }).shownMarks = shown;
    const drawn = [...((CSS.highlights.get('yidu-term') ?? []) as Iterable<StaticRange>)].filter((s) => {
      const range = new Range();
      range.setStart(s.startContainer, s.startOffset);
      range.setEnd(s.endContainer, s.endOffset);
      const r = range.getBoundingClientRect();
      return r.bottom > 0 && r.top < innerHeight && r.width > 0;
    });
    const boxes = (window as unknown as { yidu: { boxes(): Element[] } }).yidu.boxes().filter((b) => {
      const r = b.getBoundingClientRect();
      return r.bottom > 0 && r.top < innerHeight;
    });
    return shown.length + drawn.length + boxes.length;
  });
  const started = await tab.evaluate(() => performance.now());
  await setNever(browser, true);
  const off = await tab.evaluate(async (since) => {
    const shown = (window as unknown as { shownMarks: Element[] }).shownMarks;
    let screenClear = NaN;
    // (No named helper: tsx would wrap it in a __name() call, undefined in the page.)
    const w = window as unknown as { yidu: { tasks: [number, number][]; stalls: [number, number][]; drawn(): number } };
    while (document.querySelector('yidu-mark') || w.yidu.drawn() > 0) {
      if (Number.isNaN(screenClear) && !shown.some((m) => m.isConnected) && !w.yidu.drawn()) screenClear = performance.now() - since;
      await new Promise((r) => setTimeout(r, 16));
    }
    const done = performance.now();
    if (Number.isNaN(screenClear)) screenClear = done - since;
    await new Promise((r) => setTimeout(r, 300));
    const detach = performance.getEntriesByName('yidu:detach').map((e) => ((e as PerformanceMeasure).detail as { longest?: number } | null)?.longest ?? NaN);
    return { offMs: done - since, screenClear, offTask: Math.max(0, ...w.yidu.tasks.map(([, d]) => d)), offStall: Math.max(0, ...w.yidu.stalls.map(([, d]) => d)), offSlice: detach.length ? Math.max(...detach) : NaN };
  }, started);
  // The body as the server sent it, parsed by the same browser. Only now: parsing a page this size
  // is a long task of its own in this page (50–60 ms for the portal), counted as Yidu's if done earlier.
  const original = await tab.evaluate(async () => new DOMParser().parseFromString(await (await fetch(location.href)).text(), 'text/html').body.innerHTML);
  const restored = (await tab.evaluate(() => document.body.innerHTML)) === original;
  await setNever(browser, false);
  await tab.close();
  return { ...load, marks, ...scroll, ...off, onScreen, restored };
}

/** The page's own longest task and stall while loading, with Yidu off for the site (its script starts, then stops). */
async function measureAlone(browser: ExtensionBrowser, url: string): Promise<{ task: number; stall: number; scrollTask: number; scrollStall: number; oneWordStall: number }> {
  await setNever(browser, true);
  const tab: Page = await browser.context.newPage();
  const worst = () =>
    tab.evaluate(() => {
      const w = window as unknown as { yidu: { tasks: [number, number][]; stalls: [number, number][]; reset(): void } };
      const figures = { task: Math.max(0, ...w.yidu.tasks.map(([, d]) => d)), stall: Math.max(0, ...w.yidu.stalls.map(([, d]) => d)) };
      w.yidu.reset();
      return figures;
    });
  try {
    await tab.addInitScript({ content: INSTRUMENT });
    await tab.goto(url, { timeout: 120_000 });
    await tab.waitForTimeout(1500);
    const load = await worst();
    await readToEnd(tab, 400);
    const scroll = await worst();
    // The least any annotator can do to a page: one word of one block, half-way down, in an element
    // of its own. What the page's next frame then costs is a floor under every mark placed or removed.
    await tab.evaluate(async () => {
      const texts = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      const all: Text[] = [];
      for (let n = texts.nextNode(); n; n = texts.nextNode()) if ((n as Text).data.trim().length > 4) all.push(n as Text);
      const text = all[all.length >> 1]!;
      text.parentElement!.scrollIntoView();
      await new Promise((r) => setTimeout(r, 500));
      (window as unknown as { yidu: { reset(): void } }).yidu.reset();
      const word = document.createElement('span');
      text.splitText(2); // `text` keeps the first two characters
      text.before(word);
      word.append(text);
      await new Promise((r) => setTimeout(r, 500));
    });
    const oneWord = await worst();
    return { ...load, scrollTask: scroll.task, scrollStall: scroll.stall, oneWordStall: oneWord.stall };
  } finally {
    await tab.close();
    await setNever(browser, false);
  }
}

const ms = (n: number) => (Number.isNaN(n) ? 'n/a' : `${n.toFixed(0)} ms`);

export async function benchLongPages(): Promise<void> {
  const pages: [string, string, string][] = [
    ['200,000-character article', '/article.html', longPage()],
    ['portal page (nav, tables, comments)', '/portal.html', portalPage()],
    ['200,000-element page', '/elements.html', elementsPage()],
    ['2,000,000-character page', '/huge.html', hugeTextPage()],
  ];
  const site = await serve(Object.fromEntries(pages.map(([, path, html]) => [path, html])));
  console.log('\n## Long pages stay responsive (headless Chromium; longest task from the longtask observer, 0 = none over 50 ms; stall = a 16 ms page timer\'s longest delay)');
  const browser = await launchWithExtension();
  try {
    // PAGES='element|2,000,000' runs only the pages whose label holds one of those.
    const only = process.env.PAGES?.split('|').filter(Boolean);
    for (const [label, path] of pages) {
      if (only && !only.some((word) => label.includes(word))) continue;
      const alone = await measureAlone(browser, `${site.origin}${path}`);
      const f = await measurePage(browser, `${site.origin}${path}`);
      const links = label.startsWith('portal') ? `, ${linksOf(pages[1]![2]).toLocaleString('en')} links` : '';
      console.log(`${label}: ${f.elements.toLocaleString('en')} elements, ${f.chars.toLocaleString('en')} characters${links}`);
      console.log(`  the page alone (Yidu off for the site): longest task ${ms(alone.task)}, max timer stall ${ms(alone.stall)}; one word wrapped in a span half-way down (no Yidu): max timer stall ${ms(alone.oneWordStall)}`);
      console.log(`  loading, from Yidu's start or the end of the page's first frame after DOMContentLoaded, the later (the page's own longest task before it: ${ms(f.pageTask)}): longest task ${ms(f.loadTask)}, max timer stall ${ms(f.loadStall)}, Yidu's longest slice ${ms(f.loadSlice)}; first mark ${ms(f.firstMark)} after DOMContentLoaded's end (Yidu began at ${ms(f.yiduStart)}), whole pass done at ${ms(f.passEnd)}`);
      console.log(`  reading to the end: longest task ${ms(f.scrollTask)}, max timer stall ${ms(f.scrollStall)}; ${f.marks.toLocaleString('en')} marks (the page alone: ${ms(alone.scrollTask)}, ${ms(alone.scrollStall)})`);
      console.log(`  switching off half-way down: the ${f.onScreen} marks on screen gone after ${ms(f.screenClear)}, the last mark after ${ms(f.offMs)}, longest task ${ms(f.offTask)}, max timer stall ${ms(f.offStall)}, Yidu's longest slice ${ms(f.offSlice)}; body restored byte for byte: ${f.restored ? 'yes' : 'NO'}`);
    }
  } finally {
    await browser.close();
    await site.close();
  }
}

function linksOf(html: string): number {
  return (html.match(/<a /g) ?? []).length;
}
