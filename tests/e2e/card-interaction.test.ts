/**
 * The term card as a reader handles it, at a desktop width and a phone width: placed beside, above
 * or below its term but never over it, following it when the page scrolls, staying open on ‹ ›, and
 * reachable by keyboard (Enter into the card, Tab inside it, Escape back to the term; Alt+Shift+J
 * and n / b between terms, which are not tab stops).
 */
import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchWithExtension, serve, type ExtensionBrowser, type Site } from './harness';

// Plain sentences without glossary terms, to put the terms mid-page with room to scroll.
const FILLER = '今天天气很好，我们一起去公园散步，看见很多人在湖边跑步和下棋。'.repeat(3);
const fill = (n: number, from: number) => Array.from({ length: n }, (_, i) => `<p id="f${from + i}">${FILLER}</p>`).join('\n');
const PAGE = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>八八战略二十周年</title>
<style>body { margin: 0 auto; max-width: 760px; padding: 0 12px; } p { font-size: 17px; line-height: 1.8 }</style></head>
<body><header><a id="logo" href="/">义乌新闻</a> <a href="/more">更多</a></header>
<article><h1>新闻</h1>
${fill(6, 0)}
<p id="o1">坚持和深化八八战略，推进五水共治。</p>
${fill(10, 10)}
<p id="o2">八八战略实施二十周年，建设共同富裕示范区。</p>
${fill(10, 30)}
<p id="o3">继续践行八八战略。</p>
${fill(6, 50)}
</article></body></html>`;

const TERM = 'yidu-mark[data-yidu-term="double-eight-strategy"]';
const SHOTS = '/work/tmp/shots';

type Box = { left: number; top: number; right: number; bottom: number };
interface Geometry {
  term: Box;
  card: Box | null;
  view: { width: number; height: number };
}

/** The box of occurrence `n` of 八八战略 (all its pieces), the card's box, and the viewport. */
function geometry(page: Page, n: number): Promise<Geometry> {
  return page.evaluate(
    ([selector, index]) => {
      const first = document.querySelectorAll(selector)[index]!;
      const pieces = document.querySelectorAll(`${selector}[data-yidu-occurrence="${first.getAttribute('data-yidu-occurrence')}"]`);
      const boxes = [...pieces].map((p) => p.getBoundingClientRect());
      const term = {
        left: Math.min(...boxes.map((b) => b.left)),
        top: Math.min(...boxes.map((b) => b.top)),
        right: Math.max(...boxes.map((b) => b.right)),
        bottom: Math.max(...boxes.map((b) => b.bottom)),
      };
      const card = document.querySelector('yidu-card')?.shadowRoot?.querySelector('.card')?.getBoundingClientRect();
      const box = card ? { left: card.left, top: card.top, right: card.right, bottom: card.bottom } : null;
      return { term, card: box, view: { width: document.documentElement.clientWidth, height: innerHeight } };
    },
    [TERM, n] as const,
  );
}

const overlaps = (a: Box, b: Box) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
/** The gap between the card and its term along the side it sits on (negative when they overlap). */
const gap = (term: Box, card: Box) => Math.max(card.top - term.bottom, term.top - card.bottom, card.left - term.right, term.left - card.right);

function expectPlaced(g: Geometry): void {
  expect(g.card).not.toBeNull();
  const card = g.card!;
  expect(overlaps(card, g.term)).toBe(false);
  expect(card.top).toBeGreaterThanOrEqual(0);
  expect(card.left).toBeGreaterThanOrEqual(0);
  expect(card.bottom).toBeLessThanOrEqual(g.view.height);
  expect(card.right).toBeLessThanOrEqual(g.view.width);
  // Attached: next to the term, not somewhere else on the screen.
  expect(gap(g.term, card)).toBeLessThan(24);
}

const cardCount = (page: Page) => page.locator('yidu-card .card').count();
const occurrenceText = (page: Page) => page.locator('yidu-card [data-testid="occurrence"]').innerText();
/** What has focus: a term (its id and occurrence), the card (the focused element's class or text), or else the tag. */
const focused = (page: Page) =>
  page.evaluate(() => {
    const active = document.activeElement;
    if (active?.localName === 'yidu-card') {
      const inner = active.shadowRoot?.activeElement as HTMLElement | null | undefined;
      return `card:${inner ? inner.className || inner.textContent : 'none'}`;
    }
    const term = active?.getAttribute('data-yidu-term');
    return term ? `term:${term}#${active!.getAttribute('data-yidu-occurrence')}` : (active?.localName ?? 'none');
  });
