// Validates every assets/glossary/*.json file together and prints the problems (exit 1 when any).
import { readGlossarySourceFiles } from '@/lib/glossary/source-files';
import { validateGlossary } from '@/lib/glossary/validate';
import { problemInEnglish } from './problem-english';

const files = readGlossarySourceFiles();
for (const { file, entries } of files) console.log(`${file}: ${entries.length} entries`);
const entries = files.flatMap((f) => f.entries);
const scoped = entries.filter((e) => e.scope !== 'national').length;
console.log(`total ${entries.length} entries, ${scoped} Zhejiang/Jinhua-Yiwu`);
const problems = validateGlossary(entries);
for (const p of problems) console.log(problemInEnglish(p));
if (problems.length) process.exitCode = 1;
