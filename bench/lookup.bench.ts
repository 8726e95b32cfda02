/**
 * Word lookup in headless Chromium with the built extension: from the pointer coming to rest on a word
 * to its card shown (the content script's `yidu:lookup` measure: the message to the background,
 * segmenting, the dictionary, rendering), warm; the whole pointer-move-to-card time (which includes the
 * deliberate 250 ms rest delay); and the first lookup after the service worker was stopped (it wakes,
 * opens the dictionary, loads jieba and the glossary).
 */
import type { Page } from 'playwright-core';
import { launchWithExtension, serve } from '@/tests/e2e/harness';

const WORDS = ['糖尿病', '海关', '起居', '医院', '出口', '增长', '数据', '企业', '市场', '农民', '学校', '环境', '交通', '旅游', '工厂', '商品', '价格', '银行', '天气', '城市', '医生'];
const PAGE = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>查词</title>
<style>p { font-size: 20px; line-height: 2 }</style></head><body><article>
${WORDS.map((w, i) => `<p id="w${i}">今年以来，${w}方面的情况总体平稳，有关部门表示将继续推进相关工作。</p>`).join('\n')}
</article></body></html>`;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const summary = (xs: number[]) => `median ${median(xs).toFixed(1)} ms (min ${Math.min(...xs).toFixed(1)}, max ${Math.max(...xs).toFixed(1)}, ${xs.length} runs)`;

/** Moves the pointer onto word `i` and returns [rest→card measure, move→card wall time] once the card shows. */
async function hoverWord(page: Page, i: number): Promise<[number, number]> {
  // The open card sits over the next lines: close it first, as a reader moving on would.
  await page.keyboard.press('Escape');
  await page.mouse.move(1, 1);
  await page.waitForTimeout(50);
  const { x, y } = await page.evaluate((id) => {
    const p = document.getElementById(id)!;
    p.scrollIntoView({ block: 'center' });
    const node = p.firstChild as Text;
    const range = document.createRange();
    range.setStart(node, 5);
    range.setEnd(node, 6);
    const r = range.getBoundingClientRect();
    return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
  }, `w${i}`);
  const before = await page.evaluate(() => {
    const w = window as unknown as { yiduMoved: number; yiduShown: number };
    w.yiduShown = 0;
    addEventListener('mousemove', () => (w.yiduMoved = performance.now()), { once: true, capture: true });
    return performance.getEntriesByName('yidu:lookup').length;
  });
  await page.mouse.move(x, y);
  // Polled from here: page.waitForFunction did not see the content script's measure appear.
  const deadline = Date.now() + 20_000;
  while ((await page.evaluate(() => performance.getEntriesByName('yidu:lookup').length)) <= before) {
    if (Date.now() > deadline) throw new Error(`no word card within 20 s for word ${i}`);
    await page.waitForTimeout(10);
  }
  return page.evaluate(() => {
    const entries = performance.getEntriesByName('yidu:lookup');
    const last = entries[entries.length - 1]!;
    const w = window as unknown as { yiduMoved: number };
    return [last.duration, last.startTime + last.duration - w.yiduMoved] as [number, number];
  });
}

export async function benchLookup(): Promise<void> {
  console.log('\n## Word lookup: pointer to card (headless Chromium)');
  const site = await serve({ '/lookup.html': PAGE });
  const browser = await launchWithExtension();
  try {
    const page = await browser.open(`${site.origin}/lookup.html`);
    await page.waitForFunction(() => performance.getEntriesByName('yidu:annotate').length > 0);
    const [first] = await hoverWord(page, 0);
    const rest: number[] = [];
    const move: number[] = [];
    for (let i = 1; i < WORDS.length; i++) {
      const [r, m] = await hoverWord(page, i);
      rest.push(r);
      move.push(m);
    }
    const cdp = await browser.context.newCDPSession(page);
    await cdp.send('ServiceWorker.enable');
    const cold: number[] = [];
    for (let run = 0; run < 5; run++) {
      await cdp.send('ServiceWorker.stopAllWorkers');
      await page.waitForTimeout(300);
      cold.push((await hoverWord(page, run * 3))[0]);
    }
    console.log(`first lookup in a fresh browser (worker loads everything): ${first.toFixed(0)} ms`);
    console.log(`pointer at rest → card shown, warm: ${summary(rest)}`);
    console.log(`pointer move → card shown, warm (includes the 250 ms rest delay): ${summary(move)}`);
    console.log(`first lookup after the service worker was stopped: ${summary(cold)}`);
  } finally {
    await browser.close();
    await site.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await benchLookup();
