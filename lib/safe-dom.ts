/**
 * The DOM's own accessors, for walking a live page whose form fields can shadow element properties:
 * inside `<form><input name="tagName">`, `form.tagName` is the input, and `lastChild`, `shadowRoot`,
 * `hasAttribute`… can be shadowed the same way. Reading through the prototypes' getters and methods
 * (which a page's markup cannot replace) keeps the annotator walking such a page; extraction's inert
 * copy (lib/extract/inert.ts) is made with the same getters. Looked up on first
 * use, so this module loads where there is no DOM (the CLI, unit tests in Node).
 */
type Getter<T> = (this: unknown) => T;

/** A property's getter from `proto` or its ancestors: what a page's named fields cannot shadow. */
export function prototypeGetter<T>(proto: object, name: string): Getter<T> {
  for (let p: object | null = proto; p; p = Object.getPrototypeOf(p)) {
    const desc = Object.getOwnPropertyDescriptor(p, name);
    if (desc?.get) return desc.get as Getter<T>;
  }
  throw new Error(`no getter ${name}`);
}

let access: ReturnType<typeof make> | undefined;
function make() {
  const E = globalThis.Element.prototype;
  const N = globalThis.Node.prototype;
  return {
    localName: prototypeGetter<string>(E, 'localName'),
    namespaceURI: prototypeGetter<string | null>(E, 'namespaceURI'),
    shadowRoot: prototypeGetter<ShadowRoot | null>(E, 'shadowRoot'),
    firstChild: prototypeGetter<ChildNode | null>(N, 'firstChild'),
    parentElement: prototypeGetter<HTMLElement | null>(N, 'parentElement'),
    nextSibling: prototypeGetter<ChildNode | null>(N, 'nextSibling'),
    hasAttribute: E.hasAttribute,
    getAttribute: E.getAttribute,
    closest: E.closest,
    getBoundingClientRect: E.getBoundingClientRect,
  };
}
const dom = () => (access ??= make());

export const localNameOf = (el: Element): string => dom().localName.call(el);
export const namespaceOf = (el: Element): string | null => dom().namespaceURI.call(el);
export const shadowRootOf = (el: Element): ShadowRoot | null => dom().shadowRoot.call(el);
export const firstChildOf = (node: Node): ChildNode | null => dom().firstChild.call(node);
export const nextSiblingOf = (node: Node): ChildNode | null => dom().nextSibling.call(node);
/**
 * An element's parent. A text node's own `parentElement` is safe (text has no named fields), but
 * climbing on from a form through `form.parentElement` met `<input name="parentElement">`, whose own
 * parent is the form again: a loop that never ended.
 */
export const parentElementOf = (node: Node): HTMLElement | null => dom().parentElement.call(node);
/** `el.closest(selector)`, `el` possibly a form whose fields shadow `closest`. */
export const closestOf = (el: Element | null | undefined, selector: string): Element | null => (el ? dom().closest.call(el, selector) : null);
/** `el.getBoundingClientRect()`, `el` possibly a form whose fields shadow it. */
export const rectOf = (el: Element): DOMRect => dom().getBoundingClientRect.call(el);
export const attributeOf = (el: Element, name: string): string | null =>
  dom().hasAttribute.call(el, name) ? dom().getAttribute.call(el, name) : null;
