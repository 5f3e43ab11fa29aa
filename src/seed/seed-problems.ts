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

/** Zod's issues as problems; parse with `reportInput: true` so messages can quote the value. */
export function problemsFromIssues(issues: readonly z.core.$ZodIssue[]): SeedProblem[] {
  return issues.flatMap((issue): SeedProblem[] => {
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({ path: formatPath([...issue.path, key]), message: 'unknown field' }));
    }
    return [{ path: formatPath(issue.path), message: describeIssue(issue) }];
  });
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
