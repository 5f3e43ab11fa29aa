// Backup and restore of the embedded database (PGlite), through the built CLI: its own
// dumpDataDir tarball out, the data directory swapped back in, exactly the same rows.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/api.js';
import type { Database } from '../../src/db/database.js';
import { runCli } from '../cli/run-cli.js';
import { fillBase } from '../fixtures/fill-1.0.0.js';
import { clonePgliteDir } from '../helpers/pglite.js';
import { tableFacts } from '../proofs/db-facts.js';

const SCHEMAS = ['public', 'drizzle', 'stepwise'];

describe('backup and restore of the embedded database', { timeout: 120_000 }, () => {
  let pgdata: ReturnType<typeof clonePgliteDir>;
  let dir: string;
  let facts: Awaited<ReturnType<typeof tableFacts>>;
  const cli = (...args: string[]) => runCli(args, { env: { STEPWISE_DATA_DIR: pgdata.dataDir }, timeoutMs: 120_000 });
  const file = (name: string) => path.join(dir, name);
  /** the directory opened directly, as the CLI would open it */
  async function withDb<T>(fn: (db: Database) => Promise<T>): Promise<T> {
    process.env.STEPWISE_DATA_DIR = pgdata.dataDir;
    const db = await openDatabase(undefined);
    delete process.env.STEPWISE_DATA_DIR;
    try {
      return await fn(db);
    } finally {
      await db.close();
    }
  }

  beforeAll(async () => {
    pgdata = clonePgliteDir();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stepwise-backup-test-'));
    expect((await cli('upgrade', '--yes', '--to', '1.0.0')).code).toBe(0);
    facts = await withDb(async (db) => {
      await fillBase(db, { products: 60, customers: 80, orders: 120, openCarts: 40, giftCards: 20 });
      return tableFacts(db, SCHEMAS);
    });
  });
  afterAll(() => {
    pgdata?.remove();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('upgrade --backup writes PGlite\'s own dump before the first step', async () => {
    const r = await cli('upgrade', '--yes', '--backup', file('pre-upgrade.tgz'));
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/Backup written: .*pre-upgrade\.tgz \([\d.]+ [kM]B, PGlite dumpDataDir \(PostgreSQL [\d.]+\), .*\)/);
    expect(r.stdout.indexOf('Backup written')).toBeLessThan(r.stdout.indexOf('[1/10]'));
    const head = fs.readFileSync(file('pre-upgrade.tgz')).subarray(0, 2);
    expect([...head]).toEqual([0x1f, 0x8b]); // gzip
    expect(JSON.parse((await cli('status', '--json')).stdout).databaseVersion).toBe('2.0.0');
  });

  it('backup <file> while nothing else holds the directory', async () => {
    const r = await cli('backup', file('at-2.0.0.tgz'));
    expect(r.code, r.stderr).toBe(0);
    expect(fs.existsSync(file('at-2.0.0.tgz'))).toBe(true);
  });

  it('restore refuses without --yes outside a terminal, and a server archive is not loaded', async () => {
    const refused = await cli('restore', file('pre-upgrade.tgz'));
    expect(refused.code).toBe(3);
    fs.writeFileSync(file('server.dump'), Buffer.concat([Buffer.from('PGDMP'), Buffer.alloc(100)]));
    const wrongKind = await cli('restore', file('server.dump'), '--yes');
    expect(wrongKind.code).toBe(2);
    expect(wrongKind.stderr).toMatch(/is a pg_dump archive of a PostgreSQL server; the target is the embedded database/);
    expect(JSON.parse((await cli('status', '--json')).stdout).databaseVersion).toBe('2.0.0');
  });

  it('restore --yes puts back exactly the rows of before the upgrade', async () => {
    await withDb((db) => db.query("UPDATE product SET title = 'damaged'"));
    const r = await cli('restore', file('pre-upgrade.tgz'), '--yes');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/Restored pglite:.* from .*pre-upgrade\.tgz in .* \(PGlite loadDataDir/);
    expect(r.stdout).toMatch(/Database version now: 1\.0\.0 \(behind\)/);
    expect(await withDb((db) => tableFacts(db, SCHEMAS))).toEqual(facts);
    // nothing left beside the data directory
    expect(fs.readdirSync(path.dirname(pgdata.dataDir))).toEqual(['pgdata']);
  });
});
