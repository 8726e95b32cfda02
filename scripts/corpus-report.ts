// Evaluation aid: on ../shared/corpus (when present), how much the glossary marks, which quoted
// phrases it leaves unexplained, and what the candidate-jargon finder flags.
//   npx tsx scripts/corpus-report.ts
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { readBuiltinGlossary } from '@/lib/glossary/source-files';
const BUILTIN_GLOSSARY = readBuiltinGlossary();
import { toPatternSources } from '@/lib/glossary/glossary';
import { Matcher } from '@/lib/matcher/matcher';
import { candidatePhrase, findCandidates } from '@/lib/annotate/candidates';

const dir = resolve(import.meta.dirname, '../../shared/corpus');
if (!existsSync(dir)) {
  console.log(`no corpus at ${dir}`);
  process.exit(0);
}
const matcher = new Matcher(toPatternSources(BUILTIN_GLOSSARY));
let quotedTotal = 0;
let quotedCovered = 0;
let candidateTotal = 0;
for (const file of readdirSync(dir).filter((f) => f.endsWith('.txt')).sort()) {
  // PDF columns break lines mid-word: join lines, keep paragraph breaks (blank lines).
  const text = readFileSync(join(dir, file), 'utf8').replace(/\r/g, '').replace(/(?<!\n)\n(?!\n)/g, '');
  const spans = matcher.find(text);
  const distinct = new Set(spans.map((s) => s.id));
  const quoted = [...text.matchAll(/“([\p{Script=Han}]{2,8})”/gu)];
  const uncovered = new Set<string>();
  for (const q of quoted) {
    const start = q.index! + 1;
    const end = start + q[1]!.length;
    quotedTotal++;
    if (spans.some((s) => s.start < end && start < s.end)) quotedCovered++;
    else uncovered.add(q[1]!);
  }
  const candidates = text.split(/\n\n+/).flatMap((para) => findCandidates(para, matcher.find(para)).map((c) => candidatePhrase(c.id)));
  candidateTotal += candidates.length;
  console.log(`\n## ${file}: ${text.length} chars, ${spans.length} glossary matches of ${distinct.size} entries`);
  console.log(`quoted phrases: ${quoted.length}, not covered by the glossary: ${[...uncovered].join(' ') || '(none)'}`);
  console.log(`candidate marks (${candidates.length}): ${candidates.join(' ')}`);
}
console.log(`\nquoted phrases covered by the glossary: ${quotedCovered}/${quotedTotal} (${((100 * quotedCovered) / Math.max(1, quotedTotal)).toFixed(0)}%)`);
console.log(`candidate marks on the corpus: ${candidateTotal}`);
