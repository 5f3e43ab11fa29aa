// Preview of a migration's statements: for each chunk (drizzle splits files on
// `--> statement-breakpoint`), whether PostgreSQL lets it run inside a transaction and which
// risks it carries, read from PostgreSQL's own parse tree.

import type { Node } from 'libpg-query';
import { statementsOfDoBlock } from './do-block.js';
import type { LintedStatement, LintWarning } from './lint-types.js';
import { MigrationScope } from './migration-scope.js';
import { parseStatements, SqlSyntaxError } from './parser.js';
import { dataLossWarnings } from './rules/data-loss.js';
import { longLockWarnings } from './rules/long-lock.js';
import { tableRewriteWarnings } from './rules/table-rewrite.js';
import { refusedInTransaction } from './transactional.js';
import { countsRows } from './counts-rows.js';

/**
 * One preview per chunk, in order. `statements` are the chunks of one migration, which run back
 * to back: a table created by an earlier chunk counts as new and empty (no lock, rewrite or loss
 * to report), which would be wrong across a data step. A chunk PostgreSQL cannot parse gets
 * `parseError` and no warnings; it never throws for bad SQL.
 */
export async function analyzeStatements(statements: string[]): Promise<LintedStatement[]> {
  const scope = new MigrationScope();
  const previews: LintedStatement[] = [];
  for (const sql of statements) previews.push(await analyzeChunk(sql, scope));
  return previews;
}

async function analyzeChunk(sql: string, scope: MigrationScope): Promise<LintedStatement> {
  let parsed: Node[];
  try {
    parsed = await parseStatements(sql);
  } catch (error) {
    if (error instanceof SqlSyntaxError) return { sql, transactional: true, countsRows: true, warnings: [], parseError: error.message };
    throw error;
  }
  let transactional = true;
  const counts = parsed.some(countsRows);
  const warnings: LintWarning[] = [];
  for (const stmt of parsed) {
    if (refusedInTransaction(stmt, scope) !== null) transactional = false;
    try {
      warnings.push(...(await warningsOf(stmt, scope)));
    } catch (error) {
      // a DO block whose PL/pgSQL body does not parse
      if (error instanceof SqlSyntaxError) return { sql, transactional, countsRows: counts, warnings: [], parseError: error.message };
      throw error;
    }
  }
  return { sql, transactional, countsRows: counts, warnings };
}

async function warningsOf(stmt: Node, scope: MigrationScope): Promise<LintWarning[]> {
  if ('DoStmt' in stmt) {
    const inner: LintWarning[] = [];
    for (const innerStmt of await statementsOfDoBlock(stmt.DoStmt)) inner.push(...(await warningsOf(innerStmt, scope)));
    return inner;
  }
  const warnings = [
    ...dataLossWarnings(stmt, scope),
    ...tableRewriteWarnings(stmt, scope),
    ...longLockWarnings(stmt, scope),
  ];
  scope.record(stmt);
  return warnings;
}
