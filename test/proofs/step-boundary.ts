// What "the database is at a step boundary" means, checked after a kill: every recorded step
// complete and recorded once, drizzle's record matching Stepwise's, and the schema exactly the
// one the recorded migrations produce — nothing half-applied, nothing applied unrecorded.
import { expect } from 'vitest';
import { loadCatalog, openDatabase, upgrade, type Catalog } from '../../src/api.js';
import { runCli } from '../cli/run-cli.js';
import { createTestDatabase, type TestDatabase } from '../helpers/postgres.js';
import { afterStep, interruptWhen } from '../releases/interrupt.js';
import { schemaDump } from './db-facts.js';

/** the schema of `public` after the first n migrations, n = 0 … all (built on an empty database) */
export async function schemaAfterEachMigration(catalog: Catalog): Promise<string[]> {
  const t = await createTestDatabase('sw_schemas');
  const db = await openDatabase(t.url);
  try {
    const schemas = [await schemaDump(t.url)];
    for (const migration of catalog.migrations) {
      const summary = await upgrade(db, catalog, interruptWhen(afterStep(migration.tag)));
      expect(summary.outcomes.at(-1)?.step.id).toBe(migration.tag);
      schemas.push(await schemaDump(t.url));
    }
    return schemas;
  } finally {
    await db.close();
    await t.drop();
  }
}

/** A killed client's server session lives on until the server notices; the next check waits for it. */
export async function waitForStepwiseSessions(t: TestDatabase, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { rows } = await t.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND application_name LIKE 'stepwise%'",
    );
    if (rows[0].n === 0) return;
    if (Date.now() > deadline) throw new Error('a killed Stepwise session is still on the server');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

export interface Boundary {
  state: string;
  migrations: number;
  scripts: string[];
}

export async function expectStepBoundary(t: TestDatabase, schemas: string[], context: string, catalog = loadCatalog()): Promise<Boundary> {
  const status = await runCli(['status', '--json'], { env: { DATABASE_URL: t.url } });
  expect(status.code, `${context}: status ${status.stderr}`).toBe(0);
  const doc = JSON.parse(status.stdout);
  expect(['behind', 'interrupted', 'current'], `${context}: state`).toContain(doc.state);

  const { rows: history } = await t.query<{ kind: string; step_id: string; outcome: string; checksum: string }>(
    'SELECT kind, step_id, outcome, checksum FROM stepwise.history ORDER BY id',
  );
  // a kill is not a failure: nothing half-done may be recorded as anything
  expect(history.filter((h) => h.outcome !== 'applied'), `${context}: non-applied history rows`).toEqual([]);
  const migrations = history.filter((h) => h.kind === 'migration');
  const scripts = history.filter((h) => h.kind === 'script').map((h) => h.step_id);
  expect(new Set(scripts).size, `${context}: a data step recorded twice`).toBe(scripts.length);
  // migrations applied in journal order, each once, each with its drizzle row
  const journal = catalog.migrations.slice(0, migrations.length);
  expect(migrations.map((m) => [m.step_id, m.checksum]), `${context}: migration history`).toEqual(journal.map((m) => [m.tag, m.hash]));
  const { rows: drizzle } = await t.query<{ hash: string; created_at: string }>('SELECT hash, created_at FROM drizzle.__drizzle_migrations ORDER BY id');
  expect(drizzle.map((d) => [d.hash, Number(d.created_at)]), `${context}: drizzle rows`).toEqual(journal.map((m) => [m.hash, m.when]));
  expect(doc.applied, `${context}: applied count`).toBe(history.length);

  // the schema is exactly the one those migrations make: no statement of the next one survived
  expect(await schemaDump(t.url), `${context}: schema after ${migrations.length} migration(s)`).toBe(schemas[migrations.length]);
  const { rows: invalid } = await t.query<{ n: number }>('SELECT count(*)::int AS n FROM pg_index WHERE NOT indisvalid');
  expect(invalid[0].n, `${context}: invalid indexes`).toBe(0);
  return { state: doc.state, migrations: migrations.length, scripts };
}
