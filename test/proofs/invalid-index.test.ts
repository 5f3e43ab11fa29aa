// A failed CREATE INDEX CONCURRENTLY leaves an INVALID index; it is dropped before the retry,
// and only when it is invalid. On the real server (where concurrent builds really are two-phase).
import fs from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadCatalog, openDatabase, upgrade } from '../../src/api.js';
import type { Database } from '../../src/db/database.js';
import { concurrentIndexes, dropInvalidIndexes } from '../../src/run/invalid-index.js';
import { writeCatalog } from '../helpers/catalog-builder.js';
import { createTestDatabase, type TestDatabase } from '../helpers/postgres.js';

const CREATE = 'CREATE UNIQUE INDEX CONCURRENTLY product_handle_key ON product (handle)';

const indexState = async (t: TestDatabase, name: string) =>
  (
    await t.query<{ valid: boolean; schema: string }>(
      `SELECT i.indisvalid AS valid, n.nspname AS schema FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
         JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.relname = $1 ORDER BY 2`,
      [name],
    )
  ).rows;

describe('invalid indexes left by a failed concurrent build', () => {
  let t: TestDatabase;
  let db: Database;
  beforeEach(async () => {
    t = await createTestDatabase('sw_invidx');
    db = await openDatabase(t.url);
    await t.query("CREATE TABLE product (id int PRIMARY KEY, handle text); INSERT INTO product SELECT g, 'h' || (g % 900) FROM generate_series(1, 1000) g");
  });
  afterEach(async () => {
    await db.close();
    await t.drop();
  });

  it('finds the named concurrent indexes with the parser, nothing else', async () => {
    const found = await concurrentIndexes([
      `${CREATE};\nCREATE INDEX product_id_idx ON product (id)`,
      'CREATE INDEX CONCURRENTLY IF NOT EXISTS "Mixed Case" ON shop."Order" (id)',
      'CREATE INDEX CONCURRENTLY ON product (handle)', // no name: nothing to tie it to
      'ALTER TABLE product ADD COLUMN sku text',
      'this is not SQL',
    ]);
    expect(found).toEqual([
      { name: 'product_handle_key', table: '"product"' },
      { name: 'Mixed Case', table: '"shop"."Order"' },
    ]);
  });

  it('a failed build leaves an invalid index; it is dropped, and the retry after fixing the data succeeds', async () => {
    await expect(db.exec(CREATE)).rejects.toMatchObject({ code: '23505' });
    expect(await indexState(t, 'product_handle_key')).toEqual([{ valid: false, schema: 'public' }]);
    // the retry as it is would trip over the leftover
    await expect(db.exec(CREATE)).rejects.toMatchObject({ code: '42P07' });

    expect(await dropInvalidIndexes(db, [CREATE])).toEqual(['"public"."product_handle_key"']);
    expect(await indexState(t, 'product_handle_key')).toEqual([]);

    await t.query("UPDATE product SET handle = handle || '-' || id WHERE id > 900");
    await db.exec(CREATE);
    expect(await indexState(t, 'product_handle_key')).toEqual([{ valid: true, schema: 'public' }]);
    // a valid index is never dropped
    expect(await dropInvalidIndexes(db, [CREATE])).toEqual([]);
    expect(await indexState(t, 'product_handle_key')).toEqual([{ valid: true, schema: 'public' }]);
  });

  it('only the index of the named table\'s schema, and a plain DROP inside a transaction', async () => {
    await t.query("CREATE SCHEMA shop; CREATE TABLE shop.product (id int, handle text); INSERT INTO shop.product VALUES (1, 'a'), (2, 'a')");
    const inShop = 'CREATE UNIQUE INDEX CONCURRENTLY product_handle_key ON shop.product (handle)';
    await expect(db.exec(inShop)).rejects.toMatchObject({ code: '23505' });
    await expect(db.exec(CREATE)).rejects.toMatchObject({ code: '23505' });
    expect(await indexState(t, 'product_handle_key')).toEqual([
      { valid: false, schema: 'public' },
      { valid: false, schema: 'shop' },
    ]);
    await db.begin();
    expect(await dropInvalidIndexes(db, [inShop])).toEqual(['"shop"."product_handle_key"']);
    await db.commit();
    expect(await indexState(t, 'product_handle_key')).toEqual([{ valid: false, schema: 'public' }]);
  });

  it('the runner cleans up before re-running the migration that failed', async () => {
    const root = writeCatalog([
      { version: '1.0.0', steps: [{ migration: '0000_base', sql: 'CREATE TABLE IF NOT EXISTS product (id int PRIMARY KEY, handle text)' }] },
      { version: '1.1.0', steps: [{ migration: '0001_unique_handle', sql: CREATE }] },
    ]);
    try {
      const catalog = loadCatalog(root);
      const failed = await upgrade(db, catalog);
      expect(failed.stoppedAt?.why).toBe('failed');
      expect(failed.outcomes.at(-1)?.failure?.code).toBe('23505');
      expect(await indexState(t, 'product_handle_key')).toEqual([{ valid: false, schema: 'public' }]);

      await t.query("UPDATE product SET handle = handle || '-' || id WHERE id > 900");
      const again = await upgrade(db, catalog);
      expect(again.outcomes.map((o) => o.failure ?? o.status)).toEqual(['applied']);
      expect(again.databaseVersion).toBe('1.1.0');
      expect(await indexState(t, 'product_handle_key')).toEqual([{ valid: true, schema: 'public' }]);
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});
