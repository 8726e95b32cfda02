/**
 * Pointer access to marks drawn over a huge page's text (lib/annotate/drawn-marks.ts): drawn marks are
 * not elements, so no mouseover or click reaches them. A pointer resting on a drawn term (as long as a
 * mark's hover waits) or a click on one turns its run into real marks and opens the card, which from
 * then on behaves as on any mark. Only on a rest or a click: a pointer crossing the page wraps nothing,
 * since each wrap costs such a page a long frame.
 */
import type { DrawnTerms } from '@/lib/annotate/drawn-terms';
import type { TermCardHost } from '@/components/term-card/host';
import { markOf } from '@/components/term-card/term-keys';

/** As a mark's hover (components/term-card/card-frame.ts). */
const REST_MS = 180;

export function startDrawnPointer(doc: Document, drawn: DrawnTerms, card: TermCardHost): () => void {
  const abort = new AbortController();
  const options = { capture: true, passive: true, signal: abort.signal };
  let frame = 0;
  let rest: ReturnType<typeof setTimeout> | undefined;
  let under: object | undefined; // the drawn term under the pointer
  let x = 0;
  let y = 0;
  const win = doc.defaultView!;

  doc.addEventListener(
    'pointermove',
    (e) => {
      if (e.pointerType !== 'mouse' || markOf(e)) return;
      x = e.clientX;
      y = e.clientY;
      // One hit test a frame at most: it reads layout.
      frame ||= win.requestAnimationFrame(() => {
        frame = 0;
        const term = drawn.termAt(x, y);
        if (term === under) return;
        under = term;
        clearTimeout(rest);
        if (term)
          rest = setTimeout(() => {
            under = undefined;
            const mark = drawn.materializeAt(x, y);
            if (mark) void card.open(mark, { pin: false });
          }, REST_MS);
      });
    },
    options,
  );
  doc.addEventListener(
    'click',
    (e) => {
      // Read through the prototype: a page's form field can shadow `closest` (lib/safe-dom.ts).
      if (markOf(e) || (e.target instanceof Element && Element.prototype.closest.call(e.target, 'a[href]'))) return;
      const mark = drawn.materializeAt(e.clientX, e.clientY);
      if (mark) void card.open(mark, { pin: true });
    },
    options,
  );
  return () => {
    abort.abort();
    clearTimeout(rest);
    win.cancelAnimationFrame(frame);
  };
}
