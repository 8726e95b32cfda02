/**
 * Word lookups for the content script's hover and selection cards. The sentence is cut by the same
 * jieba (glossary words added) as the reader's search, and glossary terms are found with the same
 * guarded matcher that marks pages, so a card never splits jargon the page shows whole.
 * Everything is opened on demand, so the first lookup after the worker was stopped also answers.
 */
import { onMessage } from '@/lib/messages';
import { findWord, longestMatchPieces, lookUpText, type GlossarySpan } from '@/lib/lookup/find-word';
import { segmenterJudge } from '@/lib/glossary/guards';
import type { Segmenter } from '@/lib/search/segmenter';
import type { GlossarySnapshot, GlossaryStore } from '@/lib/glossary/store';
import { backgroundDictionary } from './dictionary';
import { backgroundSegmenter } from './segmenter';

/** Longest sentence or selection looked at: enough for any real sentence, bounded for a hostile page. */
const MAX_TEXT = 400;

let ready: { snapshot: GlossarySnapshot; segmenter: Segmenter } | undefined;
let warming = false;

/**
 * jieba when it is ready for this glossary; else undefined at once, and it starts loading just after
 * this answer has gone. Its 4 MB wasm is most of a cold start and its start-up blocks the worker, so
 * the first lookups after the worker woke use the dictionary's longest match instead of waiting.
 */
function segmenterIfReady(glossary: GlossaryStore, snapshot: GlossarySnapshot): Segmenter | undefined {
  if (ready?.snapshot === snapshot) return ready.segmenter;
  if (!warming) {
    warming = true;
    setTimeout(() => {
      backgroundSegmenter(glossary)
        .then(async (segmenter) => void (ready = { snapshot: await glossary.current(), segmenter }))
        .catch((err: unknown) => console.warn('Yidu: jieba did not load', err))
        .finally(() => (warming = false));
    }, 50);
  }
  return undefined;
}

export function registerLookupHandlers(glossary: GlossaryStore): void {
  const tools = async () => {
    const [dict, snapshot] = await Promise.all([backgroundDictionary(), glossary.current()]);
    const segmenter = segmenterIfReady(glossary, snapshot);
    const cut = segmenter ? (text: string) => segmenter.cut(text) : (text: string) => longestMatchPieces(text, dict);
    // Without jieba, forms guarded as whole words (人大, 职教) are left out rather than risked.
    const terms = (text: string): GlossarySpan[] => snapshot.finder(segmenter ? segmenterJudge(cut) : undefined).find(text);
    return { dict, cut, terms };
  };

  onMessage('lookupWord', async ({ data }) => {
    const { sentence, offset } = data;
    if (typeof sentence !== 'string' || !Number.isInteger(offset)) return null;
    // Keep the pointed-at character inside the window when a page's "sentence" is huge.
    const from = Math.max(0, Math.min(offset - MAX_TEXT / 2, sentence.length - MAX_TEXT));
    const text = sentence.slice(from, from + MAX_TEXT);
    const { dict, cut, terms } = await tools();
    const found = findWord(text, offset - from, cut(text), dict, terms(text));
    return found ? { ...found, start: found.start + from, end: found.end + from } : null;
  });

  onMessage('warmLookup', async () => {
    const { terms } = await tools();
    terms(''); // builds the guarded matcher too, so the first real lookup finds everything ready
  });

  onMessage('lookupText', async ({ data }) => {
    const text = String(data.text).replace(/\s+/g, '').slice(0, MAX_TEXT);
    const { dict, cut, terms } = await tools();
    const whole = terms(text).find((s) => s.start === 0 && s.end === text.length);
    return lookUpText(text, cut(text), dict, whole?.id);
  });
}
