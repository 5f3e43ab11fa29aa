// Seeding a validated file: everything in one transaction, in dependency order, each table
// written set-based in batches. Idempotent: entries are matched on natural keys (e-mail, region
// id or name, handle, …) and only what is missing is added.
import type { Queryable } from '../core/data-step.js';
import { insertCategories, insertCollections } from './insert-categories.js';
import { insertProducts } from './insert-products.js';
import { insertRegions, insertShippingOptions } from './insert-regions.js';
import { ensureStore } from './insert-store.js';
import { insertUsers } from './insert-users.js';
import type { SeedFile } from './seed-file-schema.js';
import type { SeedProgressListener, SeedReport } from './seed-report.js';
import { SeedTally } from './seed-report.js';

export interface SeedDatabase extends Queryable {
  /** runs `fn` in one transaction: committed when it resolves, rolled back when it throws */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
}

/** Inserts what `seed` has and the database lacks; expects the schema at the code's version. */
export async function insertSeed(db: SeedDatabase, seed: SeedFile, onProgress?: SeedProgressListener): Promise<SeedReport> {
  const started = performance.now();
  const tally = new SeedTally();
  await db.transaction(async (tx) => {
    const store = await ensureStore(tx, seed, tally);
    await insertUsers(tx, seed.users, tally);
    const regionIds = await insertRegions(tx, seed.regions, tally);
    await insertShippingOptions(tx, seed.shipping_options, regionIds, tally);
    const categoryIds = await insertCategories(tx, seed.categories, tally);
    const collectionIds = await insertCollections(tx, seed.product_collections, tally);
    await insertProducts(
      tx,
      seed.products,
      { categoryIds, collectionIds, salesChannelId: store.salesChannelId, stockLocationId: store.stockLocationId },
      tally,
      onProgress,
    );
  });
  return tally.report(Math.round(performance.now() - started));
}
