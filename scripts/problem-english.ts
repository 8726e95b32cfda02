// Problems (lib/problems.ts) worded in English for command-line tools, which run outside the
// extension: the same catalog as the interface, without its storage-backed language choice.
import { MESSAGES } from '@/lib/i18n-messages';
import type { Phrase, Problem } from '@/lib/problems';

function say(phrase: Phrase): string {
  const args = (phrase.args ?? []).map((a) => (typeof a === 'object' ? say(a) : String(a)));
  return MESSAGES.en[phrase.key].replace(/\$(\$|[1-9])/g, (_, d: string) => (d === '$' ? '$' : (args[Number(d) - 1] ?? '')));
}

export function problemInEnglish(problem: Problem): string {
  return problem.where ? `${say(problem.where)}: ${say(problem)}` : say(problem);
}
