import { describe, expect, it } from 'vitest';
import { inView, intersects, onSafePath, placeCard, unionBox, type Box, type Placement } from '@/components/term-card/placement';

const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 360, height: 740 };
const CARD = { width: 360, height: 480 };

/** A term `width` × 24 px with its top-left corner at (left, top). */
const term = (left: number, top: number, width = 68): Box => ({ left, top, right: left + width, bottom: top + 24 });
const box = (p: Placement, width: number): Box => ({ left: p.left, top: p.top, right: p.left + width, bottom: p.top + p.maxHeight });

/** Every placement must keep the card off its term and inside the viewport's margins. */
function expectSound(p: Placement, t: Box, card: { width: number }, view: { width: number; height: number }, margin = 8) {
  const width = Math.min(card.width, view.width - 2 * margin);
  const b = box(p, width);
  expect(intersects(b, t)).toBe(false);
  expect(b.left).toBeGreaterThanOrEqual(margin);
  expect(b.top).toBeGreaterThanOrEqual(margin);
  expect(b.right).toBeLessThanOrEqual(view.width - margin);
  expect(b.bottom).toBeLessThanOrEqual(view.height - margin);
}

describe('placing the term card', () => {
  it('goes below the term when the whole card fits there', () => {
    const t = term(300, 100);
    const p = placeCard(t, CARD, DESKTOP);
    expect(p).toEqual({ side: 'below', left: 300, top: 130, maxHeight: 480 });
    expectSound(p, t, CARD, DESKTOP);
  });

  it('goes above when it fits only there', () => {
    const t = term(300, 700);
    const p = placeCard(t, CARD, DESKTOP);
    expect(p.side).toBe('above');
    expect(p.maxHeight).toBe(480);
    expect(p.top + p.maxHeight).toBe(t.top - 6);
    expectSound(p, t, CARD, DESKTOP);
  });

  it('goes beside a mid-screen term when neither above nor below holds it, on the wider side', () => {
    const right = placeCard(term(300, 388), CARD, DESKTOP);
    expect(right.side).toBe('right');
    expect(right.left).toBe(300 + 68 + 6);
    expect(right.maxHeight).toBe(480);
    expectSound(right, term(300, 388), CARD, DESKTOP);
    const left = placeCard(term(1000, 388), CARD, DESKTOP);
    expect(left.side).toBe('left');
    expect(left.left + 360).toBe(1000 - 6);
    expectSound(left, term(1000, 388), CARD, DESKTOP);
  });

  it('at a phone width cuts the card to the taller side’s room instead of covering the term', () => {
    const t = term(40, 400, 120);
    const p = placeCard(t, CARD, PHONE);
    expect(p.side).toBe('above'); // 400 − 14 above, 740 − 8 − 430 below
    expect(p.maxHeight).toBe(400 - 6 - 8);
    expect(p.top).toBe(8);
    expectSound(p, t, CARD, PHONE);
    const lower = term(40, 300, 120);
    const q = placeCard(lower, CARD, PHONE);
    expect(q.side).toBe('below');
    expect(q.maxHeight).toBe(740 - 8 - (324 + 6));
    expectSound(q, lower, CARD, PHONE);
  });

  it('keeps a short card at its natural height and the card inside the viewport horizontally', () => {
    const small = { width: 360, height: 120 };
    const t = term(330, 200, 20); // near the right edge of a phone screen
    const p = placeCard(t, small, PHONE);
    expect(p).toEqual({ side: 'below', left: 8, top: 230, maxHeight: 120 });
    expectSound(p, t, small, PHONE);
  });

  it('holds for terms anywhere on the screen, at both widths', () => {
    for (const view of [DESKTOP, PHONE]) {
      for (let top = 10; top < view.height - 40; top += 37) {
        for (let left = 8; left < view.width - 60; left += 53) {
          const t = term(left, top, 50);
          expectSound(placeCard(t, CARD, view), t, CARD, view);
        }
      }
    }
  });

  it('gives up the term only when no side has room for a readable card (a window a few lines tall)', () => {
    const tiny = { width: 360, height: 150 };
    const t = term(40, 60, 120);
    const p = placeCard(t, CARD, tiny);
    expect(p.maxHeight).toBe(96);
    expect(p.top).toBeGreaterThanOrEqual(8);
    expect(p.top + p.maxHeight).toBeLessThanOrEqual(150 - 8);
  });
});

describe('the geometry around the card', () => {
  it('joins the pieces of an occurrence into one box', () => {
    expect(unionBox([term(10, 10), term(200, 40, 10)])).toEqual({ left: 10, top: 10, right: 210, bottom: 64 });
    expect(unionBox([])).toBeUndefined();
  });

  it('tells a term in view from one scrolled away', () => {
    expect(inView(term(10, 10), DESKTOP)).toBe(true);
    expect(inView(term(10, -30), DESKTOP)).toBe(false);
    expect(inView(term(10, 800), DESKTOP)).toBe(false);
    expect(inView(term(10, -10), DESKTOP)).toBe(true); // partly in view
  });

  it('knows the safe path from a term to its card', () => {
    const t = term(100, 100, 40); // 100..140 × 100..124
    const card: Box = { left: 100, top: 130, right: 460, bottom: 400 };
    expect(onSafePath({ x: 120, y: 127 }, t, card)).toBe(true); // the gap under the term
    expect(onSafePath({ x: 200, y: 126 }, t, card)).toBe(true); // diagonally towards the card's middle
    expect(onSafePath({ x: 400, y: 105 }, t, card)).toBe(false); // off to the right of the term's line
    expect(onSafePath({ x: 90, y: 200 }, t, card)).toBe(false); // left of both
    const beside: Box = { left: 300, top: 50, right: 660, bottom: 500 };
    expect(onSafePath({ x: 220, y: 112 }, t, beside)).toBe(true);
    expect(onSafePath({ x: 220, y: 300 }, t, beside)).toBe(true); // within the hull towards the card's lower part
    expect(onSafePath({ x: 150, y: 300 }, t, beside)).toBe(false);
  });
});
