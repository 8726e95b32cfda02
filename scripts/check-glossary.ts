// Validates every assets/glossary/*.json file together and prints the problems (exit 1 when any).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { validateGlossary } from '../lib/glossary/validate';
import type { GlossaryEntry } from '../lib/glossary/types';

const dir = join(import.meta.dirname, '..', 'assets', 'glossary');
const entries: GlossaryEntry[] = [];
const onlyFile = process.argv[2];
for (const file of readdirSync(dir).filter((f) => f.endsWith('.json')).sort()) {
  try {
    const list = JSON.parse(readFileSync(join(dir, file), 'utf8')) as GlossaryEntry[];
    if (!Array.isArray(list)) throw new Error('not a JSON array');
    entries.push(...list);
    console.log(`${file}: ${list.length} entries`);
  } catch (err) {
    console.log(`${file}: cannot read: ${(err as Error).message}`);
    process.exitCode = 1;
  }
}
const scoped = entries.filter((e) => e.scope !== 'national').length;
console.log(`total ${entries.length} entries, ${scoped} Zhejiang/Jinhua-Yiwu`);
const problems = validateGlossary(entries).filter((p) => !onlyFile || p.includes(onlyFile) || true);
for (const p of problems) console.log(p);
if (problems.length) process.exitCode = 1;
