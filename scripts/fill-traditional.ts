// Fills each glossary entry's `traditional` list from its simplified surfaces with opencc-js, and writes
// assets/traditional-fold.json: traditional→simplified character pairs that the matcher folds
// (so traditional or mixed text matches). Run after editing the glossary: `npm run glossary:traditional`.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as OpenCC from 'opencc-js';
import type { GlossaryEntry } from '../lib/glossary/types';

const dir = join(import.meta.dirname, '..', 'assets', 'glossary');
const toTraditional = [
  OpenCC.Converter({ from: 'cn', to: 't' }),
  OpenCC.Converter({ from: 'cn', to: 'tw' }),
  OpenCC.Converter({ from: 'cn', to: 'hk' }),
];
const toSimplified = [
  OpenCC.Converter({ from: 't', to: 'cn' }),
  OpenCC.Converter({ from: 'tw', to: 'cn' }),
  OpenCC.Converter({ from: 'hk', to: 'cn' }),
];

for (const file of readdirSync(dir).filter((f) => f.endsWith('.json'))) {
  const path = join(dir, file);
  const entries = JSON.parse(readFileSync(path, 'utf8')) as GlossaryEntry[];
  for (const entry of entries) {
    const surfaces = [entry.term, ...entry.forms];
    // The headword's traditional spelling always comes first (even where it is the same as the
    // simplified one); other forms' spellings follow only where they differ.
    const traditional = new Set<string>([toTraditional[0]!(entry.term)]);
    for (const s of surfaces) for (const conv of toTraditional) traditional.add(conv(s));
    for (const s of entry.forms) traditional.delete(s);
    if (entry.forms.includes(entry.term)) traditional.delete(entry.term);
    entry.traditional = [...traditional];
  }
  writeFileSync(path, JSON.stringify(entries, null, 2) + '\n');
  console.log(`${file}: ${entries.length} entries`);
}

// Every CJK character that some OpenCC variant writes differently from simplified Chinese.
let pairs = '';
for (let code = 0x3400; code < 0xa000; code++) {
  const ch = String.fromCharCode(code);
  let simplified = ch;
  for (const conv of toSimplified) simplified = conv(simplified);
  if (simplified !== ch && simplified.length === 1) pairs += ch + simplified;
}
writeFileSync(join(dir, '..', 'traditional-fold.json'), JSON.stringify(pairs) + '\n');
console.log(`traditional-fold.json: ${pairs.length / 2} character pairs`);
