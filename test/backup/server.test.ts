// Backup and restore on the real server, through the built CLI: backup, damage, restore, and
// the data and schema are exactly back; every refusal and failure leaves the database as it was.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/api.js';
import { runCli } from '../cli/run-cli.js';
import { fillBase } from '../fixtures/fill-1.0.0.js';
import { createTestDatabase, type TestDatabase } from '../helpers/postgres.js';
import { schemaDump, tableFacts } from '../proofs/db-facts.js';

const SCHEMAS = ['public', 'drizzle', 'stepwise'];

describe('backup and restore of a server database', () => {
  let t: TestDatabase;
  let dir: string;
  let facts: Awaited<ReturnType<typeof tableFacts>>;
  let schema: string;
  const cli = (...args: string[]) => runCli(args, { env: { DATABASE_URL: t.url }, timeoutMs: 120_000 });
  const file = (name: string) => path.join(dir, name);
  const state = async () => ({ facts: await tableFacts(t, SCHEMAS), schema: await schemaDump(t.url, SCHEMAS) });

  beforeAll(async () => {
    t = await createTestDatabase('sw_backup');
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stepwise-backup-test-'));
    expect((await cli('upgrade', '--yes', '--to', '1.0.0')).code).toBe(0);
    const db = await openDatabase(t.url);
    await fillBase(db, { products: 150, customers: 200, orders: 300, openCarts: 100, giftCards: 60 });
    await db.close();
    ({ facts, schema } = await state());
  });
  afterAll(async () => {
    await t?.drop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('backup <file> writes a pg_dump archive and never overwrites one', async () => {
    const r = await cli('backup', file('manual.dump'));
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/Backup written: .*manual\.dump \([\d.]+ [kM]B, pg_dump \d+\.\d+, .*\)\. Put it back with: stepwise restore /);
    expect(fs.readFileSync(file('manual.dump')).subarray(0, 5).toString()).toBe('PGDMP');
    const size = fs.statSync(file('manual.dump')).size;
    const again = await cli('backup', file('manual.dump'));
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/manual\.dump already exists: a backup never overwrites a file/);
    expect(fs.statSync(file('manual.dump')).size).toBe(size);
    expect(fs.readdirSync(dir)).toEqual(['manual.dump']); // no partial file left behind
  });

  it('upgrade --dry-run --backup notes that no backup is taken', async () => {
    const r = await cli('upgrade', '--dry-run', '--backup', file('dry.dump'));
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/--backup .*dry\.dump: no backup taken, a dry run changes nothing/);
    expect(fs.existsSync(file('dry.dump'))).toBe(false);
  });

  it('upgrade --backup takes the backup after the plan and before the first step', async () => {
    const r = await cli('upgrade', '--yes', '--backup', file('pre-upgrade.dump'));
    expect(r.code, r.stderr).toBe(0);
    const backedUp = r.stdout.indexOf('Backup written');
    expect(backedUp).toBeGreaterThan(r.stdout.indexOf('Plan: 10 step(s)'));
    expect(backedUp).toBeLessThan(r.stdout.indexOf('[1/10]'));
    expect(JSON.parse((await cli('status', '--json')).stdout).databaseVersion).toBe('2.0.0');
    // and once there is nothing to do, no backup
    const idle = await cli('upgrade', '--yes', '--backup', file('idle.dump'));
    expect(idle.code).toBe(0);
    expect(fs.existsSync(file('idle.dump'))).toBe(false);
  });

  it('restore refuses without --yes outside a terminal, changing nothing', async () => {
    await t.query("UPDATE product SET title = 'damaged'");
    const damaged = await state();
    const r = await cli('restore', file('pre-upgrade.dump'));
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/without a terminal nobody can confirm it: nothing was changed[\s\S]*Pass --yes/);
    expect(await state()).toEqual(damaged);
  });

  it('a restore that cannot get its locks is rolled back whole', { timeout: 90_000 }, async () => {
    const before = await state();
    const app = new pg.Client({ connectionString: t.url });
    await app.connect();
    await app.query('BEGIN');
    await app.query('LOCK TABLE product IN ACCESS SHARE MODE'); // an application's long read
    try {
      const r = await cli('restore', file('pre-upgrade.dump'), '--yes', '--lock-timeout', '300');
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/The restore failed and was rolled back; the database is unchanged/);
      expect(r.stderr).toMatch(/stop the application/);
    } finally {
      await app.query('ROLLBACK');
      await app.end();
    }
    expect(await state()).toEqual(before);
  });

  it('a truncated archive fails midway and is rolled back whole', async () => {
    const before = await state();
    const whole = fs.readFileSync(file('pre-upgrade.dump'));
    fs.writeFileSync(file('truncated.dump'), whole.subarray(0, Math.floor(whole.length * 0.6)));
    const r = await cli('restore', file('truncated.dump'), '--yes');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/The restore failed and was rolled back; the database is unchanged\. pg_restore: error: could not read/);
    expect(await state()).toEqual(before);
  });

  it('an embedded-database backup is not restored into a server', async () => {
    fs.writeFileSync(file('embedded.tgz'), zlib.gzipSync(Buffer.from('not a server archive')));
    const r = await cli('restore', file('embedded.tgz'), '--yes');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/is an embedded-database \(PGlite\) backup; the target is the server postgres:\/\/postgres:\*\*\*\*@/);
  });

  it('restore --yes puts back exactly the data and schema of before the upgrade, and the upgrade can run again', async () => {
    const r = await cli('restore', file('pre-upgrade.dump'), '--yes');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/Restored postgres:\/\/postgres:\*\*\*\*@.* from .*pre-upgrade\.dump in .* \(pg_restore \d+/);
    expect(r.stdout).toMatch(/Database version now: 1\.0\.0 \(behind\)/);
    const after = await state();
    expect(after.schema).toBe(schema);
    expect(after.facts).toEqual(facts);
    const again = await cli('upgrade', '--yes', '--json');
    expect(again.code, again.stderr).toBe(0);
    expect(JSON.parse(again.stdout).databaseVersion).toBe('2.0.0');
  });
});