const settle = (page: Page) => page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));

describe.each([
  { width: 1280, height: 800 },
  { width: 360, height: 740 },
])('the term card at $width × $height', ({ width, height }) => {
  let browser: ExtensionBrowser;
  let site: Site;
  let page: Page;

  beforeAll(async () => {
    site = await serve({ '/long.html': PAGE });
    browser = await launchWithExtension();
    page = await browser.open(`${site.origin}/long.html`);
    await page.setViewportSize({ width, height });
    await page.waitForSelector(`#o1 ${TERM}`);
    mkdirSync(SHOTS, { recursive: true });
  });

  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });

  const centre = (n: number) =>
    page.evaluate(([selector, i]) => document.querySelectorAll(selector)[i]!.scrollIntoView({ block: 'center' }), [TERM, n] as const);
  const reset = async () => {
    await page.keyboard.press('Escape');
    await page.mouse.click(2, 2);
    await expect.poll(() => cardCount(page)).toBe(0);
  };

  it('places a long card mid-screen beside, above or below its term, never over it, inside the viewport', async () => {
    await centre(0);
    await page.locator(`#o1 ${TERM}`).first().click();
    await expect.poll(() => page.locator('yidu-card .card').innerText(), { timeout: 5000 }).toContain('八八战略');
    await settle(page);
    const g = await geometry(page, 0);
    expectPlaced(g);
    // The card was cut to the room it has: its body scrolls, the footer stays in view.
    const cut = await page.evaluate(() => {
      const root = document.querySelector('yidu-card')!.shadowRoot!;
      const body = root.querySelector<HTMLElement>('.body')!;
      const footer = root.querySelector('footer')!.getBoundingClientRect();
      return { scrolls: body.scrollHeight > body.clientHeight, footerBottom: footer.bottom };
    });
    expect(cut.footerBottom).toBeLessThanOrEqual(g.view.height);
    if (width === 360) expect(cut.scrolls).toBe(true); // 八八战略's card is taller than half a phone screen
    await page.screenshot({ path: `${SHOTS}/card-long-${width}.png` });
  });

  it('follows its term when the page scrolls, and closes when the term leaves the viewport', async () => {
    for (const dy of [60, -120]) {
      await page.evaluate((by) => scrollBy(0, by), dy);
      await settle(page);
      await settle(page);
      expectPlaced(await geometry(page, 0));
    }
    await page.evaluate(() => scrollBy(0, innerHeight * 1.5));
    await expect.poll(() => cardCount(page)).toBe(0);
  });

  it('keeps the card open on the next occurrence after ›, attached to it', async () => {
    await centre(0);
    await page.locator(`#o1 ${TERM}`).first().hover();
    await expect.poll(() => cardCount(page), { timeout: 5000 }).toBe(1);
    await page.locator('yidu-card').getByRole('button', { name: 'Next occurrence' }).click();
    await expect.poll(() => occurrenceText(page)).toBe('occurrence 2 of 3');
    await page.waitForTimeout(900); // past the hover close delays: the pointer is no longer on the card
    expect(await cardCount(page)).toBe(1);
    await settle(page);
    expectPlaced(await geometry(page, 1));
    await page.locator('yidu-card').getByRole('button', { name: 'Previous occurrence' }).click();
    await expect.poll(() => occurrenceText(page)).toBe('occurrence 1 of 3');
    await settle(page);
    expectPlaced(await geometry(page, 0));
    await reset();
  });

  it('keeps a hover card open while the pointer travels from the term into it, pausing on the way', async () => {
    await centre(1);
    const mark = page.locator(`#o2 ${TERM}`).first();
    await mark.hover();
    await expect.poll(() => cardCount(page), { timeout: 5000 }).toBe(1);
    await settle(page);
    const g = await geometry(page, 1);
    const card = g.card!;
    const to = { x: (card.left + card.right) / 2, y: (card.top + card.bottom) / 2 };
    // Off the term, between it and the card: a pause there longer than the plain close delay.
    const x = (g.term.left + g.term.right) / 2;
    const y = (g.term.top + g.term.bottom) / 2;
    const between =
      card.top >= g.term.bottom ? { x, y: (g.term.bottom + card.top) / 2 }
      : card.bottom <= g.term.top ? { x, y: (card.bottom + g.term.top) / 2 }
      : card.left >= g.term.right ? { x: (g.term.right + card.left) / 2, y }
      : { x: (card.right + g.term.left) / 2, y };
    expect(inside(between, g.term) || inside(between, card)).toBe(false);
    await page.mouse.move(between.x, between.y, { steps: 2 });
    await page.waitForTimeout(500);
    await page.mouse.move(to.x, to.y, { steps: 4 });
    await page.waitForTimeout(900);
    expect(await cardCount(page)).toBe(1);
    // Leaving the card for the page, away from the term, closes it.
    await page.mouse.move(2, g.view.height - 2, { steps: 4 });
    await expect.poll(() => cardCount(page), { timeout: 3000 }).toBe(0);
  });

  it('gives marks no tab stop but a description, and Tab from the top reaches the page’s own links', async () => {
    const tabIndexes = await page.$$eval('yidu-mark[tabindex]', (marks) => [...new Set(marks.map((m) => m.getAttribute('tabindex')))]);
    expect(tabIndexes).toEqual(['-1']);
    const description = await page.locator(`#o1 ${TERM}`).first().getAttribute('aria-description');
    expect(description).toBeTruthy();
    expect(await page.locator('yidu-card').count()).toBe(0);
    await page.evaluate(() => scrollTo(0, 0));
    await page.mouse.click(2, 2);
    const stops: string[] = [];
    for (let i = 0; i < 3; i++) {
      await page.keyboard.press('Tab');
      stops.push(await focused(page));
    }
    expect(stops[0]).toBe('a'); // the logo
    expect(stops.filter((s) => s.startsWith('term:'))).toEqual([]);
  });

  it('opens a focused term’s card on Enter with focus inside; Tab stays inside; Escape returns to the term', async () => {
    await centre(0);
    await page.locator(`#o1 ${TERM}`).first().focus();
    const term = await focused(page);
    expect(term).toMatch(/^term:double-eight-strategy#/);
    await page.keyboard.press('Enter');
    await expect.poll(() => focused(page), { timeout: 5000 }).toMatch(/^card:/);
    const seen = new Set<string>();
    for (let i = 0; i < 14; i++) {
      await page.keyboard.press('Tab');
      const now = await focused(page);
      expect(now).toMatch(/^card:/);
      seen.add(now);
    }
    expect(seen.size).toBeGreaterThan(2); // it moved among the card's controls
    await page.keyboard.press('Shift+Tab');
    expect(await focused(page)).toMatch(/^card:/);
    await page.keyboard.press('Escape');
    await expect.poll(() => cardCount(page)).toBe(0);
    expect(await focused(page)).toBe(term);
    // Space works as Enter does.
    await page.keyboard.press(' ');
    await expect.poll(() => focused(page), { timeout: 5000 }).toMatch(/^card:/);
    await page.keyboard.press('Escape');
    await expect.poll(() => focused(page)).toBe(term);
  });

  it('moves between terms with Alt+Shift+J, then n / b and the arrow keys; Escape leaves', async () => {
    await reset();
    await centre(1);
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.keyboard.press('Alt+Shift+J');
    const first = await focused(page);
    expect(first).toMatch(/^term:/);
    // The first term in view: the one on the screen's upper part, not the page's first.
    const pageFirst = await page.evaluate(() => {
      const m = document.querySelector('yidu-mark[tabindex]')!;
      return `term:${m.getAttribute('data-yidu-term')}#${m.getAttribute('data-yidu-occurrence')}`;
    });
    expect(first).not.toBe(pageFirst);
    await page.keyboard.press('n');
    const second = await focused(page);
    expect(second).toMatch(/^term:/);
    expect(second).not.toBe(first);
    const order = await page.evaluate(
      ([a, b]) => {
        const find = (f: string) => [...document.querySelectorAll('yidu-mark[tabindex]')].findIndex((m) => `term:${m.getAttribute('data-yidu-term')}#${m.getAttribute('data-yidu-occurrence')}` === f);
        return find(b!) - find(a!);
      },
      [first, second] as const,
    );
    expect(order).toBe(1);
    await page.keyboard.press('ArrowDown');
    const third = await focused(page);
    expect(third).not.toBe(second);
    await page.keyboard.press('b');
    expect(await focused(page)).toBe(second);
    await page.keyboard.press('ArrowUp');
    expect(await focused(page)).toBe(first);
    // The focused term shows its card; Escape closes it, a second Escape leaves the terms.
    await expect.poll(() => cardCount(page), { timeout: 5000 }).toBe(1);
    await expect.poll(() => page.locator('yidu-card .keys').count()).toBe(1); // the keys, told on the card
    await page.screenshot({ path: `${SHOTS}/card-keys-${width}.png` });
    await page.keyboard.press('Escape');
    await expect.poll(() => cardCount(page)).toBe(0);
    expect(await focused(page)).toBe(first);
    await page.keyboard.press('Escape');
    expect(await focused(page)).toBe('body');
    // n is the page's again.
    await page.keyboard.press('n');
    expect(await focused(page)).toBe('body');
  });

  it('places the word card (a dictionary lookup) by the same rules, and it follows its word', async () => {
    await reset();
    await page.evaluate(() => document.getElementById('f14')!.scrollIntoView({ block: 'center' }));
    const at = await page.evaluate(() => {
      const text = document.getElementById('f14')!.firstChild as Text;
      const range = document.createRange();
      range.setStart(text, 7); // 公 of 公园
      range.setEnd(text, 8);
      const b = range.getBoundingClientRect();
      return { x: b.left + b.width / 2, y: b.top + b.height / 2 };
    });
    await page.mouse.move(at.x, at.y);
    await expect.poll(() => page.locator('yidu-card .word-card').count(), { timeout: 15_000 }).toBe(1);
    const word = () =>
      page.evaluate(() => {
        const highlight = (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.get('yidu-lookup')!;
        const b = [...highlight][0]!.getBoundingClientRect();
        const c = document.querySelector('yidu-card')!.shadowRoot!.querySelector('.card')!.getBoundingClientRect();
        return {
          term: { left: b.left, top: b.top, right: b.right, bottom: b.bottom },
          card: { left: c.left, top: c.top, right: c.right, bottom: c.bottom },
          view: { width: document.documentElement.clientWidth, height: innerHeight },
        };
      });
    await settle(page);
    expectPlaced(await word());
    // A click inside pins it; then it follows its word as the page scrolls.
    await page.locator('yidu-card .word-card h2').click();
    await page.evaluate(() => scrollBy(0, 40));
    await settle(page);
    await settle(page);
    expect(await page.locator('yidu-card .word-card').count()).toBe(1);
    expectPlaced(await word());
    await reset();
  });

  it('logged no errors', () => {
    expect(browser.errors).toEqual([]);
  });
});

const inside = (p: { x: number; y: number }, b: Box) => p.x >= b.left && p.x <= b.right && p.y >= b.top && p.y <= b.bottom;
