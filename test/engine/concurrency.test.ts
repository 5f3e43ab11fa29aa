// Real-server behaviour: the run lock, lock_timeout with retries, and interop with drizzle-orm's migrator.
import fs from 'node:fs';
import pg from 'pg';
import { drizzle } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { inspectDatabase, loadCatalog, openDatabase, upgrade } from '../../src/api.js';
import type { Database } from '../../src/db/database.js';
import type { RunEvent } from '../../src/run/events.js';
import { createTestDatabase, type TestDatabase } from '../helpers/postgres.js';
import { fixtureCatalog } from './fixture-catalog.js';
import path from 'node:path';

describe('on the real server', () => {
  let root: string;
  let t: TestDatabase;
  let db: Database;
  beforeEach(async () => {
    root = fixtureCatalog();
    t = await createTestDatabase('sw_conc');
    db = await openDatabase(t.url);
  });
  afterEach(async () => {
    await db.close();
    await t.drop();
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('a second upgrader is refused and told who holds the lock', async () => {
    const holder = await openDatabase(t.url);
    await holder.query('SELECT pg_advisory_lock($1, $2)', [0x53545057, 1]);
    try {
      await expect(upgrade(db, loadCatalog(root))).rejects.toThrow(/lock is held by stepwise .*pid \d+/);
      expect((await t.query("SELECT to_regclass('stepwise.history')::text AS t")).rows[0].t).toBeNull();
    } finally {
      await holder.close();
    }
  });

  it('a statement waiting on a lock gives up after lock_timeout, is retried, and reports each retry', async () => {
    const catalog = loadCatalog(root);
    await upgrade(db, catalog, { to: '1.0.0' });
    const app = new pg.Client({ connectionString: t.url });
    await app.connect();
    await app.query('BEGIN');
    await app.query('LOCK TABLE product IN ACCESS SHARE MODE'); // an application's long read
    const events: RunEvent[] = [];
    try {
      const summary = await upgrade(db, catalog, { lockTimeoutMs: 150, lockRetries: 2, onEvent: (e) => events.push(e) });
      expect(summary.stoppedAt?.why).toBe('failed');
      expect(summary.outcomes[0].failure?.code).toBe('55P03');
      expect(events.filter((e) => e.type === 'retry')).toHaveLength(2);
      const { detected } = await inspectDatabase(db, catalog);
      expect(detected.state).toBe('interrupted'); // nothing of 0001 applied, its failure recorded
      expect(detected.lastFailure?.stepId).toBe('0001_tag');
    } finally {
      await app.query('ROLLBACK');
      await app.end();
    }
    // once the application lets go, the same run goes through
    const again = await upgrade(db, catalog, { lockTimeoutMs: 150, lockRetries: 2 });
    expect(again.databaseVersion).toBe('2.0.0');
  });

  it('a lock released during the backoff lets the retry succeed', async () => {
    const catalog = loadCatalog(root);
    await upgrade(db, catalog, { to: '1.0.0' });
    const app = new pg.Client({ connectionString: t.url });
    await app.connect();
    await app.query('BEGIN');
    await app.query('LOCK TABLE product IN ACCESS SHARE MODE');
    const events: RunEvent[] = [];
    const run = upgrade(db, catalog, {
      to: '1.1.0',
      lockTimeoutMs: 150,
      lockRetries: 3,
      onEvent: (e) => {
        events.push(e);
        if (e.type === 'retry') void app.query('ROLLBACK');
      },
    });
    const summary = await run;
    await app.end();
    expect(summary.stoppedAt).toBeNull();
    expect(events.filter((e) => e.type === 'retry')).toHaveLength(1);
  });

  it('drizzle-orm\'s migrator and Stepwise continue each other', async () => {
    const client = new pg.Client({ connectionString: t.url });
    await client.connect();
    try {
      // drizzle first: every migration, no data step
      await migrate(drizzle(client), { migrationsFolder: path.join(root, 'drizzle') });
      const catalog = loadCatalog(root);
      const { detected, plan } = await inspectDatabase(db, catalog);
      expect(detected.state).toBe('data-steps-missing');
      expect(plan.steps.map((s) => s.id)).toEqual(['1.1.0/tag-products.ts', '1.2.0/title-case.ts']);
      await upgrade(db, catalog);
      expect((await inspectDatabase(db, catalog)).detected.state).toBe('current');
      // and drizzle afterwards finds nothing to do
      const before = (await client.query('SELECT count(*)::int AS n FROM drizzle.__drizzle_migrations')).rows[0].n;
      await migrate(drizzle(client), { migrationsFolder: path.join(root, 'drizzle') });
      expect((await client.query('SELECT count(*)::int AS n FROM drizzle.__drizzle_migrations')).rows[0].n).toBe(before);
    } finally {
      await client.end();
    }
  });

  it('Stepwise first, then drizzle-orm applies nothing', async () => {
    const catalog = loadCatalog(root);
    await upgrade(db, catalog);
    const client = new pg.Client({ connectionString: t.url });
    await client.connect();
    try {
      await migrate(drizzle(client), { migrationsFolder: path.join(root, 'drizzle') });
      expect((await client.query('SELECT count(*)::int AS n FROM drizzle.__drizzle_migrations')).rows[0].n).toBe(4);
    } finally {
      await client.end();
    }
  });
});
