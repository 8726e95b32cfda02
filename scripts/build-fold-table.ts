// Writes assets/traditional-fold.json: the traditional→simplified character pairs the matcher folds
// (lib/matcher/fold.ts), so traditional or mixed text matches the simplified glossary without storing
// traditional spellings. opencc-js is used here only, at build time. Run: `npm run glossary:fold-table`.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as OpenCC from 'opencc-js';

const toSimplified = [
  OpenCC.Converter({ from: 't', to: 'cn' }),
  OpenCC.Converter({ from: 'tw', to: 'cn' }),
  OpenCC.Converter({ from: 'hk', to: 'cn' }),
];

// Every CJK character that some OpenCC variant writes differently from simplified Chinese.
let pairs = '';
for (let code = 0x3400; code < 0xa000; code++) {
  const ch = String.fromCharCode(code);
  let simplified = ch;
  for (const conv of toSimplified) simplified = conv(simplified);
  if (simplified !== ch && simplified.length === 1) pairs += ch + simplified;
}
writeFileSync(join(import.meta.dirname, '..', 'assets', 'traditional-fold.json'), JSON.stringify({ pairs }) + '\n');
console.log(`traditional-fold.json: ${pairs.length / 2} character pairs`);
