// The embedded default: `npm start` seeds into PGlite, through the engine's own adapter.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/database.js';
import { openPglite } from '../../src/db/pglite-database.js';
import { insertSeed } from '../../src/seed/insert-seed.js';
import { validateSeed } from '../../src/seed/load-seed-file.js';
import { asSeedDatabase } from '../../src/seed/seed-database.js';
import { clonePgliteDir } from '../helpers/pglite.js';
import { migrationStatements } from './pg-test-database.js';
import { tableCounts } from './seed-queries.js';

const demo = validateSeed(JSON.parse(readFileSync(new URL('../../seed/seed.json', import.meta.url), 'utf8')));

describe('insertSeed on PGlite', () => {
  const dir = clonePgliteDir();
  let db: Database;
  beforeAll(async () => {
    db = await openPglite(dir.dataDir, 'test');
    for (const statement of migrationStatements()) await db.exec(statement);
  }, 120_000);
  afterAll(async () => {
    await db?.close();
    dir.remove();
  });

  it('seeds the demo store, then adds nothing on a re-run', async () => {
    const first = await insertSeed(asSeedDatabase(db), demo);
    expect(first.entities.find((e) => e.entity === 'products')).toEqual({ entity: 'products', inserted: 13, alreadyPresent: 0 });
    const counts = await tableCounts(db);
    expect(counts).toMatchObject({ product: 13, product_variant: 32, money_amount: 96, inventory_level: 29 });
    expect(first.rowsWritten).toBe(Object.values(counts).reduce((a, b) => a + b, 0));

    const again = await insertSeed(asSeedDatabase(db), demo);
    expect(again.rowsWritten).toBe(0);
    expect(await tableCounts(db)).toEqual(counts);
    expect(db.depth).toBe(0);
  }, 60_000);
});
