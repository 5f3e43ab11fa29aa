// 1.8.0's long batched step on a filled 1.7.1 database: stopped part-way, resumed, and the
// `data-steps-missing` case where another tool already dropped inventory_quantity (2.0.0).
import { drizzle } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { upgrade } from '../../src/api.js';
import { runCli } from '../cli/run-cli.js';
import { fillAt140 } from '../fixtures/fill-1.4.0.js';
import { assertInventory, count, variantStock, type VariantStock } from './assertions.js';
import { afterBatches, interruptWhen } from './interrupt.js';
import { filledAt, ROOT, type ReleaseDb } from './release-db.js';

const STEP = '1.8.0/inventory-items.ts';

describe('1.8.0 on a filled 1.7.1 database', () => {
  let r: ReleaseDb;
  let stock: VariantStock[];
  let managed: number;

  beforeAll(async () => {
    ({ r } = await filledAt('1.4.0'));
    await fillAt140(r.db);
    await r.upgradeTo('1.7.1');
    stock = await variantStock(r.t);
    managed = stock.filter((v) => v.managed).length;
  });
  afterAll(() => r?.close());

  it('stopped after three batches, it has made whole items for exactly those variants', async () => {
    const summary = await upgrade(r.db, r.catalog, { to: '1.8.0', batchSize: 500, ...interruptWhen(afterBatches(STEP, 3, 500)) });
    expect(summary.stoppedAt?.step.id).toBe(STEP);
    expect(summary.stoppedAt?.why).toBe('interrupted');
    expect(summary.databaseVersion).toBe('1.7.1');
    expect(await count(r.t, 'select 1 from inventory_item')).toBe(1500);
    expect(await count(r.t, 'select 1 from product_variant_inventory_item')).toBe(1500);
    expect(await count(r.t, 'select 1 from inventory_level')).toBe(1500);
  });

  it('resumed, it does the rest as estimated: one item per managed variant with its stock', async () => {
    const preview = await upgrade(r.db, r.catalog, { to: '1.8.0', mode: 'dry-run' });
    expect(preview.outcomes.map((o) => [o.step.id, o.rows])).toEqual([[STEP, managed - 1500]]);
    const summary = await r.upgradeTo('1.8.0', { batchSize: 500 });
    expect(summary.outcomes.map((o) => [o.step.id, o.rows])).toEqual([[STEP, managed - 1500]]);
    expect(summary.outcomes[0].summary).toMatch(/^created [\d,]+ inventory items with levels at the default stock location, -?[\d,]+ units in stock copied/);
    const { items } = await assertInventory(r.t, stock);
    expect(items).toBe(managed);
    expect(managed).toBeGreaterThan(3000);
    // the data has what needs care: variants without SKU, negative stock (backorders)
    expect(await count(r.t, 'select 1 from inventory_item where sku is null')).toBeGreaterThan(0);
    expect(await count(r.t, 'select 1 from inventory_level where stocked_quantity < 0')).toBeGreaterThan(0);
  });

  it('a second run changes nothing and says so', async () => {
    expect(await r.rerun(STEP)).toEqual({ rowsAffected: 0, summary: expect.stringMatching(/nothing to do/) });
    await assertInventory(r.t, stock);
  });
});

describe('2.0.0 applied by another tool before 1.8.0’s data step (data-steps-missing)', () => {
  let r: ReleaseDb;
  let stock: VariantStock[];
  const cli = (...args: string[]) => runCli(args, { env: { DATABASE_URL: r.t.url }, cwd: ROOT, timeoutMs: 120_000 });

  beforeAll(async () => {
    ({ r } = await filledAt('1.7.1'));
    stock = await variantStock(r.t);
    const client = new pg.Client({ connectionString: r.t.url });
    await client.connect();
    try {
      await migrate(drizzle(client), { migrationsFolder: path.join(ROOT, 'drizzle'), migrationsSchema: 'drizzle', migrationsTable: '__drizzle_migrations' });
    } finally {
      await client.end();
    }
  });
  afterAll(() => r?.close());

  it('status names the state and the missing step', async () => {
    const status = await cli('status', '--json');
    expect(JSON.parse(status.stdout)).toMatchObject({
      state: 'data-steps-missing',
      pending: [{ kind: 'script', id: STEP, version: '1.8.0' }],
    });
    expect(await count(r.t, "select 1 from information_schema.columns where table_name = 'product_variant' and column_name = 'inventory_quantity'")).toBe(0);
  });

  it('the preview says plainly, before anything runs, that the quantities are lost', async () => {
    const preview = await cli('upgrade', '--dry-run', '--json');
    expect(preview.code).toBe(0);
    const json = JSON.parse(preview.stdout);
    const warning = json.warnings.find((w: string) => w.includes('inventory_quantity no longer exists'));
    expect(warning).toMatch(/stock quantities of [\d,]+ managed variants are already lost.*stocked quantity 0.*backup taken before 2\.0\.0/);
    expect(await count(r.t, 'select 1 from inventory_item')).toBe(0);
  });

  it('the step still runs, creates the items with stocked quantity 0, and says so', async () => {
    const run = await cli('upgrade', '--yes', '--json');
    expect(run.code).toBe(0);
    const json = JSON.parse(run.stdout);
    const step = json.steps.find((s: { id: string }) => s.id === STEP);
    expect(step.summary).toMatch(/with stocked quantity 0: product_variant\.inventory_quantity was already dropped/);
    await assertInventory(r.t, stock, 'zero');
    expect(JSON.parse((await cli('status', '--json')).stdout).state).toBe('current');
  });
});
