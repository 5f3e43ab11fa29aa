import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertSeed } from '../../src/seed/insert-seed.js';
import { validateSeed } from '../../src/seed/load-seed-file.js';
import { verifyPassword } from '../../src/seed/password.js';
import type { SeedReport } from '../../src/seed/seed-report.js';
import { createTestDatabase, type TestDatabase } from './pg-test-database.js';
import { difference, tableCounts } from './seed-queries.js';

const demoJson = JSON.parse(readFileSync(new URL('../../seed/seed.json', import.meta.url), 'utf8'));
const demo = validateSeed(demoJson);
const counts = (report: SeedReport) =>
  Object.fromEntries(report.entities.map((e) => [e.entity, [e.inserted, e.alreadyPresent]]));

describe('insertSeed on PostgreSQL: the demo store', () => {
  let db: TestDatabase;
  let first: SeedReport;

  beforeAll(async () => {
    db = await createTestDatabase();
    first = await insertSeed(db, demo);
  }, 60_000);
  afterAll(async () => db?.drop());

  it('reports every entity as new', () => {
    expect(counts(first)).toEqual({
      store: [1, 0],
      currencies: [3, 0],
      sales_channels: [1, 0],
      stock_locations: [1, 0],
      users: [1, 0],
      regions: [3, 0],
      countries: [13, 0],
      shipping_options: [7, 0],
      categories: [12, 0],
      collections: [2, 0],
      products: [13, 0],
      variants: [32, 0],
      prices: [96, 0],
      images: [24, 0],
      inventory_items: [29, 0],
    });
    expect(first.warnings).toEqual([]);
  });

  it('writes exactly the rows the file describes', async () => {
    const variants = demo.products.flatMap((p) => p.variants);
    expect(await tableCounts(db)).toMatchObject({
      product: 13,
      product_variant: variants.length,
      product_option: demo.products.reduce((n, p) => n + p.options.length, 0),
      product_option_value: variants.reduce((n, v) => n + v.options.length, 0),
      money_amount: variants.reduce((n, v) => n + v.prices.length, 0),
      product_images: 24,
      product_sales_channel: 13,
      product_category_product: 12,
      inventory_item: variants.filter((v) => v.manage_inventory).length,
      inventory_level: variants.filter((v) => v.manage_inventory).length,
      product_variant_inventory_item: variants.filter((v) => v.manage_inventory).length,
    });
    expect(first.rowsWritten).toBe(Object.values(await tableCounts(db)).reduce((a, b) => a + b, 0));
  });

  it('stores the password hashed, never plain', async () => {
    const { rows } = await db.query<{ email: string; role: string; password_hash: string }>('SELECT email, role, password_hash FROM "user"');
    expect(rows).toEqual([{ email: 'admin@kettle-and-crane.example', role: 'admin', password_hash: expect.stringMatching(/^scrypt\$/) }]);
    expect(await verifyPassword(demo.users[0].password, rows[0].password_hash)).toBe(true);
    const dump = await db.value<string>(`SELECT string_agg(t::text, ' ') FROM "user" t`);
    expect(dump).not.toContain(demo.users[0].password);
  });

  it("keeps the file's region ids and maps shipping options and countries to them", async () => {
    expect(await db.value(`SELECT string_agg(id || ':' || currency_code || ':' || tax_rate, ',' ORDER BY id) FROM region`)).toBe(
      'region-eu:eur:21,region-na:usd:0,region-uk:gbp:20',
    );
    expect(await db.value(`SELECT string_agg(iso_2, ',' ORDER BY iso_2) FROM country WHERE region_id = 'region-na'`)).toBe('ca,us');
    expect(await db.value(`SELECT display_name FROM country WHERE iso_2 = 'de'`)).toBe('Germany');
    expect(await db.value(`SELECT count(*)::int FROM shipping_option WHERE region_id = 'region-uk'`)).toBe(2);
    const { rows } = await db.query(`SELECT price_type, amount, is_return, data FROM shipping_option WHERE name = 'Return by post'`);
    expect(rows).toEqual([{ price_type: 'flat_rate', amount: 0, is_return: true, data: { id: 'manual-fulfillment' } }]);
    expect(await db.value(`SELECT string_agg(region_id || '/' || provider_id, ',' ORDER BY region_id) FROM region_payment_providers`)).toBe(
      'region-eu/manual,region-na/manual,region-uk/manual',
    );
  });

  it('builds the category tree with parents, ranks and materialised paths', async () => {
    const { rows } = await db.query(
      `SELECT id, parent_category_id AS parent, rank, mpath, is_active FROM product_category WHERE id IN ('cat-brewing', 'cat-brewing-kettles') ORDER BY id`,
    );
    expect(rows).toEqual([
      { id: 'cat-brewing', parent: null, rank: 2, mpath: 'cat-brewing.', is_active: true },
      { id: 'cat-brewing-kettles', parent: 'cat-brewing', rank: 2, mpath: 'cat-brewing.cat-brewing-kettles.', is_active: true },
    ]);
    expect(
      await db.value(`SELECT c.id FROM product_category_product l JOIN product p ON p.id = l.product_id
                      JOIN product_category c ON c.id = l.product_category_id WHERE p.handle = 'gooseneck-kettle'`),
    ).toBe('cat-brewing-kettles');
  });

  it("attaches every product to the store's default sales channel", async () => {
    const channel = await db.value<string>(`SELECT s.default_sales_channel_id FROM store s`);
    expect(await db.value(`SELECT name FROM sales_channel WHERE id = $1`, [channel])).toBe('Default Sales Channel');
    expect(await db.value(`SELECT count(*)::int FROM product_sales_channel WHERE sales_channel_id = $1`, [channel])).toBe(13);
  });

  it("maps each variant's option values to its product's options", async () => {
    const { rows } = await db.query<{ variant: string; values: string }>(
      `SELECT v.title AS variant, string_agg(o.title || '=' || ov.value, ', ' ORDER BY o.created_at, o.id) AS values
         FROM product_variant v JOIN product p ON p.id = v.product_id
         JOIN product_option_value ov ON ov.variant_id = v.id JOIN product_option o ON o.id = ov.option_id
        WHERE p.handle = 'ethiopia-guji-natural' AND o.product_id = p.id
        GROUP BY v.title ORDER BY v.title`,
    );
    expect(rows).toEqual([
      { variant: '1 kg / Ground for filter', values: 'Size=1 kg, Grind=Ground for filter' },
      { variant: '1 kg / Whole bean', values: 'Size=1 kg, Grind=Whole bean' },
      { variant: '250 g / Ground for filter', values: 'Size=250 g, Grind=Ground for filter' },
      { variant: '250 g / Whole bean', values: 'Size=250 g, Grind=Whole bean' },
    ]);
  });

  it('prices variants per currency and stocks managed ones at the default location', async () => {
    const { rows } = await db.query(
      `SELECT v.sku, string_agg(m.currency_code || ' ' || m.amount, ', ' ORDER BY m.currency_code) AS prices,
              max(l.stocked_quantity) AS stocked, max(sl.name) AS location
         FROM product_variant v JOIN money_amount m ON m.variant_id = v.id
         LEFT JOIN product_variant_inventory_item pvi ON pvi.variant_id = v.id
         LEFT JOIN inventory_item i ON i.id = pvi.inventory_item_id
         LEFT JOIN inventory_level l ON l.inventory_item_id = i.id
         LEFT JOIN stock_location sl ON sl.id = l.location_id
        WHERE v.sku IN ('KC-ETH-01', 'KC-GRD-01') GROUP BY v.sku ORDER BY v.sku`,
    );
    const eth = demo.products[0].variants[0];
    expect(rows).toEqual([
      { sku: 'KC-ETH-01', prices: eth.prices.map((p) => `${p.currency_code} ${p.amount}`).join(', '), stocked: eth.inventory_quantity, location: 'Default Location' },
      { sku: 'KC-GRD-01', prices: 'eur 8900, gbp 7600, usd 9500', stocked: 12, location: 'Default Location' },
    ]);
    expect(await db.value(`SELECT count(*)::int FROM product_variant v JOIN product p ON p.id = v.product_id
                           JOIN product_variant_inventory_item l ON l.variant_id = v.id WHERE p.handle = 'gift-card'`)).toBe(0);
  });

  it('adds nothing when run again, and says so per entity', async () => {
    const before = await tableCounts(db);
    const again = await insertSeed(db, demo);
    expect(difference(await tableCounts(db), before)).toEqual({});
    expect(again.rowsWritten).toBe(0);
    for (const entry of again.entities) {
      const firstRun = first.entities.find((e) => e.entity === entry.entity)!;
      expect([entry.entity, entry.inserted, entry.alreadyPresent]).toEqual([entry.entity, 0, firstRun.inserted + firstRun.alreadyPresent]);
    }
  });

  it('adds just the product a file adds', async () => {
    const before = await tableCounts(db);
    const file = structuredClone(demoJson);
    file.products.push({
      title: 'Cold Brew Bottle',
      handle: 'cold-brew-bottle',
      metadata: { material: 'borosilicate' },
      images: ['https://images.kettle-and-crane.example/products/cold-brew-bottle-front.jpg'],
      categories: ['cat-drinkware'],
      collection: 'brew-basics',
      options: [{ title: 'Colour', values: ['Clear', 'Smoke'] }],
      variants: ['Clear', 'Smoke'].map((colour, i) => ({
        title: colour,
        sku: `KC-CBB-0${i + 1}`,
        prices: [{ currency_code: 'eur', amount: 3200 }, { currency_code: 'gbp', amount: 2750 }, { currency_code: 'usd', amount: 3500 }],
        options: [{ value: colour }],
        inventory_quantity: 30,
      })),
    });
    const report = await insertSeed(db, validateSeed(file));
    expect(counts(report)).toMatchObject({ products: [1, 13], variants: [2, 32], prices: [6, 96], images: [1, 24], inventory_items: [2, 29], users: [0, 1] });
    expect(difference(await tableCounts(db), before)).toEqual({
      product: 1,
      product_option: 1,
      product_variant: 2,
      product_option_value: 2,
      money_amount: 6,
      image: 1,
      product_images: 1,
      product_category_product: 1,
      product_sales_channel: 1,
      inventory_item: 2,
      inventory_level: 2,
      product_variant_inventory_item: 2,
    });
    const { rows } = await db.query(
      `SELECT c.handle AS collection, p.metadata, p.status, p.thumbnail FROM product p
         JOIN product_collection c ON c.id = p.collection_id WHERE p.handle = 'cold-brew-bottle'`,
    );
    expect(rows).toEqual([
      {
        collection: 'brew-basics',
        metadata: { material: 'borosilicate' },
        status: 'published',
        thumbnail: 'https://images.kettle-and-crane.example/products/cold-brew-bottle-front.jpg',
      },
    ]);
  });

  it('leaves a product already present as it is, and warns about variants it lacks', async () => {
    const file = structuredClone(demoJson);
    const kettle = file.products.find((p: { handle: string }) => p.handle === 'gooseneck-kettle');
    kettle.options[0].values.push('Copper');
    kettle.variants.push({ ...kettle.variants[0], title: 'Copper', sku: 'KC-KTL-09', options: [{ value: 'Copper' }] });
    const before = await tableCounts(db);
    const report = await insertSeed(db, validateSeed(file));
    expect(difference(await tableCounts(db), before)).toEqual({});
    expect(report.warnings).toEqual(['product "gooseneck-kettle" is already present and was left as it is; the file\'s variant "Copper" was not added']);
  });
});
