/**
 * Child process for tests/unit/extract-clobbering.test.ts: extracts a hostile article under jsdom with
 * DOM clobbering emulated, and prints the result as JSON. Run as a separate process so the test can
 * put a hard time limit on it (a synchronous endless loop cannot be interrupted inside Vitest).
 *
 * jsdom does not implement the named properties of forms and documents, so this emulates what
 * browsers do: on every <form>, a control named after a property (parentNode, tagName, nodeType,
 * childNodes, hasAttribute…) replaces that property; on the given document, an <img name=…> replaces
 * document properties. Code that reads page nodes through the prototypes' own accessors is unaffected.
 */
// @ts-expect-error jsdom ships no types (and @types/jsdom is not a dependency)
import { JSDOM, VirtualConsole } from 'jsdom';

const { window } = new JSDOM('', { virtualConsole: new VirtualConsole() });
for (const name of ['DOMParser', 'Node', 'Element', 'Document', 'NodeFilter', 'HTMLElement', 'HTMLFormElement']) {
  (globalThis as Record<string, unknown>)[name] = window[name];
}

export const CLOBBERED = ['parentNode', 'tagName', 'nodeType', 'childNodes', 'hasAttribute', 'getAttribute', 'nodeName', 'children', 'firstChild', 'nextSibling', 'localName', 'textContent'];

function descriptorOf(proto: object, name: string): PropertyDescriptor | undefined {
  for (let p: object | null = proto; p; p = Object.getPrototypeOf(p)) {
    const d = Object.getOwnPropertyDescriptor(p, name);
    if (d) return d;
  }
  return undefined;
}

function emulateFormClobbering(): void {
  const proto = window.HTMLFormElement.prototype;
  const elements = descriptorOf(proto, 'elements')!.get!;
  const namedItem = window.HTMLFormControlsCollection.prototype.namedItem as (this: unknown, n: string) => unknown;
  for (const name of CLOBBERED) {
    const original = descriptorOf(proto, name)!;
    Object.defineProperty(proto, name, {
      configurable: true,
      get(this: unknown) {
        const control = namedItem.call(elements.call(this), name);
        if (control) return control;
        return original.get ? original.get.call(this) : original.value;
      },
    });
  }
}

function emulateDocumentClobbering(doc: Document): void {
  for (const img of Array.from(window.Document.prototype.querySelectorAll.call(doc, 'img[name], form[name]')) as Element[]) {
    const name = window.Element.prototype.getAttribute.call(img, 'name') as string;
    Object.defineProperty(doc, name, { configurable: true, get: () => img });
  }
}

const { extractArticle } = await import('../../lib/extract/article');
const html = process.argv[2]!;
emulateFormClobbering();
const doc = new window.DOMParser().parseFromString(html, 'text/html') as Document;
emulateDocumentClobbering(doc);
const started = Date.now();
const article = extractArticle(doc, 'https://news.example.cn/a/1.html');
process.stdout.write(JSON.stringify({ title: article.title, text: article.text, html: article.html, source: article.source, ms: Date.now() - started }));
