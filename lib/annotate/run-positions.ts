/**
 * Where a matched run's spans are in the page: from offsets in the run's text (TextRun.starts) to
 * text nodes and offsets in them, as ranges and carets take them.
 */
import type { DeferredRun } from './deferred-wraps';
import type { MarkSpan } from './wrap';

/** Where a span of a run starts: its text node and the offset in it. */
export function spanStart(job: DeferredRun, span: MarkSpan): { node: Text; offset: number } {
  const [node, offset] = locate(job, span.start, false);
  return { node, offset };
}

/** Where a span of a run starts and ends, as a range would say. */
export function boundsOf(job: DeferredRun, span: MarkSpan): StaticRangeInit {
  const [startContainer, startOffset] = locate(job, span.start, false);
  const [endContainer, endOffset] = locate(job, span.end, true);
  return { startContainer, startOffset, endContainer, endOffset };
}

/** The node and offset of run offset `at`; at a node boundary, the end of the earlier node when `isEnd`. */
function locate(job: DeferredRun, at: number, isEnd: boolean): [Text, number] {
  const { nodes, starts } = job.run;
  let i = nodes.length - 1;
  while (i > 0 && (isEnd ? starts[i]! >= at : starts[i]! > at)) i--;
  return [nodes[i]!, at - starts[i]!];
}
