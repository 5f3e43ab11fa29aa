// Reads what the database has recorded, without writing anything (a dry run calls this too).
import type { Queryable } from '../core/data-step.js';
import type { DatabaseFacts, HistoryEntry, RecordedMigration } from '../core/state.js';

export async function readDatabaseFacts(db: Queryable, backendTableNames: string[]): Promise<DatabaseFacts> {
  const { rows } = await db.query<{ drizzle: string | null; history: string | null }>(
    `SELECT to_regclass('drizzle.__drizzle_migrations')::text AS drizzle, to_regclass('stepwise.history')::text AS history`,
  );
  const present = rows[0];

  const backend = await db.query<{ name: string }>(
    `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND c.relname = ANY($1::text[]) ORDER BY 1`,
    [backendTableNames],
  );

  let migrations: RecordedMigration[] = [];
  if (present.drizzle) {
    const result = await db.query<{ id: number; hash: string; created_at: string | number | bigint | null }>(
      'SELECT id, hash, created_at FROM drizzle.__drizzle_migrations ORDER BY id',
    );
    migrations = result.rows.map((r) => ({ id: Number(r.id), hash: r.hash, createdAt: Number(r.created_at) }));
  }

  let history: HistoryEntry[] = [];
  if (present.history) {
    const result = await db.query<{
      version: string;
      step_id: string;
      kind: 'migration' | 'script';
      checksum: string;
      outcome: HistoryEntry['outcome'];
      finished_at: Date | string | null;
      error: string | null;
      database_user: string;
    }>('SELECT version, step_id, kind, checksum, outcome, finished_at, error, database_user FROM stepwise.history ORDER BY id');
    history = result.rows.map((r) => ({
      version: r.version,
      stepId: r.step_id,
      kind: r.kind,
      checksum: r.checksum,
      outcome: r.outcome,
      finishedAt: r.finished_at === null ? null : new Date(r.finished_at),
      error: r.error,
      databaseUser: r.database_user,
    }));
  }

  return { backendTables: backend.rows.map((r) => r.name), migrations, history };
}
