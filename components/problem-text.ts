/** Words the problems lib/ finds (lib/problems.ts) in the interface language. */
import type { Phrase, Problem } from '@/lib/problems';
import { t } from '@/lib/i18n';

export function say(phrase: Phrase): string {
  return t(phrase.key, (phrase.args ?? []).map((a) => (typeof a === 'object' ? say(a) : a)));
}

export function problemText(problem: Problem): string {
  return problem.where ? t('problemAt', [say(problem.where), say(problem)]) : say(problem);
}

/** At most `max` problems, then a line saying how many more there are, so a message stays readable. */
export function problemLines(problems: readonly Problem[], max = 20): string[] {
  const lines = problems.slice(0, max).map(problemText);
  if (problems.length > max) lines.push(t('problemMore', problems.length - max));
  return lines;
}
