// Reads what the database has recorded, without writing anything (a dry run calls this too).
// Two round trips whatever the history's length: every command starts here, `status` is little more.
import type { Queryable } from '../core/data-step.js';
import type { DatabaseFacts, HistoryEntry, RecordedMigration } from '../core/state.js';

interface HistoryRow {
  version: string;
  step_id: string;
  kind: 'migration' | 'script';
  checksum: string;
  outcome: HistoryEntry['outcome'];
  finished_at: string | null;
  error: string | null;
  database_user: string;
}

export async function readDatabaseFacts(db: Queryable, backendTableNames: string[]): Promise<DatabaseFacts> {
  const { rows } = await db.query<{ drizzle: string | null; history: string | null; backend: string[] | null }>(
    `SELECT to_regclass('drizzle.__drizzle_migrations')::text AS drizzle, to_regclass('stepwise.history')::text AS history,
            (SELECT array_agg(c.relname::text ORDER BY c.relname) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
              WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND c.relname = ANY($1::text[])) AS backend`,
    [backendTableNames],
  );
  const present = rows[0];
  const backendTables = present.backend ?? [];
  if (!present.drizzle && !present.history) return { backendTables, migrations: [], history: [] };

  // both record tables in one statement, as JSON (a missing table cannot even be named in SQL)
  const migrationsSql = present.drizzle
    ? `(SELECT json_agg(json_build_object('id', id, 'hash', hash, 'created_at', created_at) ORDER BY id) FROM drizzle.__drizzle_migrations)`
    : 'NULL::json';
  const historySql = present.history
    ? `(SELECT json_agg(json_build_object('version', version, 'step_id', step_id, 'kind', kind, 'checksum', checksum, 'outcome', outcome,
         'finished_at', finished_at, 'error', error, 'database_user', database_user) ORDER BY id) FROM stepwise.history)`
    : 'NULL::json';
  const records = await db.query<{ migrations: unknown; history: unknown }>(`SELECT ${migrationsSql} AS migrations, ${historySql} AS history`);
  const { migrations, history } = records.rows[0];

  return {
    backendTables,
    migrations: asRows<{ id: number; hash: string; created_at: number | null }>(migrations).map(
      (r): RecordedMigration => ({ id: Number(r.id), hash: r.hash, createdAt: Number(r.created_at) }),
    ),
    history: asRows<HistoryRow>(history).map(
      (r): HistoryEntry => ({
        version: r.version,
        stepId: r.step_id,
        kind: r.kind,
        checksum: r.checksum,
        outcome: r.outcome,
        finishedAt: r.finished_at === null ? null : new Date(r.finished_at),
        error: r.error,
        databaseUser: r.database_user,
      }),
    ),
  };
}

/** A json column, parsed by pg and PGlite alike; NULL when the table is absent or empty. */
function asRows<T>(value: unknown): T[] {
  return (value ?? []) as T[];
}
