// One problem of a seed file, named by its JSON path the way an operator reads it in an editor:
// `products[3].variants[0].prices[1].amount: expected a number, got "19.50" (a string)`.
import type { z } from 'zod';

export interface SeedProblem {
  /** e.g. `products[3].variants[0].prices[1].amount`; `(file)` for the file as a whole */
  path: string;
  message: string;
}

export type JsonPath = ReadonlyArray<PropertyKey>;

const identifier = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

export function formatPath(path: JsonPath): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else if (typeof key === 'string' && identifier.test(key)) out += out ? `.${key}` : key;
    else out += `[${JSON.stringify(String(key))}]`;
  }
  return out || '(file)';
}

export function formatProblem(problem: SeedProblem): string {
  return `${problem.path}: ${problem.message}`;
}

/**
 * Pass to safeParse as `error`: an unknown-field issue then carries the object's known fields
 * (as JSON in its message), so the problem can name the field that was probably meant.
 */
export const seedErrorMap: z.core.$ZodErrorMap = (issue) => {
  if (issue.code !== 'unrecognized_keys') return undefined;
  const shape = (issue.inst as { _zod?: { def?: { shape?: object } } } | undefined)?._zod?.def?.shape;
  return shape ? JSON.stringify(Object.keys(shape)) : undefined;
};

/** Zod's issues as problems; parse with `reportInput: true` so messages can quote the value. */
export function problemsFromIssues(issues: readonly z.core.$ZodIssue[]): SeedProblem[] {
  return issues.flatMap((issue): SeedProblem[] => {
    if (issue.code === 'unrecognized_keys') {
      const known = knownFields(issue.message);
      return issue.keys.map((key) => ({ path: formatPath([...issue.path, key]), message: unknownField(key, known) }));
    }
    return [{ path: formatPath(issue.path), message: describeIssue(issue) }];
  });
}

function knownFields(message: string): string[] {
  try {
    const fields: unknown = JSON.parse(message);
    return Array.isArray(fields) ? fields.map(String) : [];
  } catch {
    return [];
  }
}

function unknownField(key: string, known: string[]): string {
  const near = known
    .map((field) => ({ field, distance: editDistance(key.toLowerCase(), field) }))
    .filter(({ distance }) => distance <= Math.min(2, Math.floor((key.length - 1) / 2)))
    .sort((a, b) => a.distance - b.distance)[0];
  if (near) return `unknown field (did you mean "${near.field}"?)`;
  return known.length > 0 ? `unknown field (expected one of: ${known.join(', ')})` : 'unknown field';
}

/** Levenshtein distance, for "did you mean" */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length];
}

function describeIssue(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return describeInvalidType(issue.expected, issue.input, issue.path);
    case 'invalid_value':
      return `expected one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}, got ${describeValue(issue.input)}`;
    case 'invalid_format':
      return `${issue.message}, got ${JSON.stringify(issue.input)}`;
    case 'too_small':
      return describeTooSmall(issue);
    case 'too_big':
      return issue.origin === 'array' || issue.origin === 'string'
        ? `must have at most ${issue.maximum} ${issue.origin === 'array' ? 'entries' : 'characters'}`
        : `must be at most ${issue.maximum}, got ${describeValue(issue.input)}`;
    default:
      return issue.message;
  }
}

const article: Record<string, string> = {
  string: 'a string',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  object: 'an object',
  array: 'an array',
  record: 'an object',
};

function describeInvalidType(expected: string, input: unknown, path: JsonPath): string {
  const wanted = article[expected] ?? expected;
  if (input === undefined) return `required, expected ${wanted}`;
  const money = path[path.length - 1] === 'amount' ? ' (amounts are in the minor unit, e.g. cents: 1950 for 19.50)' : '';
  return `expected ${wanted}, got ${describeValue(input)}${money}`;
}

function describeTooSmall(issue: z.core.$ZodIssueTooSmall): string {
  if (issue.origin === 'string') {
    return issue.minimum === 1 ? 'must not be empty' : issue.message;
  }
  if (issue.origin === 'array') {
    return `must have at least ${issue.minimum} ${issue.minimum === 1 ? 'entry' : 'entries'}`;
  }
  const bound = issue.inclusive ? 'at least' : 'greater than';
  return `must be ${bound} ${issue.minimum}, got ${describeValue(issue.input)}`;
}

export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  switch (typeof value) {
    case 'string':
      return `${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)} (a string)`;
    case 'number':
    case 'boolean':
      return String(value);
    case 'object':
      return 'an object';
    default:
      return typeof value;
  }
}
