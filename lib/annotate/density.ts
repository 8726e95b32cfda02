/**
 * Whether a page is about policy (isPolicyText: the glossary's density in its text), judged without
 * blocking the page: its text is read node by node and matched in chunks, in slices of a few
 * milliseconds. A very long page is judged on its first SAMPLE_CHARS characters, which say as much
 * about its subject as the rest and keep the judgement's cost bounded (reading a 2,000,000-character
 * body's textContent and matching it in one go was a task of hundreds of milliseconds).
 */
import type { MatchSpan } from '../matcher/matcher';
import { hanCount } from '../han';
import { isPolicyText } from './candidates';
import { yieldToPage } from './slices';

const SAMPLE_CHARS = 200_000;
const CHUNK_CHARS = 20_000;

export async function judgePolicyDensity(root: Node, matcher: { find(text: string): MatchSpan[] }, sliceMs = 8): Promise<boolean> {
  const doc = root.ownerDocument ?? (root as Document);
  // Every text node, as textContent reads them (the matcher is bare, so script text queues nothing).
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
    const text = (node as Text).data;
    chunk += text;
    read += text.length;
    if (chunk.length >= CHUNK_CHARS) match();
    if (performance.now() - sliceStart >= sliceMs) {
      await yieldToPage();
      sliceStart = performance.now();
    }
  }
  match();
  return isPolicyText(han, spans);
}
