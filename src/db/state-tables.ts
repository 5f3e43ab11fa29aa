// Stepwise's own record (schema `stepwise`) and drizzle's (schema `drizzle`), created only by
// runs that write: a dry run must leave a database exactly as it found it.
import type { Queryable } from '../core/data-step.js';

export const DRIZZLE_TABLE = 'drizzle.__drizzle_migrations';

// Same DDL as drizzle-orm's pg migrator, so either tool can create it first.
const DRIZZLE_DDL = [
  'CREATE SCHEMA IF NOT EXISTS "drizzle"',
  `CREATE TABLE IF NOT EXISTS "drizzle"."__drizzle_migrations" (
    id SERIAL PRIMARY KEY,
    hash text NOT NULL,
    created_at bigint
  )`,
];

const STEPWISE_DDL = [
  'CREATE SCHEMA IF NOT EXISTS stepwise',
  `CREATE TABLE IF NOT EXISTS stepwise.history (
    id bigserial PRIMARY KEY,
    version text NOT NULL,
    step_id text NOT NULL,
    kind text NOT NULL CHECK (kind IN ('migration', 'script')),
    checksum text NOT NULL,
    outcome text NOT NULL CHECK (outcome IN ('applied', 'failed', 'rehearsed')),
    started_at timestamptz NOT NULL,
    finished_at timestamptz NOT NULL DEFAULT now(),
    rows_affected bigint,
    duration_ms integer NOT NULL,
    tool_version text NOT NULL,
    database_user text NOT NULL DEFAULT current_user,
    error text
  )`,
  'CREATE INDEX IF NOT EXISTS history_step_idx ON stepwise.history (kind, step_id)',
  `CREATE TABLE IF NOT EXISTS stepwise.installed (
    singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
    version text NOT NULL,
    installed_at timestamptz NOT NULL DEFAULT now()
  )`,
];

export async function ensureStateTables(db: Queryable): Promise<void> {
  const { rows } = await db.query<{ drizzle: string | null; history: string | null; installed: string | null }>(
    `SELECT to_regclass('drizzle.__drizzle_migrations')::text AS drizzle,
            to_regclass('stepwise.history')::text AS history,
            to_regclass('stepwise.installed')::text AS installed`,
  );
  const have = rows[0];
  // IF NOT EXISTS is not race-free in PostgreSQL; callers hold the advisory lock
  if (!have.drizzle) for (const sql of DRIZZLE_DDL) await db.query(sql);
  if (!have.history || !have.installed) for (const sql of STEPWISE_DDL) await db.query(sql);
}
