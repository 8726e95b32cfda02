/**
 * Takes every wrapper of a ledger out (marks at switch-off, ruby when pinyin goes), in slices paced by
 * the page's frames. What a slice costs the page is mostly not the slice: it is the next frame's
 * style, layout and paint of everything the slice changed. On the bench's portal page (12,500
 * elements, 2,900 marks, read to the end) slices of 20 ms back to back were followed by frames of
 * 79–97 ms (layout 27–42, pre-paint 24–32), long tasks of the page's own that Yidu caused.
 * So each slice waits for the page's frame, and the next slice is sized by what that frame cost:
 * halved when the frame went over FRAME_BUDGET_MS, grown when it stayed well under. Measured there
 * (5 switch-offs each, half-way down): slices of 20 ms back to back, 2–4 tasks over 50 ms each
 * time (51–101 ms); paced from 8 ms, 0–2 (50–78 ms); paced from FIRST_SLICE_MS, 0–1 (57 ms). A frame
 * after a slice of 1 ms still took 17–25 ms there: that much of each frame is the page's whatever
 * Yidu does, so slices do not go below MIN_SLICE_MS.
 */
import { unwrapSome, type MarkLedger } from './wrap';
import { nextFrameCost } from './slices';

/** The most a frame after a slice should take: under the 50 ms long-task line, with room for the page's own work. */
export const FRAME_BUDGET_MS = 35;
/**
 * The first slice, with the screen's marks: its frame repaints what the reader sees, the costliest
 * (31–58 ms after 3 ms, 37–81 ms after 8 ms, on the portal page above).
 */
export const FIRST_SLICE_MS = 3;
const MIN_SLICE_MS = 1;
const MAX_SLICE_MS = 20;

/** The next slice's length, from the last one's and what the frame after it cost (undefined: no frame came). */
export function nextSliceMs(sliceMs: number, frameMs: number | undefined): number {
  // No frame (a hidden tab): nothing is rendered meanwhile, so nothing to hold the slices back for.
  if (frameMs === undefined) return Math.min(MAX_SLICE_MS, sliceMs * 1.5);
  if (frameMs > FRAME_BUDGET_MS) return Math.max(MIN_SLICE_MS, sliceMs / 2);
  if (frameMs < FRAME_BUDGET_MS / 2) return Math.min(MAX_SLICE_MS, sliceMs * 1.5);
  return sliceMs;
}

export interface PacedUnwrapOptions {
  /** The first slice's length in ms (FIRST_SLICE_MS). */
  sliceMs?: number;
  /** When the first slice began (work done before the call, such as the screen's wrappers, counts in it). */
  since?: number;
  /** Runs each slice's DOM writes (the pinyin layer keeps its own observer quiet through it). */
  write?: <T>(work: () => T) => T;
}

/** Unwraps everything in `ledger`; resolves with the longest slice, in ms. */
export async function unwrapPaced(ledger: MarkLedger, options: PacedUnwrapOptions): Promise<number> {
  const write = options.write ?? (<T>(work: () => T) => work());
  let sliceMs = options.sliceMs ?? FIRST_SLICE_MS;
  let longest = 0;
  for (let sliceStart = options.since ?? performance.now(); ; sliceStart = performance.now()) {
    const more = write(() => unwrapSome(ledger, sliceStart + sliceMs));
    longest = Math.max(longest, performance.now() - sliceStart);
    if (!more) return longest;
    sliceMs = nextSliceMs(sliceMs, await nextFrameCost());
  }
}
