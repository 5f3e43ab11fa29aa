// Seeding into a database that already has data: what is there is found and used, clashes are
// refused before anything is written, invalid files never reach the database.
import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { insertSeed } from '../../src/seed/insert-seed.js';
import { SeedFileError, loadSeedFile, validateSeed } from '../../src/seed/load-seed-file.js';
import { SeedConflictError } from '../../src/seed/seed-conflict.js';
import { createTestDatabase, type TestDatabase } from './pg-test-database.js';
import { tableCounts } from './seed-queries.js';

const file = () => ({
  store: { currencies: ['eur'] },
  users: [{ email: 'ops@example.com', password: 'long-enough' }],
  regions: [{ id: 'region-eu', name: 'Europe', currency_code: 'eur', tax_rate: 19, fulfillment_providers: ['manual'], countries: ['de', 'fr'] }],
  shipping_options: [{ name: 'Standard', region_id: 'region-eu', provider_id: 'manual', price_type: 'flat_rate' as const, amount: 500 }],
  products: [
    { title: 'Mug', handle: 'mug', variants: [{ title: 'One size', sku: 'MUG-1', prices: [{ currency_code: 'eur', amount: 1200 }], inventory_quantity: 4 }] },
  ],
});

describe('insertSeed on PostgreSQL: a database with data', () => {
  let db: TestDatabase;
  beforeEach(async () => {
    db = await createTestDatabase();
    await db.query(`INSERT INTO currency (code, symbol, symbol_native, name) VALUES ('eur', '€', '€', 'Euro')`);
  }, 30_000);
  afterEach(async () => db?.drop());

  it("uses the store's existing default channel and stock location", async () => {
    await db.query(`INSERT INTO sales_channel (id, name) VALUES ('sc_web', 'Web shop')`);
    await db.query(`INSERT INTO store (id, name, default_currency_code, default_sales_channel_id) VALUES ('store_1', 'Mine', 'eur', 'sc_web')`);
    await db.query(`INSERT INTO stock_location (id, name) VALUES ('sloc_main', 'Main warehouse')`);
    const report = await insertSeed(db, validateSeed(file()));
    expect(report.entities.filter((e) => ['store', 'sales_channels', 'stock_locations'].includes(e.entity))).toEqual([
      { entity: 'store', inserted: 0, alreadyPresent: 1 },
      { entity: 'sales_channels', inserted: 0, alreadyPresent: 1 },
      { entity: 'stock_locations', inserted: 0, alreadyPresent: 1 },
    ]);
    expect(await db.value(`SELECT sales_channel_id FROM product_sales_channel`)).toBe('sc_web');
    expect(await db.value(`SELECT location_id FROM inventory_level`)).toBe('sloc_main');
    expect(await db.value(`SELECT name FROM store`)).toBe('Mine');
  });

  it('finds the "Default Sales Channel" 1.4.0 created when the store does not point to it', async () => {
    await db.query(`INSERT INTO sales_channel (id, name) VALUES ('sc_default', 'Default Sales Channel')`);
    await db.query(`INSERT INTO store (id, default_currency_code) VALUES ('store_1', 'eur')`);
    await insertSeed(db, validateSeed(file()));
    expect(await db.value(`SELECT default_sales_channel_id FROM store`)).toBe('sc_default');
    expect(await db.value(`SELECT count(*)::int FROM sales_channel`)).toBe(1);
  });

  it('matches a region by name and maps the file\'s region id to it', async () => {
    await db.query(`INSERT INTO region (id, name, currency_code, tax_rate) VALUES ('reg_01EXISTING', 'Europe', 'eur', 20)`);
    const report = await insertSeed(db, validateSeed(file()));
    expect(report.entities.find((e) => e.entity === 'regions')).toEqual({ entity: 'regions', inserted: 0, alreadyPresent: 1 });
    expect(await db.value(`SELECT region_id FROM shipping_option`)).toBe('reg_01EXISTING');
    expect(await db.value(`SELECT tax_rate FROM region`)).toBe(20);
  });

  it('leaves a country in the region that has it, with a warning', async () => {
    await db.query(`INSERT INTO region (id, name, currency_code, tax_rate) VALUES ('reg_fr', 'France', 'eur', 20)`);
    await db.query(`INSERT INTO country (iso_2, display_name, region_id) VALUES ('fr', 'France', 'reg_fr'), ('de', 'Germany', NULL)`);
    const report = await insertSeed(db, validateSeed(file()));
    expect(report.warnings).toEqual(['country "fr" already belongs to region "France"; it was not added to "Europe"']);
    expect(report.entities.find((e) => e.entity === 'countries')).toEqual({ entity: 'countries', inserted: 1, alreadyPresent: 1 });
    expect(await db.value(`SELECT string_agg(iso_2 || '=' || region_id, ',' ORDER BY iso_2) FROM country`)).toBe('de=region-eu,fr=reg_fr');
  });

  it('refuses a SKU another product has, naming the path, and writes nothing', async () => {
    await db.query(`INSERT INTO product (id, title, handle) VALUES ('prod_old', 'Old mug', 'old-mug')`);
    await db.query(`INSERT INTO product_variant (id, title, product_id, sku) VALUES ('variant_old', 'Default', 'prod_old', 'MUG-1')`);
    const before = await tableCounts(db);
    const error = await insertSeed(db, validateSeed(file())).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SeedConflictError);
    expect((error as SeedConflictError).problems).toEqual([
      { path: 'products[0].variants[0].sku', message: 'SKU "MUG-1" is already used by variant "Default" of product "old-mug"' },
    ]);
    expect(await tableCounts(db)).toEqual(before);
  });

  it('never touches the database with an invalid file', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'stepwise-seed-'));
    const invalid = file() as any;
    invalid.shipping_options[0].region_id = 'region-us';
    invalid.products[0].variants[0].prices[0].amount = '12.00';
    const target = path.join(dir, 'seed.json');
    writeFileSync(target, JSON.stringify(invalid));
    const before = await tableCounts(db);
    const error = await loadSeedFile(target)
      .then((seed) => insertSeed(db, seed))
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SeedFileError);
    expect((error as SeedFileError).problems.map((p) => p.path)).toEqual(['products[0].variants[0].prices[0].amount']);
    expect(await tableCounts(db)).toEqual(before);
  });

  it('rolls everything back when a statement fails midway', async () => {
    const before = await tableCounts(db);
    // a trigger that fails on the last table written proves the whole seed is one transaction
    await db.query(`CREATE FUNCTION refuse() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'no links today'; END $$`);
    await db.query(`CREATE TRIGGER refuse BEFORE INSERT ON product_variant_inventory_item FOR EACH ROW EXECUTE FUNCTION refuse()`);
    await expect(insertSeed(db, validateSeed(file()))).rejects.toThrow('no links today');
    expect(await tableCounts(db)).toEqual(before);
  });
});
