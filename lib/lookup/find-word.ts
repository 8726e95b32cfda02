/**
 * Which word the reader pointed at, and what the dictionary says about it. Pure: the background feeds
 * it jieba's pieces of the sentence, the glossary's spans in it, and the dictionary; tests feed the same.
 */
import { hasHan, isHanCode } from '../han';
import type { DictionaryEntry, WordMatch } from '../dictionary';

/** The part of lib/dictionary this needs (so tests may pass a stand-in). */
export interface WordSource {
  lookup(word: string): DictionaryEntry[];
  wordsAt(text: string, index: number, maxLength?: number): WordMatch[];
}

export interface WordSpan {
  word: string;
  /** UTF-16 offsets in the sentence, end exclusive. */
  start: number;
  end: number;
}

export interface WordLookup extends WordSpan {
  entries: DictionaryEntry[];
  /** Set when the word is a glossary term (its spelling as matched in the sentence). */
  glossaryId?: string;
}

/** One word of a selection that is not a headword itself. */
export interface WordPart {
  word: string;
  entries: DictionaryEntry[];
}

export interface TextLookup {
  text: string;
  /** The selection's own entries when it is one headword; else empty and `parts` says word by word. */
  entries: DictionaryEntry[];
  parts: WordPart[];
  glossaryId?: string;
}

/** A glossary occurrence in the sentence (what GuardedFinder.find answers). */
export interface GlossarySpan {
  id: string;
  start: number;
  end: number;
}

/**
 * Pieces of `text` by forward longest match over the dictionary (runs of other characters kept
 * together): what the background answers with while jieba is still loading after the worker woke,
 * so the first hover does not wait for it. findWord lets glossary spans override these pieces.
 */
export function longestMatchPieces(text: string, dict: WordSource): string[] {
  const pieces: string[] = [];
  for (let i = 0; i < text.length; ) {
    let end = i + 1;
    if (isHanCode(text.charCodeAt(i))) end = i + (dict.wordsAt(text, i)[0]?.word.length ?? 1);
    else while (end < text.length && !isHanCode(text.charCodeAt(end))) end++;
    pieces.push(text.slice(i, end));
    i = end;
  }
  return pieces;
}

/** The piece of `pieces` (joined, they are the sentence) that covers `offset`. */
export function pieceAt(pieces: readonly string[], offset: number): WordSpan | undefined {
  let start = 0;
  for (const word of pieces) {
    const end = start + word.length;
    if (offset >= start && offset < end) return { word, start, end };
    start = end;
  }
  return undefined;
}

/**
 * The word at `offset` of `sentence`: a glossary term covering it wins (jargon stays whole, as marked
 * on the page); else jieba's word there. A word the dictionary lacks (a name, a rare compound jieba
 * joined) gives way to the longest headword starting at `offset`, so the card still explains something.
 */
export function findWord(sentence: string, offset: number, pieces: readonly string[], dict: WordSource, glossary: readonly GlossarySpan[] = []): WordLookup | undefined {
  if (offset < 0 || offset >= sentence.length || !isHanCode(sentence.charCodeAt(offset))) return undefined;
  const term = glossary
    .filter((s) => s.start <= offset && offset < s.end)
    .sort((a, b) => b.end - b.start - (a.end - a.start))[0];
  if (term) {
    const word = sentence.slice(term.start, term.end);
    const entries = dict.lookup(word);
    return { word, start: term.start, end: term.end, glossaryId: term.id, entries: entries.length ? entries : (dict.wordsAt(sentence, offset)[0]?.entries ?? []) };
  }
  const piece = pieceAt(pieces, offset);
  if (piece && hasHan(piece.word)) {
    const entries = dict.lookup(piece.word);
    if (entries.length) return { ...piece, entries };
  }
  // Longest headword at the offset, kept inside jieba's word when one fits there.
  const matches = dict.wordsAt(sentence, offset);
  const inside = piece ? matches.find((m) => offset + m.word.length <= piece.end) : undefined;
  const match = inside ?? matches[0];
  if (match) return { word: match.word, start: offset, end: offset + match.word.length, entries: match.entries };
  return { word: sentence[offset]!, start: offset, end: offset + 1, entries: [] };
}

/**
 * Where the next (step 1) or previous (step -1) Han word starts, seen from the word [start, end):
 * what the content script asks about when the reader presses n or b. Undefined at the sentence's edge.
 */
export function stepOffset(sentence: string, start: number, end: number, step: 1 | -1): number | undefined {
  let i = step > 0 ? end : start - 1;
  while (i >= 0 && i < sentence.length && !isHanCode(sentence.charCodeAt(i))) i += step;
  return i >= 0 && i < sentence.length ? i : undefined;
}

/** Parts of a selection: jieba's words, each a headword or split into the longest headwords it holds. */
export function breakDown(pieces: readonly string[], dict: WordSource): WordPart[] {
  const parts: WordPart[] = [];
  for (const piece of pieces) {
    if (!hasHan(piece)) continue;
    const entries = dict.lookup(piece);
    if (entries.length) {
      parts.push({ word: piece, entries });
      continue;
    }
    for (let i = 0; i < piece.length; ) {
      const match = isHanCode(piece.charCodeAt(i)) ? dict.wordsAt(piece, i)[0] : undefined;
      if (match) parts.push(match);
      else if (isHanCode(piece.charCodeAt(i))) parts.push({ word: piece[i]!, entries: [] });
      i += match?.word.length ?? 1;
    }
  }
  return parts;
}

/** What a selection means: its own entries when it is one headword, else its words one by one. */
export function lookUpText(text: string, pieces: readonly string[], dict: WordSource, glossaryId?: string): TextLookup {
  const entries = dict.lookup(text);
  return { text, entries, parts: entries.length ? [] : breakDown(pieces, dict), ...(glossaryId ? { glossaryId } : {}) };
}
