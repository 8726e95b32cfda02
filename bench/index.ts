// `npm run bench`: prints figures for the speed and size targets (never asserts on time).
// Build first (`npm run build`): the in-browser figures load .output/chrome-mv3.
import { statSync } from 'node:fs';
import { benchMatcher } from './matcher.bench';
import { benchAnnotation } from './annotate.bench';
import { benchFirstMarks } from './first-marks.bench';
import { benchPatternLoading } from './pattern-loading.bench';
import { benchLongPages } from './long-pages.bench';
import { benchRealPages } from './real-pages.bench';
import { benchSave } from './save.bench';
import { benchSearch } from './search.bench';
import { benchStartup } from './startup.bench';
import { benchPinyin } from './pinyin.bench';
import { benchLookup } from './lookup.bench';
import { EXTENSION_DIR } from '@/tests/e2e/harness';

console.log(`Yidu benchmarks — node ${process.version}, ${new Date().toISOString()}`);
benchMatcher();
const contentScript = statSync(`${EXTENSION_DIR}/content-scripts/annotate.js`).size / 1024;
console.log(`\n## Content script: annotate.js ${contentScript.toFixed(1)} KB minified (budget ≤ 130 KB)`);
await benchStartup();
await benchLookup();
await benchAnnotation();
await benchFirstMarks();
await benchPatternLoading();
await benchLongPages();
await benchRealPages();
await benchSave();
await benchSearch();
await benchPinyin();
