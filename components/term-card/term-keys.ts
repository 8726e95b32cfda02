/**
 * The keyboard around term cards. Marks are not tab stops (a long page has thousands of them): one
 * shortcut, Alt+Shift+J, puts focus on the first term in view; then n / b or the arrow keys move
 * between terms, Enter or Space opens a term's card with focus inside it, Escape leaves. Inside a
 * card, Tab cycles through its controls (the dialog pattern).
 */
import { MARK_TAG, TERM_ATTR } from '@/lib/dom-names';
import { closestOf } from '@/lib/safe-dom';
import { flushDeferredMarks } from '@/lib/annotate/occurrences';

/** Alt+Shift+J, by key position (e.code), since Alt changes the character typed on some layouts. */
export function isTermNavigationShortcut(e: KeyboardEvent): boolean {
  return e.altKey && e.shiftKey && !e.ctrlKey && !e.metaKey && e.code === 'KeyJ';
}

/** +1 for the next term, −1 for the previous one, 0 for any other key. */
export function termStep(e: KeyboardEvent): number {
  if (e.ctrlKey || e.metaKey || e.altKey) return 0;
  if (e.key === 'n' || e.key === 'ArrowDown' || e.key === 'ArrowRight') return 1;
  if (e.key === 'b' || e.key === 'ArrowUp' || e.key === 'ArrowLeft') return -1;
  return 0;
}

/** The mark an event started on, also inside a page's open shadow roots (whose events reach us retargeted). */
export function markOf(e: Event): Element | null {
  const target = e.composedPath()[0] ?? e.target;
  // The target can be a page's form, whose fields may shadow closest (lib/safe-dom.ts).
  return target instanceof Element ? closestOf(target, `${MARK_TAG}[${TERM_ATTR}]`) : null;
}

/** The first piece of every occurrence (the piece that takes focus: wrap.ts gives it a tabindex). */
function terms(doc: Document): HTMLElement[] {
  return [...doc.querySelectorAll<HTMLElement>(`${MARK_TAG}[${TERM_ATTR}][tabindex]`)].filter((m) => m.getClientRects().length > 0);
}

/** The first term whose box reaches into the viewport, else the first below it, else the page's first. */
export function firstTermInView(doc: Document): HTMLElement | undefined {
  flushDeferredMarks({ nearOnly: true }); // marks drawn over a huge page's text become elements
  let list = terms(doc);
  if (list.length === 0) {
    flushDeferredMarks();
    list = terms(doc);
  }
  const below = list.find((m) => m.getBoundingClientRect().bottom > 0);
  return below ?? list[0];
}

/** The term `step` terms away from `from` in document order; undefined past either end. */
export function termAfter(doc: Document, from: Element, step: number): HTMLElement | undefined {
  const find = () => {
    const list = terms(doc);
    const at = list.indexOf(from as HTMLElement);
    return at < 0 ? undefined : list[at + step];
  };
  // Far-off text is marked when it nears the viewport: at the end of what is marked, mark the rest.
  const found = find();
  if (found) return found;
  flushDeferredMarks();
  return find();
}

const FOCUSABLE = 'button:not([disabled]), input, textarea, select, a[href], [tabindex]:not([tabindex="-1"])';

/** Keeps Tab inside the card: from its last control to its first and back. Returns whether it moved focus. */
export function cycleTab(e: KeyboardEvent, root: ShadowRoot): boolean {
  const controls = [...root.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((c) => c.getClientRects().length > 0);
  if (controls.length === 0) return false;
  const first = controls[0]!;
  const last = controls[controls.length - 1]!;
  const active = root.activeElement;
  const inside = active instanceof HTMLElement && controls.includes(active);
  let next: HTMLElement | undefined;
  if (e.shiftKey && (!inside || active === first)) next = last;
  else if (!e.shiftKey && (!inside || active === last)) next = first;
  if (!next) return false;
  e.preventDefault();
  next.focus();
  return true;
}
