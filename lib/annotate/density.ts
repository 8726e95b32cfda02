/**
 * Whether a page is about policy (isPolicyText: the glossary's density in its text), judged on a
 * sample: the first SAMPLE_CHARS characters of text outside scripts, styles and templates, read node
 * by node and matched in chunks, in slices of a few milliseconds. A news article is judged whole; a
 * longer page on its beginning, which says as much about its subject as the rest. The sample is small
 * because the candidates wait for this judgement (it begins once the first screen is marked): on the
 * 200,000-character bench page, a 200,000-character sample took about 100 ms; 40,000 characters take a
 * few milliseconds.
 */
import type { MatchSpan } from '../matcher/matcher';
import { hanCount } from '../han';
import { localNameOf } from '../safe-dom';
import { isPolicyText } from './candidates';
import { yieldToPage } from './slices';

export const SAMPLE_CHARS = 40_000;
const CHUNK_CHARS = 20_000;
/** Text in these is never shown as the page's text, so it says nothing of the subject. */
const UNREAD = new Set(['script', 'style', 'noscript', 'template', 'textarea']);

export async function judgePolicyDensity(root: Node, matcher: { find(text: string): MatchSpan[] }, sliceMs = 8): Promise<boolean> {
  const doc = root.ownerDocument ?? (root as Document);
  const walker = doc.createTreeWalker(root, 4 /* NodeFilter.SHOW_TEXT */);
  const spans: MatchSpan[] = [];
  let han = 0;
  let read = 0;
  let chunk = '';
  const match = () => {
    han += hanCount(chunk);
    for (const span of matcher.find(chunk)) spans.push(span);
    chunk = '';
  };
  let sliceStart = performance.now();
  for (let node = walker.nextNode(); node && read < SAMPLE_CHARS; node = walker.nextNode()) {
    const parent = node.parentNode; // a text node's: no page property can shadow it
    if (!(parent?.nodeType === 1 && UNREAD.has(localNameOf(parent as Element)))) {
      const text = (node as Text).data;
      chunk += text;
      read += text.length;
      if (chunk.length >= CHUNK_CHARS) match();
    }
    if (performance.now() - sliceStart >= sliceMs) {
      // Behind the page's queued tasks: ahead of them, on the bench's 200,000-element page these slices
      // followed the first screen's marking at once, and the page's 16 ms timer waited 57–68 ms.
      await yieldToPage();
      sliceStart = performance.now();
    }
  }
  match();
  return isPolicyText(han, spans);
}
