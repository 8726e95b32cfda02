/**
 * Taking back the marks of a few runs so they can be matched again, without touching the rest of
 * the page: for text the page rewrote (the page's text wins) and for runs whose matching waited on
 * the background (whole-word checks, quoted phrases) once the answers are in.
 */
import type { TextRun } from './blocks';
import { GLOSS_TAG, KIND_ATTR, MARK_TAG, OCCURRENCE_ATTR, TERM_ATTR } from '../dom-names';
import { isYiduText, liveSplits, restoreSplit, splitOfPiece, type MarkLedger, type MarkSpan } from './wrap';

export interface TakenBack {
  /** Entry id of each occurrence removed (one per occurrence, however many pieces it had). */
  uncounted: string[];
  /** Entry ids whose inline English went with them (for "first occurrence" mode to give it again). */
  unglossed: string[];
  /** The runs as they read now, from their nodes still in the page; none for a run wholly removed. */
  fresh: TextRun[];
}

/**
 * Undoes `ledger`'s splits of every node of `runs` (later layers over them go too), then reads each
 * run again from its live nodes. A node for which `pageWins` holds keeps what the page wrote into it;
 * the others get their text back byte for byte.
 */
export function takeBackRuns(runs: Iterable<readonly Text[]>, ledger: MarkLedger, pageWins: (node: Text) => boolean = () => false): TakenBack {
  const uncounted = new Map<string, string>(); // occurrence → entry id
  const unglossed = new Set<string>();
  let lastTerm = ''; // a gloss follows the last piece of its mark, within the same split
  const removed = (piece: ChildNode) => {
    if (piece.nodeType !== 1) return;
    const el = piece as Element;
    if (el.localName === MARK_TAG) {
      lastTerm = el.getAttribute(TERM_ATTR)!;
      uncounted.set(el.getAttribute(OCCURRENCE_ATTR)!, lastTerm);
    } else if (el.localName === GLOSS_TAG && lastTerm) unglossed.add(lastTerm);
  };
  const fresh: TextRun[] = [];
  for (const nodes of runs) {
    for (const node of nodes) {
      const own = liveSplits(node).filter((split) => split.ledger === ledger);
      for (const split of own.reverse()) restoreSplit(split, pageWins(node), removed);
    }
    const run = liveRun(nodes);
    if (run) fresh.push(run);
  }
  return { uncounted: [...uncounted.values()], unglossed: [...unglossed], fresh };
}

/** A run as it reads now, from those of its nodes still in the page and not split; none when no node is left. */
export function liveRun(nodes: readonly Text[]): TextRun | undefined {
  const live = nodes.filter((node) => node.isConnected && !isYiduText(node));
  if (!live.length) return undefined;
  const run: TextRun = { nodes: live, starts: [], text: '' };
  for (const node of live) {
    run.starts.push(run.text.length);
    run.text += node.data;
  }
  return run;
}

/** Has `ledger` split any node of this run (is any of its marks in the page)? */
export function isWrapped(nodes: readonly Text[], ledger: MarkLedger): boolean {
  return nodes.some((node) => liveSplits(node).some((split) => split.ledger === ledger));
}

/**
 * A run `ledger` has marked, read without changing it: its text as the page wrote it and the spans
 * its marks cover. Undefined when it cannot be read that way (another layer over it, a node the page
 * wrote to or moved since, a piece no longer in place): then it is taken back and marked again.
 * Lets a run matched again after the background's answers keep its marks when they come out the
 * same: taking them off and putting them back changed the DOM (and made the page lay out again) for
 * nothing.
 */
export function readMarkedRun(nodes: readonly Text[], ledger: MarkLedger): { run: TextRun; marks: MarkSpan[] } | undefined {
  const run: TextRun = { nodes: [], starts: [], text: '' };
  const marks: (MarkSpan & { occurrence: string })[] = [];
  for (const node of nodes) {
    if (!node.isConnected) return undefined;
    const splits = liveSplits(node);
    if (splits.length > 1 || (splits.length === 1 && splits[0]!.ledger !== ledger)) return undefined;
    run.nodes.push(node);
    run.starts.push(run.text.length);
    const split = splits[0];
    if (split && node.data !== split.kept) return undefined;
    run.text += node.data;
    if (!split) continue;
    let after: ChildNode = node;
    for (const piece of split.pieces) {
      // Pieces sit right after their node, in order; anything else means the page moved something.
      if (after.nextSibling !== piece || splitOfPiece(piece) !== split) return undefined;
      after = piece;
      if (piece.nodeType === 3) {
        if (liveSplits(piece as Text).length) return undefined; // a layer over it
        run.text += (piece as Text).data;
      } else if ((piece as Element).localName === MARK_TAG) {
        const inner = piece.firstChild;
        if (!inner || inner !== piece.lastChild || inner.nodeType !== 3 || liveSplits(inner as Text).length) return undefined;
        const el = piece as Element;
        const text = (inner as Text).data;
        const occurrence = el.getAttribute(OCCURRENCE_ATTR)!;
        const last = marks.at(-1);
        // One occurrence across inline tags is one span in several pieces.
        if (last && last.occurrence === occurrence) last.end = run.text.length + text.length;
        else {
          const kind = el.getAttribute(KIND_ATTR);
          marks.push({ start: run.text.length, end: run.text.length + text.length, id: el.getAttribute(TERM_ATTR)!, occurrence, ...(kind ? { kind } : {}) });
        }
        run.text += text;
      } else if ((piece as Element).localName !== GLOSS_TAG) return undefined;
    }
  }
  return { run, marks: marks.map(({ occurrence: _o, ...span }) => span) };
}

/** Whether two runs' spans mark the same text with the same entries. */
export function sameMarks(a: readonly MarkSpan[], b: readonly MarkSpan[]): boolean {
  return a.length === b.length && a.every((span, i) => span.start === b[i]!.start && span.end === b[i]!.end && span.id === b[i]!.id && (span.kind ?? '') === (b[i]!.kind ?? ''));
}
