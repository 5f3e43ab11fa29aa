// Reading and validating a seed file, all of it, before the database is touched. Every problem
// is collected, so an operator fixes the file in one pass instead of one error per run.
import { readFile } from 'node:fs/promises';
import { UserError } from '../errors.js';
import { parseJson } from './json-syntax.js';
import type { SeedFile } from './seed-file-schema.js';
import { seedFileSchema } from './seed-file-schema.js';
import type { SeedProblem } from './seed-problems.js';
import { formatProblem, problemsFromIssues, seedErrorMap } from './seed-problems.js';
import { checkSeedReferences } from './seed-references.js';

export type SeedFileErrorKind = 'unreadable' | 'syntax' | 'invalid';

/**
 * The file cannot be seeded. User-fixable: the message names the file and lists every problem
 * as `path: message`, one a line; nothing was written.
 */
export class SeedFileError extends UserError {
  override readonly name = 'SeedFileError';

  constructor(
    readonly file: string,
    readonly kind: SeedFileErrorKind,
    readonly problems: SeedProblem[],
    headline: string,
  ) {
    super([headline, ...problems.map((problem) => `  ${formatProblem(problem)}`)].join('\n'));
  }
}

export async function loadSeedFile(path: string): Promise<SeedFile> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const reason = readFailure(error as NodeJS.ErrnoException);
    throw new SeedFileError(path, 'unreadable', [], `Cannot read the seed file ${path}: ${reason}.`);
  }
  return parseSeedText(text, path);
}

/** Parses and validates the text of a seed file; `source` names it in messages. */
export function parseSeedText(text: string, source = 'the seed file'): SeedFile {
  const parsed = parseJson(text);
  if (!parsed.ok) {
    const { line, column, message } = parsed.error;
    const problem = { path: `${source}:${line}:${column}`, message };
    throw new SeedFileError(source, 'syntax', [problem], `${source} is not valid JSON:`);
  }
  return validateSeed(parsed.value, source);
}

/** Validates an already-parsed seed object (a generated one, or JSON from elsewhere). */
export function validateSeed(data: unknown, source = 'the seed data'): SeedFile {
  const result = seedFileSchema.safeParse(data, { reportInput: true, error: seedErrorMap });
  const problems = result.success ? checkSeedReferences(result.data) : problemsFromIssues(result.error.issues);
  if (problems.length > 0) {
    const count = problems.length === 1 ? '1 problem' : `${problems.length} problems`;
    throw new SeedFileError(source, 'invalid', problems, `${source} has ${count}; nothing was written:`);
  }
  return result.data!;
}

function readFailure(error: NodeJS.ErrnoException): string {
  switch (error.code) {
    case 'ENOENT':
      return 'no such file (pass another one with --file)';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'it is a directory, not a file';
    default:
      return error.message;
  }
}
