/**
 * Type checks for records read from files the user picks (glossary packs, backups): a file may have
 * been edited by hand, so every field is checked before anything else reads it.
 */
export type FieldCheck = readonly [test: (value: unknown) => boolean, expected: string, optional?: 'optional'];

export const isText = (v: unknown): v is string => typeof v === 'string';
export const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
export const isBoolean = (v: unknown): v is boolean => typeof v === 'boolean';
export const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
export const isTextList = (v: unknown): v is string[] => Array.isArray(v) && v.every(isText);
export const oneOf =
  (values: readonly string[]) =>
  (v: unknown): boolean =>
    typeof v === 'string' && values.includes(v);

export const TEXT: FieldCheck = [isText, 'text'];
export const NUMBER: FieldCheck = [isNumber, 'a number'];
export const TEXT_LIST: FieldCheck = [isTextList, 'a list of text'];

/** One line per field that is missing or of the wrong type: `"title" must be text`. */
export function fieldProblems(value: unknown, spec: Record<string, FieldCheck>): string[] {
  if (!isRecord(value)) return ['is not an object'];
  const problems: string[] = [];
  for (const [field, [test, expected, optional]] of Object.entries(spec)) {
    const v = value[field];
    if (v === undefined && optional) continue;
    if (v === undefined) problems.push(`"${field}" is missing`);
    else if (!test(v)) problems.push(`"${field}" must be ${expected}`);
  }
  return problems;
}

/** At most `max` problems, then a line saying how many more there are, so a message stays readable. */
export function firstProblems(problems: readonly string[], max = 20): string[] {
  if (problems.length <= max) return [...problems];
  return [...problems.slice(0, max), `…and ${problems.length - max} more problems.`];
}
