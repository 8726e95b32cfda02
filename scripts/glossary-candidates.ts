// Glossary mining (issue 10): ranks phrases of the policy corpus and the Yiwu pages that the
// glossary does not have and CC-CEDICT does not explain, for a reviewer to read top-down.
//   npx tsx scripts/glossary-candidates.ts [out.tsv]      (default /work/tmp/candidates.tsv)
// The held-out files (HELD_OUT in glossary-mining.ts) are left out; see glossary-coverage.ts.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { MIN_NPMI, count, loadCedict, loadDocs, loadGlossaryForms, loadJieba, mine } from './glossary-mining';

const out = process.argv[2] ?? '/work/tmp/candidates.tsv';
const t0 = Date.now();
const forms = loadGlossaryForms();
const glossary = new Set(forms.map((f) => f.form));
const docs = loadDocs('mining');
const jieba = await loadJieba(glossary);
const counts = count(docs, jieba);
const cedict = loadCedict();
const candidates = mine(counts, { glossary, cedict, minFreq: 3, minDf: 2, minNpmi: MIN_NPMI });

const rows = ['rank\tcandidate\tscore\tfrequency\tdocuments\tlatest_year\tcontext'];
candidates.forEach((c, i) => rows.push([i + 1, c.text, c.score.toFixed(2), c.f, c.df, c.year, c.context.replace(/\t/g, ' ')].join('\t')));
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, rows.join('\n') + '\n');
const chars = docs.reduce((n, d) => n + d.text.length, 0);
console.log(`${docs.length} documents (${chars} characters), ${counts.tokens} words, ${counts.stats.size} distinct n-grams`);
console.log(`glossary: ${glossary.size} forms; ${candidates.length} candidates written to ${out} in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
