// Writes to stepwise.history, drizzle.__drizzle_migrations and stepwise.installed.
import type { Queryable } from '../core/data-step.js';
import type { Migration } from '../core/catalog.js';
import type { Outcome } from '../core/state.js';

export interface HistoryRecord {
  version: string;
  stepId: string;
  kind: 'migration' | 'script';
  checksum: string;
  outcome: Outcome;
  startedAt: Date;
  durationMs: number;
  rowsAffected: number | null;
  toolVersion: string;
  error?: string;
}

// The record statements, with each value given as an SQL expression: placeholders for the
// step-by-step path, literals for a migration sent in one round trip.
export const historyInsertSql = (values: string[]) =>
  `INSERT INTO stepwise.history
     (version, step_id, kind, checksum, outcome, started_at, rows_affected, duration_ms, tool_version, error)
   VALUES (${values.join(', ')})`;
export const drizzleInsertSql = (hash: string, when: string) =>
  `INSERT INTO "drizzle"."__drizzle_migrations" ("hash", "created_at") VALUES (${hash}, ${when})`;
export const installedUpsertSql = (version: string) =>
  `INSERT INTO stepwise.installed (singleton, version, installed_at) VALUES (true, ${version}, now())
   ON CONFLICT (singleton) DO UPDATE SET version = EXCLUDED.version, installed_at = EXCLUDED.installed_at`;

export async function recordHistory(db: Queryable, r: HistoryRecord): Promise<void> {
  await db.query(
    historyInsertSql(['$1', '$2', '$3', '$4', '$5', '$6', '$7', '$8', '$9', '$10']),
    [r.version, r.stepId, r.kind, r.checksum, r.outcome, r.startedAt.toISOString(), r.rowsAffected, Math.round(r.durationMs), r.toolVersion, r.error ?? null],
  );
}

/** The row drizzle-orm's migrator writes: same hash, created_at = the journal's `when`. */
export async function recordDrizzleMigration(db: Queryable, migration: Migration): Promise<void> {
  await db.query(drizzleInsertSql('$1', '$2'), [migration.hash, migration.when]);
}

export async function recordInstalledVersion(db: Queryable, version: string): Promise<void> {
  await db.query(installedUpsertSql('$1'), [version]);
}
