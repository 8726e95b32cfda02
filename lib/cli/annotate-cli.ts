import { readFileSync } from 'node:fs';
import { readBuiltinGlossary } from '../glossary/source-files';
import { Glossary, toPatternSources } from '../glossary/glossary';
import { Matcher } from '../matcher/matcher';
import * as jieba from 'jieba-wasm';
import { compileGuards, GuardedFinder, guardRulesOf, segmenterJudge, type SpanFinder } from '../glossary/guards';
import { createSegmenter, glossaryWords } from '../search/segmenter';
import { countTerms, rankTerms } from '../annotate/term-counts';
import { candidatePhrase, findCandidates, isPolicyText, type PhraseKind } from '../annotate/candidates';
import { hanCount } from '../han';
import type { MatchSpan } from '../matcher/matcher';

export interface CliIO {
  out(text: string): void;
  err(text: string): void;
}

const USAGE = 'usage: annotate [--summary] FILE | annotate --entries';

export interface CliOptions {
  /** What the dictionary says of a quoted phrase (scripts/annotate.ts passes CC-CEDICT's answer). */
  classify?: (phrase: string) => PhraseKind;
}

/** Runs the CLI and returns the exit code (0 ok, 2 bad input or usage). */
export function runAnnotateCli(args: string[], io: CliIO, options: CliOptions = {}): number {
  const glossary = new Glossary(readBuiltinGlossary());
  if (args.includes('--entries')) {
    io.out(JSON.stringify([...glossary.entries()], null, 2) + '\n');
    return 0;
  }
  const summary = args.includes('--summary');
  const files = args.filter((a) => !a.startsWith('--'));
  const unknown = args.filter((a) => a.startsWith('--') && a !== '--summary');
  if (files.length !== 1 || unknown.length > 0) {
    io.err(`${USAGE}\n`);
    return 2;
  }
  const file = files[0]!;

  let text: string;
  try {
    // fatal: reject invalid UTF-8 rather than replace it; ignoreBOM: keep a BOM so offsets match the file.
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(readFileSync(file));
  } catch (err) {
    const reason = err instanceof TypeError ? 'is not valid UTF-8 text' : `cannot be read (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`;
    io.err(`annotate: ${file} ${reason}\n`);
    return 2;
  }

  const spans = glossaryFinder(glossary).find(text);
  const candidates = findFileCandidates(text, spans, options);
  if (!summary) {
    const rows = [
      ...spans.map((s) => ({ start: s.start, end: s.end, id: s.id, term: glossary.get(s.id)?.term ?? '', kind: 'term' as const })),
      ...candidates.map((s) => ({ start: s.start, end: s.end, id: s.id, term: candidatePhrase(s.id), kind: 'candidate' as const })),
    ].sort((a, b) => a.start - b.start);
    io.out(JSON.stringify(rows) + '\n');
    return 0;
  }
  const ranked = rankTerms(countTerms(spans));
  const lines = ranked.map(([id, count]) => {
    const e = glossary.get(id)!;
    return `${String(count).padStart(5)}  ${e.term}\t${e.english}\t(${id})`;
  });
  const rankedCandidates = rankTerms(countTerms(candidates));
  const candidateLines = rankedCandidates.map(([id, count]) => `${String(count).padStart(5)}  ${candidatePhrase(id)}\t(candidate)`);
  io.out(
    `${lines.join('\n')}\n${spans.length} occurrences of ${ranked.length} distinct terms\n` +
      (candidateLines.length ? `\ncandidates (not in the glossary):\n${candidateLines.join('\n')}\n` : '') +
      `${candidates.length} candidate occurrences of ${rankedCandidates.length} distinct phrases\n`,
  );
  return 0;
}

/** The glossary's matcher with its context guards, whole words judged by jieba (the same words as search). */
export function glossaryFinder(glossary: Glossary): SpanFinder {
  const segmenter = createSegmenter(jieba, glossaryWords(glossary.entries()));
  const matcher = new Matcher(toPatternSources(glossary.entries()));
  return new GuardedFinder(matcher, compileGuards(guardRulesOf(glossary.entries())), segmenterJudge(segmenter.cut));
}

/**
 * Candidates the way a page gets them: only in text about policy (by glossary density), paragraph by
 * paragraph (a PDF's line breaks inside a paragraph are not paragraph breaks).
 */
function findFileCandidates(text: string, spans: readonly MatchSpan[], options: CliOptions): MatchSpan[] {
  if (!isPolicyText(hanCount(text), spans)) return [];
  const found: MatchSpan[] = [];
  for (const para of text.matchAll(/[^\n]+/g)) {
    const from = para.index;
    const local = spans.filter((s) => s.start >= from && s.end <= from + para[0].length).map((s) => ({ ...s, start: s.start - from, end: s.end - from }));
    for (const c of findCandidates(para[0], local, { classify: options.classify })) found.push({ ...c, start: c.start + from, end: c.end + from });
  }
  return found;
}
