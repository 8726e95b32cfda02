/**
 * Look up any word of the page: the pointer rests on Chinese text (or a phrase is selected), the
 * background finds the word in its sentence, and the card host shows a dictionary card. Glossary marks
 * keep their own cards (the host opens those). The page's DOM is only read: the looked-up word is shown
 * with a CSS Custom Highlight, where the browser has one.
 */
import { sendMessage } from '@/lib/messages';
import { getSettings, watchSettings, type LookupMode } from '@/lib/settings';
import { hanCharAt, sentenceAt, type PageSentence } from '@/lib/lookup/text-at-point';
import { stepOffset, type TextLookup, type WordLookup } from '@/lib/lookup/find-word';
import { wordVocabulary } from '@/lib/lookup/vocabulary';
import { CARD_TAG, LOOKUP_HIGHLIGHT } from '@/lib/dom-names';
import { hasHan } from '@/lib/han';
import { t } from '@/lib/i18n-card';
import { WordCard } from '@/components/term-card/word-card';
import type { TermCardHost } from '@/components/term-card/host';
import { closestOf } from '@/lib/safe-dom';

/** The pointer must rest this long: no request is sent while it moves across the text. */
export const HOVER_DELAY_MS = 250;
/** After mouseup, so a double or triple click has finished selecting. */
const SELECTION_DELAY_MS = 300;
/** Longer selections are reading, not looking up. */
const MAX_SELECTION = 40;

type Shown =
  | { kind: 'word'; sentence: PageSentence; node: Text; answer: WordLookup }
  | { kind: 'text'; sentence: string; answer: TextLookup };

type HighlightRegistry = { set(name: string, h: unknown): void; delete(name: string): void };
const highlights = (): HighlightRegistry | undefined =>
  typeof Highlight === 'function' ? (CSS as unknown as { highlights?: HighlightRegistry }).highlights : undefined;

const editable = (target: EventTarget | null) =>
  target instanceof Element && !!closestOf(target, 'input, textarea, select, [contenteditable]:not([contenteditable="false"])');

