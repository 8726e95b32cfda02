/**
 * A stand-in for IntersectionObserver (jsdom has none): it reports nothing by itself; a test reads
 * what is observed and calls an element's callback to say it came near.
 */
export type Observed = Map<Element, (entries: IntersectionObserverEntry[]) => void>;

/** Installs the stand-in on `window`; returns what it observes (element → its observer's callback). */
export function fakeIntersectionObserver(): Observed {
  const observed: Observed = new Map();
  (window as unknown as Record<string, unknown>).IntersectionObserver = class {
    constructor(private readonly callback: (entries: IntersectionObserverEntry[]) => void) {}
    observe(el: Element) {
      observed.set(el, this.callback);
    }
    unobserve(el: Element) {
      observed.delete(el);
    }
    disconnect() {
      observed.clear();
    }
  };
  return observed;
}
