/**
 * The mark overlay's layer (./mark-overlay.ts): one host element on <html> with a shadow root that
 * holds the boxes. Put in early, with a reserve of hidden boxes (prepareMarkLayer), and kept in the page
 * once Yidu is done with it (parkLayer), for the next overlay to take over (takeLayer).
 */
import { OVERLAY_TAG } from '../dom-names';
import { fillReserve } from './box-pool';

export interface MarkLayer {
  host: HTMLElement;
  root: ShadowRoot;
}

/**
 * Sized to nothing, contained, under the page's raised layers (z-index 0, last in <html>): a fixed
 * header with a z-index covers the boxes of the text that scrolls under it, as it covers the text.
 * Set through CSSOM (style.cssText), which a page's CSP does not block, as it does a style attribute.
 */
const HOST_STYLE = ['all:initial', 'position:absolute', 'left:0', 'top:0', 'width:0', 'height:0', 'overflow:visible', 'contain:layout style size', 'pointer-events:none', 'z-index:0']
  .map((d) => `${d}!important`)
  .join(';');
/**
 * Layers a page holds for its next MarkOverlay: put in before the page's first frame with a reserve of
 * hidden boxes (prepareMarkLayer), or left there, emptied, by one that was cleared. On the bench's
 * 200,000-element page, putting the layer into <html> after that frame lays the whole page out again
 * (20–60 ms more than a frame); put in before, it is laid out with the page's first layout. Taking it
 * out costs the same (frames of 82–85 ms there, against 20–26 ms for emptying it), so a layer Yidu is
 * done with stays in the page, empty and sized to nothing, until the page is left; switched on again,
 * Yidu takes it over.
 */
const parked = new WeakMap<Document, MarkLayer>();

function makeLayer(doc: Document): MarkLayer {
  const host = doc.createElement(OVERLAY_TAG);
  host.style.cssText = HOST_STYLE;
  const root = host.attachShadow({ mode: 'open' });
  doc.documentElement.append(host);
  return { host, root };
}

/** Puts a layer into `doc` now, holding a reserve of free boxes (./box-pool.ts), for the MarkOverlay that draws there later. */
export function prepareMarkLayer(doc: Document): void {
  let layer = parked.get(doc);
  if (!layer) parked.set(doc, (layer = makeLayer(doc)));
  else if (!layer.host.isConnected) doc.documentElement.append(layer.host); // the page took it out
  fillReserve(layer.root); // a cleared overlay left it empty
}

/** The layer `doc` holds (prepared, or parked by an overlay that was cleared), else a new one; in the page. */
export function takeLayer(doc: Document): MarkLayer {
  const layer = parked.get(doc) ?? makeLayer(doc);
  parked.delete(doc);
  if (!layer.host.isConnected) doc.documentElement.append(layer.host);
  return layer;
}

/** Empties a layer Yidu is done with and leaves it in the page for the next overlay (see `parked`). */
export function parkLayer(doc: Document, layer: MarkLayer): void {
  layer.root.replaceChildren();
  parked.set(doc, layer);
}
