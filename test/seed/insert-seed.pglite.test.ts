// The embedded default: `npm start` seeds into PGlite, through the engine's own adapter.
import { mkdtempSync, rmSync } from 'node:fs';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/database.js';
import { openPglite } from '../../src/db/pglite-database.js';
import { insertSeed } from '../../src/seed/insert-seed.js';
import { validateSeed } from '../../src/seed/load-seed-file.js';
import { asSeedDatabase } from '../../src/seed/seed-database.js';
import { migrationStatements } from './pg-test-database.js';
import { tableCounts } from './seed-queries.js';

const demo = validateSeed(JSON.parse(readFileSync(new URL('../../seed/seed.json', import.meta.url), 'utf8')));

describe('insertSeed on PGlite', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'stepwise-seed-pglite-'));
  let db: Database;
  beforeAll(async () => {
    db = await openPglite(path.join(dir, 'pgdata'), 'test');
    for (const statement of migrationStatements()) await db.exec(statement);
  }, 120_000);
  afterAll(async () => {
    await db?.close();
    rmSync(dir, { recursive: true, force: true });
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
