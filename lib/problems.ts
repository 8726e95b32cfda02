/**
 * Problems found in data (a pack, a backup, an entry typed in a form) as message keys with their
 * substitutions, never as sentences: lib/ finds them, the screen words them in the interface language
 * (components/problem-text.ts). A substitution may itself be a phrase to word (a field, a type, a place).
 */
import type { MessageKey } from './i18n-messages';

export interface Phrase {
  key: MessageKey;
  args?: readonly (string | number | Phrase)[];
}

export interface Problem extends Phrase {
  /** Where it applies: the file, the record and its number, the field. */
  where?: Phrase;
}

export const phrase = (key: MessageKey, ...args: (string | number | Phrase)[]): Phrase => ({ key, args });

export const problem = (key: MessageKey, ...args: (string | number | Phrase)[]): Problem => ({ key, args });

export const at = (where: Phrase | undefined, found: readonly Problem[]): Problem[] =>
  where ? found.map((p) => ({ ...p, where: p.where ? phrase('whereNested', where, p.where) : where })) : [...found];

/** Data that failed a check; nothing was written. `problems` are worded by the screen that shows them. */
export class ProblemError extends Error {
  constructor(readonly problems: Problem[]) {
    super(problems.map((p) => p.key).join(', '));
    this.name = 'ProblemError';
  }
}

export const isProblem = (value: unknown): value is Problem =>
  typeof value === 'object' && value !== null && typeof (value as Problem).key === 'string';
