// The embedded default (PGlite, what `npm start` uses without DATABASE_URL): a smaller filled
// 1.0.0 shop upgraded to 2.0.0 with every data assertion holding, and second runs changing nothing.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCatalog, openDatabase, runDataStep, upgrade, type Database } from '../../src/api.js';
import { fillBase } from '../fixtures/fill-1.0.0.js';
import { clonePgliteDir } from '../helpers/pglite.js';
import {
  assertAdjustments,
  assertDiscountConditions,
  assertGiftCardRates,
  assertInventory,
  assertSalesChannels,
  giftCardRates,
  variantStock,
} from './assertions.js';
import { ROOT } from './release-db.js';

const STEPS = ['1.3.0/line-item-adjustments.ts', '1.3.0/discount-conditions.ts', '1.4.0/default-sales-channel.ts', '1.7.1/gift-card-tax-rate.ts', '1.8.0/inventory-items.ts'];

describe('1.0.0 → 2.0.0 on PGlite', () => {
  let db: Database;
  let dir: ReturnType<typeof clonePgliteDir>;
  beforeAll(async () => {
    dir = clonePgliteDir();
    const previous = process.env.STEPWISE_DATA_DIR;
    process.env.STEPWISE_DATA_DIR = dir.dataDir;
    try {
      db = await openDatabase(undefined);
    } finally {
      if (previous === undefined) delete process.env.STEPWISE_DATA_DIR;
      else process.env.STEPWISE_DATA_DIR = previous;
    }
  });
  afterAll(async () => {
    await db?.close();
    dir?.remove();
  });

  it('upgrades a filled shop with every data assertion holding', async () => {
    expect(db.kind).toBe('pglite');
    const catalog = loadCatalog(ROOT);
    await upgrade(db, catalog, { to: '1.0.0' });
    await fillBase(db, { products: 300, customers: 300, orders: 600, openCarts: 300, giftCards: 100 });
    const rates = await giftCardRates(db);
    const stock = await variantStock(db);

    const summary = await upgrade(db, catalog, { batchSize: 100 });
    expect(summary.stoppedAt).toBeNull();
    expect(summary.databaseVersion).toBe('2.0.0');
    expect((await assertAdjustments(db)).adjustments).toBeGreaterThan(500);
    await assertDiscountConditions(db);
    await assertSalesChannels(db);
    await assertGiftCardRates(db, rates);
    await assertInventory(db, stock);
  });

  it.each(STEPS)('a second run of %s changes nothing and says so', async (step) => {
    expect(await runDataStep(db, path.join(ROOT, 'upgrade-guides', step))).toEqual({
      rowsAffected: 0,
      summary: expect.stringMatching(/nothing to do/),
    });
  });
});
