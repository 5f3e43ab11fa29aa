// The store and what every later entity hangs on: its currencies (and the currency reference
// rows, which the migrations leave empty), its default sales channel, a stock location.
import type { Queryable } from '../core/data-step.js';
import { bulkInsert } from './bulk-insert.js';
import { newId } from './ids.js';
import { currencyRow } from './reference-data.js';
import type { SeedFile } from './seed-file-schema.js';
import type { SeedTally } from './seed-report.js';

/** the same names the 1.4.0 and 1.8.0 data steps give what they create */
export const defaultSalesChannelName = 'Default Sales Channel';
export const defaultStockLocationName = 'Default Location';

export interface StoreIds {
  storeId: string;
  salesChannelId: string;
  /** null when no variant of the file manages inventory */
  stockLocationId: string | null;
}

/** Every currency the file uses: the store's first, then regions' and prices'. */
export function currenciesOf(seed: SeedFile): string[] {
  const codes = new Set<string>(seed.store?.currencies ?? []);
  if (seed.store?.default_currency_code) codes.add(seed.store.default_currency_code);
  for (const region of seed.regions) codes.add(region.currency_code);
  for (const product of seed.products) {
    for (const variant of product.variants) for (const price of variant.prices) codes.add(price.currency_code);
  }
  return [...codes];
}

export async function ensureStore(db: Queryable, seed: SeedFile, tally: SeedTally): Promise<StoreIds> {
  const codes = currenciesOf(seed);
  // a new store needs a default currency even when the file names none (Medusa's is usd)
  const defaultCurrency = codes[0] ?? 'usd';
  const currencies = await bulkInsert(db, {
    table: 'currency',
    columns: { code: 'text', symbol: 'text', symbol_native: 'text', name: 'text' },
    rows: [...new Set([defaultCurrency, ...codes])].map(currencyRow),
    skipConflicts: true,
  });
  tally.wrote(currencies.inserted);

  const storeId = await findOrCreateStore(db, seed.store?.name ?? 'Medusa Store', seed.store?.default_currency_code ?? defaultCurrency, tally);
  const linked = await bulkInsert(db, {
    table: 'store_currencies',
    columns: { store_id: 'text', currency_code: 'text' },
    rows: codes.map((code) => ({ store_id: storeId, currency_code: code })),
    skipConflicts: true,
  });
  tally.count('currencies', codes.length, linked.inserted);

  const salesChannelId = await ensureSalesChannel(db, storeId, tally);
  const managed = seed.products.some((product) => product.variants.some((variant) => variant.manage_inventory));
  const stockLocationId = managed ? await ensureStockLocation(db, tally) : null;
  return { storeId, salesChannelId, stockLocationId };
}

async function findOrCreateStore(db: Queryable, name: string, defaultCurrency: string, tally: SeedTally): Promise<string> {
  const existing = await db.query<{ id: string }>('SELECT id FROM store ORDER BY created_at, id LIMIT 1');
  if (existing.rows[0]) {
    tally.count('store', 1, 0);
    return existing.rows[0].id;
  }
  const id = newId('store');
  await db.query('INSERT INTO store (id, name, default_currency_code) VALUES ($1, $2, $3)', [id, name, defaultCurrency]);
  tally.count('store', 1, 1);
  return id;
}

/** The store's default channel; found by name or created when the store has none (as 1.4.0 does). */
async function ensureSalesChannel(db: Queryable, storeId: string, tally: SeedTally): Promise<string> {
  const store = await db.query<{ channel: string | null }>(
    'SELECT default_sales_channel_id AS channel FROM store WHERE id = $1',
    [storeId],
  );
  const current = store.rows[0]?.channel;
  if (current) {
    tally.count('sales_channels', 1, 0);
    return current;
  }
  const named = await db.query<{ id: string }>(
    'SELECT id FROM sales_channel WHERE name = $1 AND deleted_at IS NULL ORDER BY created_at, id LIMIT 1',
    [defaultSalesChannelName],
  );
  let id = named.rows[0]?.id;
  if (!id) {
    id = newId('sc');
    await db.query('INSERT INTO sales_channel (id, name, description) VALUES ($1, $2, $3)', [
      id,
      defaultSalesChannelName,
      'Created by default',
    ]);
  }
  await db.query('UPDATE store SET default_sales_channel_id = $1 WHERE id = $2', [id, storeId]);
  tally.count('sales_channels', 1, named.rows[0] ? 0 : 1);
  return id;
}

/** The first stock location, or a new default one: managed variants keep their stock there. */
async function ensureStockLocation(db: Queryable, tally: SeedTally): Promise<string> {
  const existing = await db.query<{ id: string }>(
    'SELECT id FROM stock_location WHERE deleted_at IS NULL ORDER BY created_at, id LIMIT 1',
  );
  if (existing.rows[0]) {
    tally.count('stock_locations', 1, 0);
    return existing.rows[0].id;
  }
  const id = newId('sloc');
  await db.query('INSERT INTO stock_location (id, name) VALUES ($1, $2)', [id, defaultStockLocationName]);
  tally.count('stock_locations', 1, 1);
  return id;
}
