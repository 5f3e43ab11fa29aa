// A CREATE INDEX CONCURRENTLY that fails (duplicate key, lock_timeout, a kill) leaves its index
// behind marked INVALID: never used by queries, yet maintained on every write, and it blocks the
// retry ("relation already exists") or, with IF NOT EXISTS, lets the retry "succeed" without an
// index. Before a migration runs, the invalid indexes its own concurrent statements name go.
import type { Database } from '../db/database.js';
import { quoteIdent } from '../db/quote.js';

export interface ConcurrentIndex {
  /** the index name as PostgreSQL stores it */
  name: string;
  /** the table as the SQL wrote it, quoted, for to_regclass (search_path resolves unqualified names) */
  table: string;
}

/** The named indexes a migration's statements create concurrently, found by PostgreSQL's parser. */
export async function concurrentIndexes(statements: string[]): Promise<ConcurrentIndex[]> {
  if (statements.length === 0) return [];
  const { parseStatements } = await import('../lint/parser.js');
  const found: ConcurrentIndex[] = [];
  for (const sql of statements) {
    let nodes: Awaited<ReturnType<typeof parseStatements>>;
    try {
      nodes = await parseStatements(sql);
    } catch {
      continue; // SQL the parser rejects fails in the migration itself, with the server's message
    }
    for (const node of nodes) {
      if (!('IndexStmt' in node)) continue;
      const { concurrent, idxname, relation } = node.IndexStmt;
      // an unnamed index gets a generated name we cannot tie to this statement: left alone
      if (!concurrent || !idxname || !relation?.relname) continue;
      const table = relation.schemaname ? `${quoteIdent(relation.schemaname)}.${quoteIdent(relation.relname)}` : quoteIdent(relation.relname);
      found.push({ name: idxname, table });
    }
  }
  return found;
}

/**
 * Drops each index the statements create concurrently that exists and is invalid (a valid one
 * is someone's working index and stays). Returns the dropped indexes, schema-qualified.
 * Outside a transaction it uses DROP INDEX CONCURRENTLY, which does not block writes.
 */
export async function dropInvalidIndexes(db: Database, statements: string[]): Promise<string[]> {
  const dropped: string[] = [];
  for (const index of await concurrentIndexes(statements)) {
    // an index lives in its table's schema
    const { rows } = await db.query<{ schema: string }>(
      `SELECT n.nspname AS schema
         FROM pg_index i
         JOIN pg_class c ON c.oid = i.indexrelid
         JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE NOT i.indisvalid AND c.relname = $1 AND i.indrelid = to_regclass($2)`,
      [index.name, index.table],
    );
    for (const { schema } of rows) {
      const qualified = `${quoteIdent(schema)}.${quoteIdent(index.name)}`;
      await db.exec(`DROP INDEX ${db.depth === 0 ? 'CONCURRENTLY ' : ''}IF EXISTS ${qualified}`);
      dropped.push(qualified);
    }
  }
  return dropped;
}
