/**
 * Taking back the marks of a few runs so they can be matched again, without touching the rest of
 * the page: for text the page rewrote (the page's text wins) and for runs whose matching waited on
 * the background (whole-word checks, quoted phrases) once the answers are in.
 */
import type { TextRun } from './blocks';
import { GLOSS_TAG, MARK_TAG, OCCURRENCE_ATTR, TERM_ATTR } from '../dom-names';
import { isYiduText, liveSplits, restoreSplit, type MarkLedger } from './wrap';

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
