// Candidate precision, for review: every candidate mark the content script would place on the corpus
// (the three Yiwu pages and the policy reports in ../shared/corpus), with its context, and a seeded
// random sample of 200 to judge by hand (tests/fixtures/candidate-judgement.tsv holds a judged sample).
//   npx tsx scripts/candidate-report.ts [all.tsv] [sample.tsv]
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Glossary } from '@/lib/glossary/glossary';
import { readBuiltinGlossary } from '@/lib/glossary/source-files';
import { glossaryFinder } from '@/lib/cli/annotate-cli';
import { candidatePhrase, findCandidates, isPolicyText } from '@/lib/annotate/candidates';
import { hanCount } from '@/lib/han';
import { openDictionary } from '@/lib/dictionary';
import { phraseKind } from '@/lib/dictionary/phrase-kind';
import { writeDictionaryAsset } from './build-dictionary';
import * as jieba from 'jieba-wasm';
import { createSegmenter, glossaryWords } from '@/lib/search/segmenter';

const corpus = process.env.YIDU_CORPUS ?? resolve(import.meta.dirname, '../../shared/corpus');
if (!existsSync(corpus)) {
  console.log(`no corpus at ${corpus}`);
  process.exit(0);
}
const [allOut = '.tmp/candidates-all.tsv', sampleOut = '.tmp/candidates-sample.tsv'] = process.argv.slice(2);
const dictionary = openDictionary(readFileSync(writeDictionaryAsset(resolve(import.meta.dirname, '..', '.wxt', 'dictionary.bin'))));
const finder = glossaryFinder(new Glossary(readBuiltinGlossary()));
const segmenter = createSegmenter(jieba, glossaryWords(readBuiltinGlossary()));
const classify = (phrase: string) => phraseKind(dictionary, phrase, segmenter.isWord);

const files = [
  ...readdirSync(corpus).filter((f) => f.endsWith('.txt')).map((f) => join(corpus, f)),
  ...readdirSync(join(corpus, 'policy')).filter((f) => f.endsWith('.txt')).map((f) => join(corpus, 'policy', f)),
];
const rows: string[] = [];
let policyFiles = 0;
for (const file of files) {
  // PDF columns break lines mid-word (Yiwu pages): join lines, keep paragraph breaks.
  const text = readFileSync(file, 'utf8').replace(/\r/g, '').replace(/(?<!\n)\n(?!\n)/g, '');
  if (!isPolicyText(hanCount(text), finder.find(text))) continue;
  policyFiles++;
  for (const para of text.split(/\n+/)) {
    for (const c of findCandidates(para, finder.find(para), { classify })) {
      const context = para.slice(Math.max(0, c.start - 15), c.end + 15).replace(/\t/g, ' ');
      rows.push([file.split('/').pop(), candidatePhrase(c.id), context].join('\t'));
    }
  }
}
writeFileSync(allOut, rows.join('\n') + '\n');
// A seeded shuffle, so the sample is the same on every run over the same data.
let seed = Number(process.env.CANDIDATE_SEED ?? 20261201);
const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
const sample = rows.map((r) => [random(), r] as const).sort((a, b) => a[0] - b[0]).slice(0, 200).map(([, r]) => r);
writeFileSync(sampleOut, sample.join('\n') + '\n');
console.log(`${rows.length} candidate marks in ${policyFiles} policy files (of ${files.length}); all in ${allOut}, a sample of ${sample.length} in ${sampleOut}`);
