// Once per test run: the real PostgreSQL server must answer (a failure, not a skip), and one
// PGlite data directory is initialised as a template that tests copy instead of running initdb.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { ADMIN_URL } from './postgres.js';
import { PGLITE_TEMPLATE } from './pglite.js';

export default async function setup() {
  const client = new pg.Client({ connectionString: ADMIN_URL });
  try {
    await client.connect();
    await client.query('SELECT 1');
  } catch (error) {
    throw new Error(`PostgreSQL is required for the tests at ${ADMIN_URL}: ${(error as Error).message}`);
  } finally {
    await client.end().catch(() => undefined);
  }
  if (!fs.existsSync(path.join(PGLITE_TEMPLATE, 'PG_VERSION'))) {
    const { PGlite } = await import('@electric-sql/pglite');
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'stepwise-pglite-init-'));
    const db = await PGlite.create(tmp);
    await db.close();
    fs.rmSync(PGLITE_TEMPLATE, { recursive: true, force: true });
    fs.renameSync(tmp, PGLITE_TEMPLATE);
  }
}
