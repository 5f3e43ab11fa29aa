// `stepwise migrations run | show` end to end.
import fs from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../helpers/postgres.js';
import { fixtureCatalog } from '../engine/fixture-catalog.js';
import { runCli } from './run-cli.js';

describe('stepwise migrations', () => {
  let t: TestDatabase;
  let root: string;
  let env: Record<string, string>;
  beforeEach(async () => {
    t = await createTestDatabase('sw_migcli');
    root = fixtureCatalog();
    env = { DATABASE_URL: t.url, STEPWISE_ROOT: root };
  });
  afterEach(async () => {
    await t.drop();
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('on an empty database: every migration, the (empty) data steps left pending with a warning', async () => {
    const r = await runCli(['migrations', 'run'], { env });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/4 migration\(s\) applied/);
    expect(r.stderr).toMatch(/warning: 2 data step\(s\) pending \(1.1.0\/tag-products.ts, 1.2.0\/title-case.ts\)/);
    const status = JSON.parse((await runCli(['status', '--json'], { env })).stdout);
    expect(status.state).toBe('data-steps-missing');
    expect(status.pending.map((p: { id: string }) => p.id)).toEqual(['1.1.0/tag-products.ts', '1.2.0/title-case.ts']);
    // the release with a pending data step is not recorded as installed
    expect((await t.query("SELECT version FROM stepwise.installed")).rows).toEqual([{ version: '1.0.0' }]);
    expect((await runCli(['upgrade', '--yes'], { env })).code).toBe(0);
    expect(JSON.parse((await runCli(['status', '--json'], { env })).stdout).state).toBe('current');
  });

  it('holds back a migration that must wait for a data step with rows to change: exit 3', async () => {
    expect((await runCli(['upgrade', '--yes', '--to', '1.0.0'], { env })).code).toBe(0);
    await t.query("INSERT INTO product (id, title, qty) VALUES ('p1', 'one', 1), ('p2', 'two', 2)");
    const r = await runCli(['migrations', 'run', '--json'], { env });
    expect(r.code).toBe(3);
    const doc = JSON.parse(r.stdout);
    expect(doc.applied.map((m: { id: string }) => m.id)).toEqual(['0001_tag']);
    expect(doc.blocked).toEqual({ migration: '0002_tag_required', dataStep: '1.1.0/tag-products.ts', estimatedRows: 2 });
    expect(r.stderr).toMatch(/must run first and has 2 row\(s\) to update/);
    expect((await t.query("SELECT is_nullable FROM information_schema.columns WHERE table_name = 'product' AND column_name = 'tag'")).rows).toEqual([{ is_nullable: 'YES' }]);
  });

  it('show: each migration applied or pending, when and by whom; drizzle-kit\'s marked as another tool', async () => {
    expect((await runCli(['upgrade', '--yes', '--to', '1.0.0'], { env })).code).toBe(0);
    await t.query("INSERT INTO drizzle.__drizzle_migrations (hash, created_at) SELECT hash, created_at + 1000 FROM drizzle.__drizzle_migrations");
    const text = await runCli(['migrations', 'show'], { env });
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/\[x\] 0000_base\s+1.0.0\s+\d{4}-\d\d-\d\dT.* by postgres \(stepwise\)/);
    expect(text.stdout).toMatch(/\[!\] 0001_tag\s+1.1.0\s+applied, file changed since \(drift\)/);
    expect(text.stdout).toMatch(/\[ \] 0002_tag_required\s+1.1.0\s+pending/);
    const json = JSON.parse((await runCli(['migrations', 'show', '--json'], { env })).stdout);
    expect(json.migrations.map((m: { status: string }) => m.status)).toEqual(['applied', 'drift', 'pending', 'pending']);
  });
});
