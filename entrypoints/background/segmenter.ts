/**
 * jieba, once per browser, here in the background: content scripts cannot run its 4 MB wasm on every
 * page (nor on pages whose CSP forbids WebAssembly). It knows the glossary's words, the same as the
 * reader's search, and is rebuilt with them when the glossary changes.
 */
import { loadJieba } from '@/lib/search/jieba-web';
import { createSegmenter, glossaryWords, type Segmenter } from '@/lib/search/segmenter';
import type { GlossaryStore, GlossarySnapshot } from '@/lib/glossary/store';

const segmenters = new WeakMap<GlossarySnapshot, Promise<Segmenter>>();

export async function backgroundSegmenter(store: GlossaryStore): Promise<Segmenter> {
  const snapshot = await store.current();
  let segmenter = segmenters.get(snapshot);
  if (!segmenter) {
    segmenter = loadJieba().then((jieba) => createSegmenter(jieba, glossaryWords(snapshot.glossary.entries())));
    segmenters.set(snapshot, segmenter);
  }
  return segmenter;
}
