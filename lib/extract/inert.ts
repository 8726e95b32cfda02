/**
 * An inert working copy of a page for extraction, safe from DOM clobbering.
 *
 * A page controls the names of its form fields and images, and browsers let those names shadow DOM
 * properties: inside `<form><input name="parentNode">`, `form.parentNode` is the input, so code that
 * climbs parents loops forever; `name="tagName"`, `hasAttribute`, `nodeType` or `childNodes` make it
 * throw or misread the tree. `<img name="documentElement">` does the same to the document.
 *
 * The copy is made with the prototypes' own getters and methods (never properties read off page
 * nodes) into a document from DOMParser, which has no browsing context: nothing in it runs or loads.
 * In the copy, forms are replaced by their children and the name attributes that the document exposes are
 * dropped, so nothing can shadow a property any more and ordinary DOM code (Readability included)
 * can walk it.
 */
import { prototypeGetter } from '../safe-dom';

/** The DOM's own accessors, looked up once per call from the prototypes (which a page cannot shadow). */
function domAccess() {
  const D = globalThis.Document.prototype;
  const E = globalThis.Element.prototype;
  const N = globalThis.Node.prototype;
  const documentElement = prototypeGetter<Element | null>(D, 'documentElement');
  const localName = prototypeGetter<string>(E, 'localName');
  const parentNode = prototypeGetter<Node | null>(N, 'parentNode');
  const firstChild = prototypeGetter<Node | null>(N, 'firstChild');
  return {
    documentElement: (doc: Document) => documentElement.call(doc),
    localName: (el: Element) => localName.call(el),
    parentNode: (node: Node) => parentNode.call(node),
    firstChild: (node: Node) => firstChild.call(node),
    byTag: (doc: Document, tag: string) => Array.from(D.getElementsByTagName.call(doc, tag)),
    getAttribute: (el: Element, name: string) => E.getAttribute.call(el, name),
    hasAttribute: (el: Element, name: string) => E.hasAttribute.call(el, name),
    removeAttribute: (el: Element, name: string) => E.removeAttribute.call(el, name),
    setAttribute: (el: Element, name: string, value: string) => E.setAttribute.call(el, name, value),
    createElement: (doc: Document, tag: string) => D.createElement.call(doc, tag),
    importNode: <T extends Node>(doc: Document, node: T) => D.importNode.call(doc, node, true) as T,
    appendChild: (parent: Node, child: Node) => N.appendChild.call(parent, child),
    insertBefore: (parent: Node, child: Node, ref: Node | null) => N.insertBefore.call(parent, child, ref),
    removeChild: (parent: Node, child: Node) => N.removeChild.call(parent, child),
    replaceChild: (parent: Node, child: Node, old: Node) => N.replaceChild.call(parent, child, old),
  };
}

/** Elements whose `name` (and for object/embed, `id`) the document exposes as a property. */
const DOCUMENT_NAMED = new Set(['img', 'embed', 'object', 'iframe', 'frame', 'frameset', 'applet', 'form']);
/** Elements that take part in a form (their `form` attribute can bind them to a form elsewhere). */
const FORM_ASSOCIATED = new Set(['input', 'button', 'select', 'textarea', 'fieldset', 'output', 'object', 'img', 'label']);

/**
 * Makes a document safe to walk with ordinary property access: every <form> is replaced by its
 * children, and names that shadow document properties are dropped.
 * Returns how many elements were changed. Uses only the prototypes' accessors, so it is safe to run
 * on a clobbered document.
 */
export function neutraliseClobbering(doc: Document): number {
  const dom = domAccess();
  let changed = 0;
  // Only the elements that can shadow anything (a page may have hundreds of thousands of others), found
  // by tag name: no selector engine, which may itself read clobbered properties.
  const tags = [...new Set([...DOCUMENT_NAMED, ...FORM_ASSOCIATED])].filter((t) => t !== 'form');
  const elements = [...tags.flatMap((t) => dom.byTag(doc, t)), ...dom.byTag(doc, 'form')];
  for (const el of elements) {
    const tag = dom.localName(el);
    if (DOCUMENT_NAMED.has(tag) && dom.hasAttribute(el, 'name')) {
      dom.removeAttribute(el, 'name');
      changed++;
    }
    if ((tag === 'object' || tag === 'embed') && dom.hasAttribute(el, 'id')) {
      dom.removeAttribute(el, 'id');
      changed++;
    }
    if (FORM_ASSOCIATED.has(tag) && dom.hasAttribute(el, 'form')) {
      dom.removeAttribute(el, 'form');
      changed++;
    }
    if (tag === 'form') {
      // Replaced by its children, not by a box: a form left open by broken or hostile markup swallows
      // the rest of the article, and a box around that rest would make Readability pick it alone and
      // drop the short paragraphs before it (its rule for joining siblings expects a Latin full stop).
      const parent = dom.parentNode(el);
      if (!parent) continue;
      for (let child = dom.firstChild(el); child; child = dom.firstChild(el)) dom.insertBefore(parent, child, el);
      dom.removeChild(parent, el);
      changed++;
    }
  }
  return changed;
}

/**
 * A clobbering-safe, inert copy of `source`: a Document from DOMParser holding a deep copy of the
 * source's tree (or the parsed HTML string), neutralised with {@link neutraliseClobbering}. The source
 * is never modified. A copy keeps `<noscript>` as the source parsed it (no re-parsing of markup).
 */
export function inertCopy(source: Document | string): Document {
  const dom = domAccess();
  const copy = new DOMParser().parseFromString(typeof source === 'string' ? source : '<!doctype html><html></html>', 'text/html');
  if (typeof source !== 'string') {
    const root = dom.documentElement(source);
    const placeholder = dom.documentElement(copy);
    if (root && placeholder) dom.replaceChild(copy, dom.importNode(copy, root), placeholder);
  }
  neutraliseClobbering(copy);
  return copy;
}
