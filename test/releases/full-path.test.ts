// A filled 1.0.0 database taken to 2.0.0 with the built CLI: release by release with --to (the
// shop keeps trading on 1.4.0 in between), and in one run. Every data assertion must hold.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../cli/run-cli.js';
import { fillAt140 } from '../fixtures/fill-1.4.0.js';
import {
  assertAdjustments,
  assertDiscountConditions,
  assertGiftCardRates,
  assertInventory,
  assertSalesChannels,
  count,
  giftCardRates,
  variantStock,
  type VariantStock,
} from './assertions.js';
import { filledAt, ROOT, type ReleaseDb } from './release-db.js';

const RELEASES = ['1.3.0', '1.4.0', '1.7.1', '1.8.0', '2.0.0'];

function cliOn(r: ReleaseDb) {
  return async (...args: string[]) => {
    const result = await runCli(args, { env: { DATABASE_URL: r.t.url }, cwd: ROOT, timeoutMs: 300_000 });
    if (args.includes('--json')) return { code: result.code, json: JSON.parse(result.stdout), stderr: result.stderr };
    return { code: result.code, json: null, stderr: result.stderr };
  };
}

const quantityColumn = (r: ReleaseDb) =>
  count(r.t, "select 1 from information_schema.columns where table_name = 'product_variant' and column_name = 'inventory_quantity'");

describe('1.0.0 → 2.0.0 release by release (upgrade --to each)', () => {
  let r: ReleaseDb;
  let cli: ReturnType<typeof cliOn>;
  let rates: Map<string, number | null>;
  let stock: VariantStock[];
  beforeAll(async () => {
    ({ r } = await filledAt('1.0.0'));
    cli = cliOn(r);
  });
  afterAll(() => r?.close());

  it.each(RELEASES)('upgrade --to %s stops exactly there, with its data right', async (version) => {
    if (version === '1.7.1') {
      await fillAt140(r.db); // the shop trades on 1.4.0 for a while
      rates = await giftCardRates(r.t);
    }
    if (version === '1.8.0') stock = await variantStock(r.t);

    const run = await cli('upgrade', '--yes', '--json', '--to', version);
    expect(run.code, run.stderr).toBe(0);
    expect(run.json.databaseVersion).toBe(version);
    expect(run.json.steps.every((s: { version: string; status: string }) => s.version === version && s.status === 'applied')).toBe(true);
    const status = (await cli('status', '--json')).json;
    expect(status.databaseVersion).toBe(version);
    const next = RELEASES[RELEASES.indexOf(version) + 1];
    if (next) expect(status).toMatchObject({ state: 'behind', pending: expect.arrayContaining([expect.objectContaining({ version: next })]) });
    else expect(status).toMatchObject({ state: 'current', pending: [] });
    expect(status.pending.every((p: { version: string }) => p.version !== version)).toBe(true);

    if (version === '1.3.0') {
      await assertAdjustments(r.t);
      await assertDiscountConditions(r.t);
    }
    if (version === '1.4.0') await assertSalesChannels(r.t);
    if (version === '1.7.1') await assertGiftCardRates(r.t, rates);
    if (version === '1.8.0') {
      await assertInventory(r.t, stock);
      expect(await quantityColumn(r)).toBe(1);
    }
    if (version === '2.0.0') {
      expect(await quantityColumn(r)).toBe(0);
      await assertInventory(r.t, stock);
    }
  });
});

describe('1.0.0 → 2.0.0 in one run', () => {
  let r: ReleaseDb;
  beforeAll(async () => {
    ({ r } = await filledAt('1.0.0'));
  });
  afterAll(() => r?.close());

  it('applies the ten remaining steps in order and every data assertion holds', async () => {
    const cli = cliOn(r);
    const rates = await giftCardRates(r.t);
    const stock = await variantStock(r.t);
    const run = await cli('upgrade', '--yes', '--json');
    expect(run.code, run.stderr).toBe(0);
    expect(run.json.steps.map((s: { id: string }) => s.id)).toEqual([
      '0001_discount_conditions',
      '1.3.0/line-item-adjustments.ts',
      '1.3.0/discount-conditions.ts',
      '0002_sales_channels',
      '1.4.0/default-sales-channel.ts',
      '0003_sales_channel_required',
      '1.7.1/gift-card-tax-rate.ts',
      '0004_categories_inventory',
      '1.8.0/inventory-items.ts',
      '0005_drop_inventory_quantity',
    ]);
    expect(run.json.databaseVersion).toBe('2.0.0');

    await assertAdjustments(r.t);
    await assertDiscountConditions(r.t);
    await assertSalesChannels(r.t);
    await assertGiftCardRates(r.t, rates);
    await assertInventory(r.t, stock);
    expect(await quantityColumn(r)).toBe(0);
    expect((await cli('status', '--json')).json).toMatchObject({ state: 'current', databaseVersion: '2.0.0', pending: [] });
  });
});
