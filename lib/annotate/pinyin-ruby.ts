/**
 * Pinyin as <ruby> over a run of page text: which spans get a reading (every word, or only Yidu's
 * marks) and the elements themselves. Wrapping goes through wrap.ts, so switching off is unwrapAll:
 * no page element is removed or re-created and the body's HTML comes back byte for byte.
 */
import { MARK_TAG, RUBY_ATTR, TONE_ATTR, TONE_SCHEME_ATTR } from '../dom-names';
import type { TextRun } from './blocks';
import { wrapPieces, type MarkLedger } from './wrap';
import { closestOf } from '../safe-dom';

export type PinyinMode = 'off' | 'jargon' | 'every';

/**
 * The four tone colour schemes learners meet most (colours in assets/styles/marks.css):
 * Pleco (red, green, blue, purple), Dummitt's "Chinese Through Tone & Color" and MDBG (red, orange,
 * green, blue; they differ in the neutral tone) and Hanping (blue, green, orange, red).
 */
export const TONE_SCHEMES = ['pleco', 'dummitt', 'mdbg', 'hanping'] as const;
export type ToneScheme = (typeof TONE_SCHEMES)[number];
export type ToneColours = 'off' | ToneScheme;

/** A word of a block as the background cut it: its length in UTF-16 units and one syllable (or null) per code point. */
export type PinyinWord = [length: number, syllables: (string | null)[]];

/** A syllable's tone from its mark (1 ā, 2 á, 3 ǎ, 4 à); 5 for the neutral tone. */
export function toneOf(syllable: string): 1 | 2 | 3 | 4 | 5 {
  const marks = syllable.normalize('NFD');
  if (marks.includes('\u0304')) return 1;
  if (marks.includes('\u0301')) return 2;
  if (marks.includes('\u030c')) return 3;
  if (marks.includes('\u0300')) return 4;
  return 5;
}

/**
 * Spreads a block's words over its UTF-16 offsets: readings[i] is the syllable of the code point that
 * starts at i (null elsewhere), and `words` the spans of words that have something to read.
 */
export function layOut(text: string, words: readonly PinyinWord[]): { readings: (string | null)[]; words: { start: number; end: number }[] } {
  const readings: (string | null)[] = new Array(text.length).fill(null);
  const spans: { start: number; end: number }[] = [];
  let at = 0;
  for (const [length, syllables] of words) {
    let unit = at;
    let any = false;
    for (const syllable of syllables) {
      if (unit >= at + length) break;
      readings[unit] = syllable;
      any ||= syllable !== null;
      unit += text.codePointAt(unit)! > 0xffff ? 2 : 1;
    }
    if (any) spans.push({ start: at, end: at + length });
    at += length;
  }
  return { readings, words: spans };
}

/** The spans of a run that lie inside Yidu's marks (jargon only): one per marked text node. */
export function markedSpans(run: TextRun): { start: number; end: number }[] {
  const spans: { start: number; end: number }[] = [];
  run.nodes.forEach((node, i) => {
    if (closestOf(node.parentElement, MARK_TAG) && node.data.length) spans.push({ start: run.starts[i]!, end: run.starts[i]! + node.data.length });
  });
  return spans;
}

/**
 * The elements every <rt> of one tone scheme starts from, cloned rather than made: a page's pinyin
 * is ten thousand of them, and createElement with its setAttribute calls was over half of building
 * each (appendChild likewise, where append with its general arguments cost a quarter more; measured
 * in Chromium, 10,000 rubies: 88 ms the old way, 21 ms this way).
 */
export interface RtTemplates {
  rt: Element;
  syllable: Element;
}

function rtTemplates(doc: Document, colours: ToneColours): RtTemplates {
  const rt = doc.createElement('rt');
  rt.setAttribute(RUBY_ATTR, '');
  if (colours !== 'off') rt.setAttribute(TONE_SCHEME_ATTR, colours);
  return { rt, syllable: doc.createElement('span') };
}

/** <rt> with the syllables, each in its own element carrying its tone when colours are on. */
export function buildRt(doc: Document, syllables: readonly string[], colours: ToneColours, templates = rtTemplates(doc, colours)): Element {
  const rt = templates.rt.cloneNode(false) as Element;
  if (colours === 'off') {
    rt.appendChild(doc.createTextNode(syllables.join(' ')));
    return rt;
  }
  syllables.forEach((syllable, i) => {
    if (i) rt.appendChild(doc.createTextNode(' '));
    const span = templates.syllable.cloneNode(false) as Element;
    span.setAttribute(TONE_ATTR, String(toneOf(syllable)));
    span.appendChild(doc.createTextNode(syllable));
    rt.appendChild(span);
  });
  return rt;
}

/**
 * Wraps `spans` of the run (offsets into run.text) in <ruby> with the syllables of their characters
 * from `readings`; a word split across inline elements (<a>八八</a>战略) gets one ruby per piece.
 * Unwrapping keeps each ruby's base text and drops its <rt> (wrap.ts never takes an <rt> for page text).
 */
export function wrapRuby(
  run: TextRun,
  spans: readonly { start: number; end: number }[],
  readings: readonly (string | null)[],
  colours: ToneColours,
  ledger: MarkLedger,
): number {
  const doc = run.nodes[0]?.ownerDocument;
  if (!doc) return 0;
  const template = doc.createElement('ruby');
  template.setAttribute(RUBY_ATTR, '');
  const rts = rtTemplates(doc, colours);
  let count = 0;
  wrapPieces(run, spans, ledger, (_span, _j, text, from, to) => {
    const ruby = template.cloneNode(false) as Element;
    ruby.appendChild(text);
    const syllables = readings.slice(from, to).filter((s): s is string => s !== null);
    if (syllables.length) ruby.appendChild(buildRt(doc, syllables, colours, rts));
    count++;
    return ruby;
  });
  return count;
}
