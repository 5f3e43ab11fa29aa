// The performance bar: 10,000 products with 4 variants each, set-based, in seconds.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateSeed } from '../../src/seed/generate-seed.js';
import { insertSeed, type SeedDatabase } from '../../src/seed/insert-seed.js';
import { validateSeed } from '../../src/seed/load-seed-file.js';
import type { SeedProgress } from '../../src/seed/seed-report.js';
import { createTestDatabase, type TestDatabase } from './pg-test-database.js';
import { tableCounts } from './seed-queries.js';

describe('insertSeed on PostgreSQL: a generated file of 10,000 products × 4 variants', () => {
  let db: TestDatabase;
  const statements: string[] = [];
  beforeAll(async () => {
    db = await createTestDatabase();
  }, 30_000);
  afterAll(async () => db?.drop());

  it('inserts every row in batches, not row by row', async () => {
    const seed = validateSeed(generateSeed({ products: 10_000, variantsPerProduct: 4 }));
    const progress: SeedProgress[] = [];
    const counting: SeedDatabase = {
      query: (sql, params) => {
        statements.push(sql);
        return db.query(sql, params);
      },
      transaction: (fn) => db.transaction(() => fn(counting)),
    };
    const report = await insertSeed(counting, seed, (p) => progress.push(p));
    console.info(
      `seeded ${report.rowsWritten.toLocaleString('en-US')} rows in ${report.durationMs} ms ` +
        `(${Math.round((report.rowsWritten / report.durationMs) * 1000).toLocaleString('en-US')} rows/s)`,
    );
    expect(await tableCounts(db)).toMatchObject({
      product: 10_000,
      product_variant: 40_000,
      product_option_value: 40_000,
      money_amount: 80_000,
      product_images: 20_000,
      inventory_item: 40_000,
      inventory_level: 40_000,
      product_variant_inventory_item: 40_000,
      product_sales_channel: 10_000,
    });
    // 360,000 rows in well under 200 statements: a few thousand rows per round trip
    expect(statements.length).toBeLessThan(200);
    // a chunk of products at a time, each with all its rows
    expect(progress).toEqual([1250, 2500, 3750, 5000, 6250, 7500, 8750, 10000].map((done) => ({ done, total: 10_000 })));
    expect(report.durationMs).toBeLessThan(60_000);
  }, 120_000);

  it('adds nothing the second time, quickly', async () => {
    const seed = validateSeed(generateSeed({ products: 10_000, variantsPerProduct: 4 }));
    const report = await insertSeed(db, seed);
    expect(report.rowsWritten).toBe(0);
    expect(report.entities.find((e) => e.entity === 'products')).toEqual({ entity: 'products', inserted: 0, alreadyPresent: 10_000 });
    expect(report.durationMs).toBeLessThan(10_000);
  }, 60_000);
});