/** Starts the lookup on `doc`; `englishOf` gives a glossary entry's English (from the pattern payload). Returns stop(). */
export function startWordLookup(doc: Document, host: TermCardHost, englishOf: (id: string) => string | undefined): () => void {
  const abort = new AbortController();
  let mode: LookupMode = 'off';
  let hoverTimer: ReturnType<typeof setTimeout> | undefined;
  let selectionTimer: ReturnType<typeof setTimeout> | undefined;
  const pointer = { x: -1, y: -1 };
  /** Bumped by every request: an answer overtaken by a newer one is dropped. */
  let request = 0;
  let shown: Shown | undefined;
  const saved = new Set<string>();

  void getSettings().then((s) => (mode = s.lookup));
  const unwatch = watchSettings((s) => {
    mode = s.lookup;
    if (mode === 'off' && shown) host.close();
  });

  const keyHeld = (e: MouseEvent | KeyboardEvent) => mode === 'hover' || (mode === 'alt' && e.altKey) || (mode === 'shift' && e.shiftKey);

  const render = (status?: string) => {
    if (!shown) return null;
    const s = shown;
    const word = s.kind === 'word' ? s.answer.word : s.answer.text;
    const item = wordVocabulary(word, s.answer.entries, s.kind === 'text' ? s.answer.parts : []);
    return (
      <WordCard
        word={word}
        entries={s.answer.entries}
        parts={s.kind === 'text' ? s.answer.parts : undefined}
        glossaryEnglish={s.answer.glossaryId ? englishOf(s.answer.glossaryId) : undefined}
        steppable={s.kind === 'word'}
        saved={!!item && saved.has(item.entryId)}
        status={status}
        onClose={() => host.close()}
        onSave={() => void save(s)}
      />
    );
  };

  /** `range`: the word, whose box the card follows (placed as a term's card is, never over it). */
  const show = (next: Shown, range: Range) => {
    host.close(); // clears the previous card's highlight and `shown`
    shown = next;
    host.showWord(render(), range, () => {
      highlights()?.delete(LOOKUP_HIGHLIGHT);
      shown = undefined;
    });
    // A selection shows itself; a word under the pointer gets the highlight.
    if (next.kind === 'word') highlights()?.set(LOOKUP_HIGHLIGHT, new Highlight(range));
  };

  const save = async (s: Shown) => {
    const word = s.kind === 'word' ? s.answer.word : s.answer.text;
    const item = wordVocabulary(word, s.answer.entries, s.kind === 'text' ? s.answer.parts : []);
    if (!item) return;
    try {
      const sentence = s.kind === 'word' ? s.sentence.text.trim() : s.sentence;
      await sendMessage('saveVocabulary', { ...item, sentence, pageTitle: doc.title, pageUrl: doc.location.href });
      saved.add(item.entryId);
      if (shown === s) host.updateWord(render());
    } catch (err) {
      if (shown === s) host.updateWord(render(t('couldNotSave', (err as Error).message)));
    }
  };

  const lookUpWord = async (sentence: PageSentence, node: Text, offset: number) => {
    const id = ++request;
    const from = { ...pointer };
    performance.mark('yidu:lookup-start');
    let answer: WordLookup | null;
    const ask = () => sendMessage('lookupWord', { sentence: sentence.text, offset });
    try {
      // Asked once more if the first try fails: a service worker stopped while it was answering
      // drops the reply ("message port closed"), and the second message starts a fresh one.
      answer = await ask().catch(ask);
    } catch (err) {
      console.warn('Yidu: word lookup failed', err);
      return;
    }
    // Overtaken, stopped, a mark's card opened meanwhile (it wins), or the pointer went elsewhere
    // (a late answer, e.g. while jieba loads, must not replace the card of what it points at now).
    const moved = pointer.x !== from.x || pointer.y !== from.y;
    if (id !== request || abort.signal.aborted || host.showsMark || moved || !answer) return;
    const range = sentence.range(answer.start, answer.end);
    show({ kind: 'word', sentence, node, answer }, range);
    // Read by bench/lookup.bench.ts (the page shares this timeline): rest → card shown.
    performance.measure('yidu:lookup', 'yidu:lookup-start');
  };

  const lookAtPointer = () => {
    // A card pinned by a click stays until Escape, × or a click outside.
    if (mode === 'off' || shown?.kind === 'text' || host.isPinned) return;
    const hit = hanCharAt(doc, pointer.x, pointer.y);
    if (!hit) {
      if (shown) host.close();
      return;
    }
    const sentence = sentenceAt(hit.node, hit.index);
    const s = shown;
    // Still on the word shown: nothing to ask.
    if (s?.kind === 'word' && s.node === hit.node && s.sentence.text === sentence.text && sentence.offset >= s.answer.start && sentence.offset < s.answer.end) return;
    void lookUpWord(sentence, hit.node, sentence.offset);
  };

  const lookAtSelection = async () => {
    const selection = doc.getSelection();
    if (mode === 'off' || !selection || selection.isCollapsed || selection.rangeCount === 0) return;
    const text = selection.toString().trim();
    const range = selection.getRangeAt(0);
    const start = range.startContainer;
    if (!hasHan(text) || text.length > MAX_SELECTION || editable(start.parentElement)) return;
    const sentence = start.nodeType === 3 ? sentenceAt(start as Text, range.startOffset).text.trim() : text;
    const id = ++request;
    const answer = await sendMessage('lookupText', { text }).catch((err: unknown) => void console.warn('Yidu: lookup failed', err));
    if (!answer || id !== request || abort.signal.aborted || host.showsMark) return;
    // A copy: the selection's own range changes with the next selection.
    show({ kind: 'text', sentence, answer }, range.cloneRange());
  };

  /**
   * A stopped service worker needs about a second to reopen the dictionary and the glossary; asking it
   * to when the pointer starts moving lets that happen during the rest delay instead of after it.
   * At most every 10 s (a worker idles out after 30 s), and its answer is not awaited.
   */
  let warmedAt = -Infinity;
  const warmUp = () => {
    const now = performance.now();
    if (now - warmedAt < 10_000) return;
    warmedAt = now;
    void sendMessage('warmLookup', undefined).catch(() => undefined);
  };

  const on = <K extends keyof DocumentEventMap>(type: K, fn: (e: DocumentEventMap[K]) => void) =>
    doc.addEventListener(type, fn as EventListener, { capture: true, passive: true, signal: abort.signal });
  on('mousemove', (e) => {
    // Chromium also sends mousemove without any movement (after layout changes, scripts polling the
    // page): those must not restart the rest delay, or a busy page would never get its lookup.
    if (e.clientX === pointer.x && e.clientY === pointer.y && (hoverTimer !== undefined || e.buttons)) return;
    pointer.x = e.clientX;
    pointer.y = e.clientY;
    clearTimeout(hoverTimer);
    hoverTimer = undefined;
    // Not while a button is down (selecting), over the card itself, or without the key the setting asks for.
    if (e.buttons || !keyHeld(e) || (e.target instanceof Element && e.target.localName === CARD_TAG)) return;
    warmUp();
    hoverTimer = setTimeout(() => {
      hoverTimer = undefined;
      lookAtPointer();
    }, HOVER_DELAY_MS);
  });
  on('mousedown', () => {
    clearTimeout(hoverTimer);
    hoverTimer = undefined;
  });
  on('mouseup', (e) => {
    if (mode === 'off' || (e.target instanceof Element && e.target.localName === CARD_TAG)) return;
    clearTimeout(selectionTimer);
    selectionTimer = setTimeout(() => void lookAtSelection(), SELECTION_DELAY_MS);
  });
  doc.addEventListener(
    'keydown',
    (e) => {
      // Pressing the setting's key over a word looks it up at once.
      if ((e.key === 'Alt' || e.key === 'Shift') && mode !== 'hover' && keyHeld(e)) return lookAtPointer();
      const s = shown;
      if (s?.kind !== 'word' || !host.showsWord || e.ctrlKey || e.metaKey || e.altKey || editable(e.target)) return;
      const step = e.key === 'n' ? 1 : e.key === 'b' ? -1 : 0;
      if (!step) return;
      e.preventDefault();
      e.stopPropagation();
      const offset = stepOffset(s.sentence.text, s.answer.start, s.answer.end, step);
      if (offset !== undefined) void lookUpWord(s.sentence, s.node, offset);
    },
    { capture: true, signal: abort.signal },
  );

  return () => {
    abort.abort();
    unwatch();
    clearTimeout(hoverTimer);
    clearTimeout(selectionTimer);
    highlights()?.delete(LOOKUP_HIGHLIGHT);
  };
}
