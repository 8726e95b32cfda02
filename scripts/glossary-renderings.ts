// Lists Chinese strings (a term, a form, or a formula item's zh) that the glossary renders with different
// English in different entries or items, for review. Exit 1 when any is found outside the justified list.
import { readBuiltinGlossary } from '@/lib/glossary/source-files';
import { renderingConflicts } from '@/lib/glossary/renderings';
import { JUSTIFIED_RENDERING_DIFFERENCES } from '@/lib/glossary/rendering-exceptions';

const entries = readBuiltinGlossary();
const all = process.argv.includes('--all');
const conflicts = renderingConflicts(entries, all ? new Set() : new Set(Object.keys(JUSTIFIED_RENDERING_DIFFERENCES)));
for (const c of conflicts) {
  console.log(c.zh);
  for (const r of c.renderings) console.log(`  ${r.where}${r.shared ? ' (shared form)' : ''}: ${r.en}`);
}
console.log(`${conflicts.length} Chinese strings with differing English${all ? ' (justified exceptions included)' : ''}`);
if (conflicts.length && !all) process.exitCode = 1;
