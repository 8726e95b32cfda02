// Coverage of the glossary on the held-out corpus files (issue 10), printed, never asserted.
//   npm run glossary:coverage [-- --misses N]
// Reference jargon:
//   - core: the hand-checked list in glossary-core-jargon.json;
//   - mined: candidates from the held-out files found exactly as glossary-candidates.ts finds them
//     on the mining files (same segmentation, CC-CEDICT, number, stop-word, collocation and fragment
//     filters, but without dropping what the glossary has), kept when they occur at least twice or
//     in at least two held-out documents.
// An item counts as explained when a glossary term or form equals it or lies wholly inside it.
// The glossary is read from assets/glossary/*.json whatever files exist there.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { HELD_OUT, MIN_NPMI, corpusCount, corpusDir, count, glossaryCovers, loadCedict, loadDocs, loadGlossaryForms, loadJieba, mine } from './glossary-mining';

const missesShown = Number(process.argv[process.argv.indexOf('--misses') + 1]) || 60;
if (!corpusDir()) {
  console.log('no shared corpus found: nothing to measure (set YIDU_CORPUS)');
  process.exit(0);
}
const forms = loadGlossaryForms();
const glossary = new Set(forms.map((f) => f.form));
const maxLen = Math.max(...[...glossary].map((f) => f.length));
const docs = loadDocs('held-out');
const jieba = await loadJieba(glossary);
const counts = count(docs, jieba);
const cedict = loadCedict();
// Same filters as the mining; n-grams that a glossary form covers are not dropped here.
const mined = mine(counts, { cedict, minFreq: 2, minDf: 1, minNpmi: MIN_NPMI }).filter((c) => c.f >= 2 || c.df >= 2);

const core = (JSON.parse(readFileSync(join(import.meta.dirname, 'glossary-core-jargon.json'), 'utf8')) as { terms: string[] }).terms;

function report(title: string, items: { text: string; f: number }[]) {
  const misses = items.filter((i) => !glossaryCovers(i.text, glossary, maxLen));
  const hit = items.length - misses.length;
  console.log(`\n${title}: ${hit}/${items.length} explained (${((100 * hit) / Math.max(1, items.length)).toFixed(1)}%)`);
  misses.sort((a, b) => b.f - a.f || a.text.localeCompare(b.text, 'zh'));
  const shown = misses.slice(0, missesShown);
  console.log(`misses by frequency${misses.length > shown.length ? ` (first ${shown.length} of ${misses.length})` : ''}:`);
  console.log(shown.map((m) => `${m.text} ${m.f}`).join('  '));
  return { hit, total: items.length };
}

console.log(`glossary: ${glossary.size} forms of ${new Set(forms.map((f) => f.id)).size} entries`);
console.log(`held-out files (${HELD_OUT.length}): ${HELD_OUT.map((f) => f.replace(/\.txt$/, '').replace(/^.*-(\d{4}|[a-z]+)$/, '$1')).join(', ')}; ${docs.reduce((n, d) => n + d.text.length, 0)} characters`);
const coreItems = core.map((text) => ({ text, f: corpusCount(docs, text) }));
const a = report('core jargon (hand-checked list)', coreItems);
const inText = coreItems.filter((i) => i.f > 0);
const b = report('core jargon that occurs in the held-out files', inText);
const c = report(`mined jargon of the held-out files (frequency ≥ 2 or in ≥ 2 files; ${mined.length} items)`, mined);
const top = mined.slice(0, 500);
const d = report('the 500 best-scored of the mined list', top);
const weighted = mined.reduce((n, m) => n + m.f, 0);
const weightedHit = mined.filter((m) => glossaryCovers(m.text, glossary, maxLen)).reduce((n, m) => n + m.f, 0);
console.log(`\nsummary: core ${a.hit}/${a.total}, core in text ${b.hit}/${b.total}, mined ${c.hit}/${c.total}, top 500 ${d.hit}/${d.total} (mined by occurrences ${((100 * weightedHit) / Math.max(1, weighted)).toFixed(1)}%)`);
