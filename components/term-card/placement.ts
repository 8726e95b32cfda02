/**
 * Where the term card goes, as pure geometry (viewport coordinates, no DOM): never over the term it
 * explains. Below the term when the whole card fits there, else above; when neither side holds it,
 * beside the term if the card's width fits there; else on the taller side, its height cut to the
 * room (the card's body scrolls). Written here because no installed library places a popover; the
 * rules are small and must hold at 360 px as at 1280 px.
 */

export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

export interface Placement {
  left: number;
  top: number;
  /** The card's height limit: its natural height, or less where the room is smaller. */
  maxHeight: number;
  side: 'below' | 'above' | 'right' | 'left';
}

export interface PlacementOptions {
  /** Kept free along the viewport's edges. */
  margin?: number;
  /** Between the term and the card. */
  gap?: number;
  /** A card cut shorter than this is not worth reading: only a viewport too small for it gets one. */
  minHeight?: number;
}

/**
 * Places a card of natural size `card` for the term at `term` in a `view.width` × `view.height`
 * viewport. The card never intersects the term unless the viewport cannot hold `minHeight` above,
 * below or beside it (a window a few lines tall).
 */
export function placeCard(
  term: Box,
  card: { width: number; height: number },
  view: { width: number; height: number },
  { margin = 8, gap = 6, minHeight = 96 }: PlacementOptions = {},
): Placement {
  const width = Math.min(card.width, view.width - 2 * margin);
  const fullHeight = Math.max(0, view.height - 2 * margin);
  const natural = Math.min(card.height, fullHeight);
  const below = view.height - margin - (term.bottom + gap);
  const above = term.top - gap - margin;
  const alignedLeft = clamp(term.left, margin, view.width - margin - width);
  const vertical = (side: 'below' | 'above', height: number): Placement => ({
    left: alignedLeft,
    top: side === 'below' ? term.bottom + gap : term.top - gap - height,
    maxHeight: height,
    side,
  });
  if (natural <= below) return vertical('below', natural);
  if (natural <= above) return vertical('above', natural);
  // Beside: the side with more room, if the card's width fits there.
  const right = view.width - margin - (term.right + gap);
  const left = term.left - gap - margin;
  if (Math.max(right, left) >= width) {
    const top = clamp(term.top - 12, margin, view.height - margin - natural);
    return right >= left
      ? { left: term.right + gap, top, maxHeight: natural, side: 'right' }
      : { left: term.left - gap - width, top, maxHeight: natural, side: 'left' };
  }
  const side = below >= above ? 'below' : 'above';
  const room = Math.max(below, above);
  if (room >= Math.min(minHeight, natural)) return vertical(side, Math.min(natural, room));
  // No room anywhere: a short card at the viewport's edge on the taller side, over the term if need be.
  const height = Math.min(natural, minHeight);
  return { left: alignedLeft, top: side === 'below' ? view.height - margin - height : margin, maxHeight: height, side };
}

/** The smallest box holding every box given (the pieces of one occurrence, its lines). */
export function unionBox(boxes: readonly Box[]): Box | undefined {
  if (boxes.length === 0) return undefined;
  return boxes.reduce((a, b) => ({
    left: Math.min(a.left, b.left),
    top: Math.min(a.top, b.top),
    right: Math.max(a.right, b.right),
    bottom: Math.max(a.bottom, b.bottom),
  }));
}

export function intersects(a: Box, b: Box): boolean {
  return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
}

/** Whether any of `box` is inside the viewport. */
export function inView(box: Box, view: { width: number; height: number }): boolean {
  return box.bottom > 0 && box.top < view.height && box.right > 0 && box.left < view.width;
}

/**
 * The safe path from a term to its card: the convex hull of the two boxes. A pointer inside it is on
 * its way between them, so crossing the page (or another term) there must not close or replace the card.
 */
export function onSafePath(point: { x: number; y: number }, term: Box, card: Box): boolean {
  const hull = convexHull([...corners(term), ...corners(card)]);
  // The hull turns one way at every corner, so a point inside is on the same side of every edge.
  return hull.every((a, i) => {
    const b = hull[(i + 1) % hull.length]!;
    return cross(a, b, point) >= 0;
  });
}

type Point = { x: number; y: number };

const corners = (b: Box): Point[] => [
  { x: b.left, y: b.top },
  { x: b.right, y: b.top },
  { x: b.right, y: b.bottom },
  { x: b.left, y: b.bottom },
];

/** (b − a) × (p − a): its sign tells on which side of the line a→b the point p lies. */
const cross = (a: Point, b: Point, p: Point) => (b.x - a.x) * (p.y - a.y) - (b.y - a.y) * (p.x - a.x);

/** Andrew's monotone chain: the hull's corners, each turn with a positive cross product, no collinear points. */
function convexHull(points: Point[]): Point[] {
  const sorted = [...points].sort((a, b) => a.x - b.x || a.y - b.y);
  const half = (list: Point[]) => {
    const out: Point[] = [];
    for (const p of list) {
      while (out.length >= 2 && cross(out[out.length - 2]!, out[out.length - 1]!, p) <= 0) out.pop();
      out.push(p);
    }
    out.pop();
    return out;
  };
  return [...half(sorted), ...half([...sorted].reverse())];
}

const clamp = (value: number, low: number, high: number) => Math.max(low, Math.min(value, Math.max(low, high)));
