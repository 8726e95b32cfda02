/**
 * Type checks for records read from files the user picks (glossary packs, backups): a file may have
 * been edited by hand, so every field is checked before anything else reads it.
 */
import { phrase, problem, type Phrase, type Problem } from './problems';

/** [test, what the field must be (worded by the screen), optional]. */
export type FieldCheck = readonly [test: (value: unknown) => boolean, expected: Phrase, optional?: 'optional'];

export const isText = (v: unknown): v is string => typeof v === 'string';
export const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
export const isBoolean = (v: unknown): v is boolean => typeof v === 'boolean';
export const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
export const isTextList = (v: unknown): v is string[] => Array.isArray(v) && v.every(isText);
export const oneOf =
  (values: readonly string[]) =>
  (v: unknown): boolean =>
    typeof v === 'string' && values.includes(v);

export const TEXT: FieldCheck = [isText, phrase('typeText')];
export const NUMBER: FieldCheck = [isNumber, phrase('typeNumber')];
export const TEXT_LIST: FieldCheck = [isTextList, phrase('typeTextList')];
export const BOOLEAN: FieldCheck = [isBoolean, phrase('typeBoolean')];
export const oneOfCheck = (values: readonly string[]): FieldCheck => [oneOf(values), phrase('typeOneOf', values.map((v) => `"${v}"`).join(', '))];

/** One problem per field that is missing or of the wrong type: `"title" must be text`. */
export function fieldProblems(value: unknown, spec: Record<string, FieldCheck>): Problem[] {
  if (!isRecord(value)) return [problem('problemNotObject')];
  const problems: Problem[] = [];
  for (const [field, [test, expected, optional]] of Object.entries(spec)) {
    const v = value[field];
    if (v === undefined && optional) continue;
    if (v === undefined) problems.push(problem('problemFieldMissing', field));
    else if (!test(v)) problems.push(problem('problemFieldType', field, expected));
  }
  return problems;
}
