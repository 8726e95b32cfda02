/**
 * pinyin-choices.json: for each CC-CEDICT headword with several readings (行, 重点, 了解…), the one
 * pinyin-pro gives the word on its own, where it differs from CC-CEDICT's default (lib/pinyin/word-readings.ts).
 * The background reads pages' pinyin from the dictionary and this table, so pinyin-pro's judgement of
 * polyphones ships as a few KB of data instead of 300 KB of code. Run by the build hook in its own
 * process (./pinyin-choices-asset.ts), since the WXT config loader cannot load pinyin-pro's JSON imports.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openDictionary } from '../lib/dictionary';
import { readingOf } from '../lib/pinyin/reading';
import { defaultReading } from '../lib/pinyin/word-readings';
import { readCedict } from './build-dictionary';

const HAN_ONLY = /^[\u3400-\u9fff\uf900-\ufaff]+$/;

export function buildPinyinChoices(dictionaryFile: string): Record<string, string> {
  const dict = openDictionary(readFileSync(dictionaryFile));
  const heads = new Set<string>();
  for (const row of readCedict().all) for (const w of [row[0], row[1]]) if (HAN_ONLY.test(w)) heads.add(w);
  const choices: Record<string, string> = {};
  for (const word of [...heads].sort()) {
    const length = Array.from(word).length;
    const entries = dict.lookup(word).filter((e) => e.pinyinNumbered.split(' ').length === length);
    const readings = new Set(entries.map((e) => e.pinyin.normalize('NFC').toLowerCase()));
    if (readings.size < 2) continue;
    const chosen = readingOf(word).map((r) => r.pinyin ?? '?').join(' ').normalize('NFC');
    // Only a choice among CC-CEDICT's own readings: pinyin-pro's tone changes and slips stay out.
    if (readings.has(chosen) && chosen !== defaultReading(entries, length)) choices[word] = chosen;
  }
  return choices;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [out, dictionaryFile] = process.argv.slice(2);
  if (!out || !dictionaryFile) {
    console.error('usage: npx tsx scripts/build-pinyin-choices.ts OUT.json DICTIONARY.bin');
    process.exit(2);
  }
  const choices = buildPinyinChoices(dictionaryFile);
  mkdirSync(dirname(resolve(out)), { recursive: true });
  writeFileSync(out, JSON.stringify(choices));
  console.log(`${out}: ${Object.keys(choices).length} choices`);
}
