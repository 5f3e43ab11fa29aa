// SQL inside `DO $$ … $$` blocks. Older drizzle-kit versions wrapped foreign keys and enum types
// in DO blocks that swallow duplicate_object, so the statements inside must be linted too.

import type { DoStmt, Node } from 'libpg-query';
import { findOption } from './ast.js';
import { parsePlpgsql, parseStatements } from './parser.js';

/** the SQL statements a PL/pgSQL DO block runs, in order; none for other languages */
export async function statementsOfDoBlock(block: DoStmt): Promise<Node[]> {
  const language = findOption(block.args, 'language')?.arg;
  const languageName = language && 'String' in language ? language.String.sval?.toLowerCase() : 'plpgsql';
  const bodyArg = findOption(block.args, 'as')?.arg;
  const body = bodyArg && 'String' in bodyArg ? bodyArg.String.sval : undefined;
  if (languageName !== 'plpgsql' || body === undefined) return [];

  // the PL/pgSQL parser reads function definitions, so the body is wrapped in one
  let tag = 'stepwise_do';
  while (body.includes(`$${tag}$`)) tag += '_';
  const tree = await parsePlpgsql(`CREATE FUNCTION pg_temp.stepwise_do() RETURNS void LANGUAGE plpgsql AS $${tag}$${body}$${tag}$`);

  const statements: Node[] = [];
  for (const query of executedQueries(tree)) statements.push(...(await parseStatements(query)));
  return statements;
}

/** the text of every plain SQL statement (PLpgSQL_stmt_execsql) in a PL/pgSQL tree, in order */
function executedQueries(tree: unknown): string[] {
  const found: string[] = [];
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) {
      value.forEach(visit);
      return;
    }
    if (value === null || typeof value !== 'object') return;
    const record = value as Record<string, unknown>;
    const execsql = record.PLpgSQL_stmt_execsql as { sqlstmt?: { PLpgSQL_expr?: { query?: unknown } } } | undefined;
    const query = execsql?.sqlstmt?.PLpgSQL_expr?.query;
    if (typeof query === 'string') found.push(query);
    Object.values(record).forEach(visit);
  };
  visit(tree);
  return found;
}
