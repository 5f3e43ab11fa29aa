// `stepwise seed` end to end on the real catalog: refuses without --yes, upgrades then seeds,
// adds nothing the second time, and rejects an invalid file before connecting.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../helpers/postgres.js';
import { runCli } from './run-cli.js';
import { snapshot } from './snapshot.js';

describe('stepwise seed', () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase('sw_seedcli');
  });
  afterAll(async () => {
    await t.drop();
  });

  it('without a terminal and without --yes it refuses to upgrade first: exit 3, nothing written', async () => {
    const before = await snapshot(t);
    const r = await runCli(['seed'], { env: { DATABASE_URL: t.url } });
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/must run before seeding/);
    expect(await snapshot(t)).toEqual(before);
  });

  it('an invalid file: every problem with its path, exit 2, nothing written', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stepwise-seedcli-'));
    const file = path.join(dir, 'bad.json');
    fs.writeFileSync(file, JSON.stringify({ products: [{ title: 'Mug', handle: 'mug', variants: [{ title: 'Default', prices: [{ currency_code: 'eur', amount: '12' }] }] }] }));
    const before = await snapshot(t);
    const r = await runCli(['seed', '--yes', '--file', file], { env: { DATABASE_URL: t.url } });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/products\[0\]\.variants\[0\]\.prices\[0\]\.amount: expected a number/);
    expect(await snapshot(t)).toEqual(before);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('with --yes: upgrades to the code version, seeds the demo store, and a re-run adds nothing', async () => {
    const first = await runCli(['seed', '--yes'], { env: { DATABASE_URL: t.url } });
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/products\s+\d+ new, 0 already present/);
    const products = (await t.query<{ n: number }>('SELECT count(*)::int AS n FROM product')).rows[0].n;
    expect(products).toBeGreaterThan(5);
    const status = JSON.parse((await runCli(['status', '--json'], { env: { DATABASE_URL: t.url } })).stdout);
    expect(status.state).toBe('current');
    const users = (await t.query<{ password_hash: string }>('SELECT password_hash FROM "user"')).rows;
    expect(users.every((u) => u.password_hash.startsWith('scrypt$'))).toBe(true);

    const second = await runCli(['seed', '--yes', '--json'], { env: { DATABASE_URL: t.url } });
    expect(second.code).toBe(0);
    const report = JSON.parse(second.stdout);
    expect(report.entities.every((e: { inserted: number }) => e.inserted === 0)).toBe(true);
    expect((await t.query<{ n: number }>('SELECT count(*)::int AS n FROM product')).rows[0].n).toBe(products);
  });
});
