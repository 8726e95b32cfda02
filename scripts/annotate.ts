// The annotate CLI (a stable contract that evaluation tools use):
//   npm run --silent annotate -- FILE            → JSON [{start,end,id,term}] (UTF-16 offsets into FILE's text)
//   npm run --silent annotate -- --summary FILE  → a table of terms with counts
//   npm run --silent annotate -- --entries       → every glossary entry as a JSON array
// An unreadable or non-UTF-8 file exits 2 with a one-line message on stderr.
//
// Each span has "kind": "term" (a glossary entry) or "candidate" (jargon the glossary lacks; its id
// starts with "candidate:"). Candidates are found only in text about policy, as on pages.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { runAnnotateCli } from '@/lib/cli/annotate-cli';
import { openDictionary } from '@/lib/dictionary';
import { phraseKind } from '@/lib/dictionary/phrase-kind';
import { writeDictionaryAsset } from './build-dictionary';
import * as jieba from 'jieba-wasm';
import { createSegmenter, glossaryWords } from '@/lib/search/segmenter';
import { readBuiltinGlossary } from '@/lib/glossary/source-files';

// The same packed CC-CEDICT the extension ships (built once into .wxt/, then reused).
const dictionary = openDictionary(readFileSync(writeDictionaryAsset(resolve(import.meta.dirname, '..', '.wxt', 'dictionary.bin'))));

const segmenter = createSegmenter(jieba, glossaryWords(readBuiltinGlossary()));

process.exitCode = runAnnotateCli(
  process.argv.slice(2),
  { out: (s) => process.stdout.write(s), err: (s) => process.stderr.write(s) },
  { classify: (phrase) => phraseKind(dictionary, phrase, segmenter.isWord) },
);
