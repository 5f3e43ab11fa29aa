// Shorthands for the lint tests: analyze a migration and look at its last chunk's findings,
// the earlier chunks being what the migration did before it.
import { analyzeStatements } from '../../src/lint/analyze.js';
import type { LintWarning } from '../../src/lint/lint-types.js';

export async function warningsOfLast(...chunks: string[]): Promise<LintWarning[]> {
  const last = (await analyzeStatements(chunks)).at(-1)!;
  if (last.parseError) throw new Error(`test SQL does not parse: ${last.parseError}`);
  return last.warnings;
}

export async function kindsOfLast(kind: LintWarning['kind'], ...chunks: string[]): Promise<LintWarning[]> {
  return (await warningsOfLast(...chunks)).filter((warning) => warning.kind === kind);
}

export async function isTransactional(...chunks: string[]): Promise<boolean> {
  const last = (await analyzeStatements(chunks)).at(-1)!;
  if (last.parseError) throw new Error(`test SQL does not parse: ${last.parseError}`);
  return last.transactional;
}
