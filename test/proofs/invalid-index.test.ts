// A failed CREATE INDEX CONCURRENTLY leaves an INVALID index, a failed REINDEX CONCURRENTLY its
// `_ccnew` rebuilds; they are dropped before the retry, and only when invalid. On the real server
// (where concurrent builds really are two-phase).
import fs from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadCatalog, openDatabase, upgrade } from '../../src/api.js';
import type { Database } from '../../src/db/database.js';
import { concurrentBuilds, dropInvalidIndexes, isLeftoverOfUnnamed, leftoversOfReindex, type InvalidIndex, type TableIndex, type UnnamedConcurrentIndex } from '../../src/run/invalid-index.js';
import { generatedIndexName } from '../../src/run/index-names.js';
import { writeCatalog } from '../helpers/catalog-builder.js';
import { createTestDatabase, type TestDatabase } from '../helpers/postgres.js';

const CREATE = 'CREATE UNIQUE INDEX CONCURRENTLY product_handle_key ON product (handle)';

// A name over 63 bytes, as PostgreSQL stores it and names its rebuild (the REINDEX test below
// checks both on the server): a multibyte character is never split
const LONG = `${'i'.repeat(55)}_ïndex_name`; // 67 bytes
const LONG_STORED = `${'i'.repeat(55)}_ïndex_`; // 63 bytes
const LONG_CCNEW = `${'i'.repeat(55)}__ccnew`; // the name clipped to 57 bytes, then "_ccnew"

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

  it('finds the named concurrent indexes and the concurrent reindexes with the parser, nothing else', async () => {
    const found = await concurrentBuilds([
      `${CREATE};\nCREATE INDEX product_id_idx ON product (id)`,
      'CREATE INDEX CONCURRENTLY IF NOT EXISTS "Mixed Case" ON shop."Order" (id)',
      'CREATE INDEX CONCURRENTLY ON product (handle)', // no name: PostgreSQL's is worked out
      'CREATE UNIQUE INDEX CONCURRENTLY ON shop."Order" USING hash (a, b) INCLUDE (c) WHERE a > 0',
      'CREATE INDEX CONCURRENTLY ON product (lower(handle))', // over an expression: left alone
      'ALTER TABLE product ADD COLUMN sku text',
      'REINDEX INDEX CONCURRENTLY shop."Order_pkey"; REINDEX (CONCURRENTLY) TABLE product; REINDEX SCHEMA CONCURRENTLY shop',
      'REINDEX DATABASE CONCURRENTLY; REINDEX TABLE product; REINDEX (CONCURRENTLY false) INDEX product_pkey',
      'this is not SQL',
    ]);
    expect(found).toEqual({
      indexes: [
        { name: 'product_handle_key', table: '"product"' },
        { name: 'Mixed Case', table: '"shop"."Order"' },
      ],
      unnamed: [
        { table: '"product"', tableName: 'product', keyColumns: ['handle'], includeColumns: [], unique: false, method: 'btree', partial: false },
        { table: '"shop"."Order"', tableName: 'Order', keyColumns: ['a', 'b'], includeColumns: ['c'], unique: true, method: 'hash', partial: true },
      ],
      reindexes: [
        { kind: 'index', index: '"shop"."Order_pkey"' },
        { kind: 'table', table: '"product"' },
        { kind: 'schema', schema: 'shop' },
        { kind: 'database' },
      ],
    });
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

  it('an unnamed build: its leftover is found by the name PostgreSQL gave it, and the re-run takes that name again', async () => {
    const unnamed = 'CREATE UNIQUE INDEX CONCURRENTLY ON product (handle)';
    await expect(db.exec(unnamed)).rejects.toMatchObject({ code: '23505' });
    // a valid index and an invalid one of another definition, both named like it could be
    await t.query('CREATE INDEX product_handle_idx1 ON product (handle)');
    await expect(db.exec('CREATE UNIQUE INDEX CONCURRENTLY product_handle_idx2 ON product (handle) WHERE id > 0')).rejects.toMatchObject({ code: '23505' });
    expect(await indexState(t, 'product_handle_idx')).toEqual([{ valid: false, schema: 'public' }]);

    expect(await dropInvalidIndexes(db, [unnamed])).toEqual(['"public"."product_handle_idx"']);
    expect(await indexState(t, 'product_handle_idx1')).toEqual([{ valid: true, schema: 'public' }]);
    expect(await indexState(t, 'product_handle_idx2')).toEqual([{ valid: false, schema: 'public' }]);

    await t.query("UPDATE product SET handle = handle || '-' || id WHERE id > 900");
    await db.exec(unnamed);
    expect(await indexState(t, 'product_handle_idx')).toEqual([{ valid: true, schema: 'public' }]);
  });

  it('names unnamed indexes as PostgreSQL does: long, repeated, multibyte and included columns', async () => {
    const long = `${'l'.repeat(40)}_ténant`;
    await t.query(`CREATE TABLE "${long}_orders" ("${long}_id" int, "ünit" text, "${'c'.repeat(60)}" int, "x" int)`);
    const cases: string[][] = [[`${long}_id`, 'ünit'], [`${long}_id`, `${long}_id`], ['x', 'x', 'x'], ['c'.repeat(60), 'x'], ['ünit'], ['ünit']];
    for (const columns of cases) {
      const key = columns.slice(0, -1).length > 0 ? columns.slice(0, -1) : columns;
      const include = columns.length > 1 ? columns.slice(-1) : [];
      await t.query(`CREATE INDEX ON "${long}_orders" (${key.map((c) => `"${c}"`).join(', ')})${include.length ? ` INCLUDE ("${include[0]}")` : ''}`);
    }
    const made = (await t.query<{ name: string }>(`SELECT c.relname AS name FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid WHERE i.indrelid = to_regclass($1) ORDER BY c.oid`, [`"${long}_orders"`])).rows.map((r) => r.name);
    const table = (await t.query<{ name: string }>('SELECT relname AS name FROM pg_class WHERE oid = to_regclass($1)', [`"${long}_orders"`])).rows[0].name;
    // the first two clip to the same name, as do the last two: the second of each takes "idx1"
    const labels = ['idx', 'idx1', 'idx', 'idx', 'idx', 'idx1'];
    expect(made).toEqual(cases.map((columns, i) => generatedIndexName(table, columns, labels[i])));
    expect(made[4]).toBe('llllllllllllllllllllllllllllllllllllllll_ténant_orde_ünit_idx'); // ü kept whole
  });

  describe('REINDEX CONCURRENTLY', () => {
    // an "immutable" function that fails once fail_flag holds a row: the rebuild fails midway,
    // as a lock timeout, a cancel or a kill would make it
    beforeEach(async () => {
      await t.query(`CREATE TABLE fail_flag (x int);
        CREATE FUNCTION code_of(int) RETURNS int IMMUTABLE LANGUAGE sql AS $$ SELECT $1 / (1 - (SELECT count(*)::int FROM public.fail_flag)) $$;
        ALTER TABLE product ADD COLUMN note text; UPDATE product SET note = repeat('x', 3000) WHERE id <= 10;
        CREATE INDEX product_code_idx ON product (code_of(id));
        CREATE TABLE other (id int PRIMARY KEY); INSERT INTO other VALUES (1)`);
      // an invalid index named like a leftover, on another table
      await t.query('INSERT INTO fail_flag VALUES (1)');
      await expect(t.query('CREATE INDEX CONCURRENTLY other_id_ccnew ON other (code_of(id))')).rejects.toMatchObject({ code: '22012' });
    });
    const productIndexes = async () =>
      (
        await t.query<{ name: string; valid: boolean }>(
          `SELECT c.relname AS name, i.indisvalid AS valid FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
            WHERE i.indrelid IN ('product'::regclass, (SELECT reltoastrelid FROM pg_class WHERE oid = 'product'::regclass)) ORDER BY 1`,
        )
      ).rows.map((r) => `${r.name.replace(/^pg_toast_\d+/, 'pg_toast_N')}${r.valid ? '' : ' (invalid)'}`);

    it('a long name: PostgreSQL stores and clips it as leftoversOfReindex expects', async () => {
      await t.query('DELETE FROM fail_flag');
      await t.query(`CREATE INDEX "${LONG}" ON product (code_of(id + 1))`);
      await t.query('INSERT INTO fail_flag VALUES (1)');
      const reindex = `REINDEX INDEX CONCURRENTLY "${LONG}"`;
      await expect(db.exec(reindex)).rejects.toMatchObject({ code: '22012' });
      expect(await indexState(t, LONG_STORED)).toEqual([{ valid: true, schema: 'public' }]);
      expect(await indexState(t, LONG_CCNEW)).toEqual([{ valid: false, schema: 'public' }]);
      expect(await dropInvalidIndexes(db, [reindex])).toEqual([`"public"."${LONG_CCNEW}"`]);
    });

    it('a failed REINDEX INDEX leaves <index>_ccnew; only that one is dropped', async () => {
      const reindex = 'REINDEX INDEX CONCURRENTLY product_code_idx';
      await expect(db.exec(reindex)).rejects.toMatchObject({ code: '22012' });
      await expect(db.exec('REINDEX TABLE CONCURRENTLY product')).rejects.toMatchObject({ code: '22012' });
      expect(await productIndexes()).toEqual([
        'pg_toast_N_index',
        'pg_toast_N_index_ccnew (invalid)',
        'product_code_idx',
        'product_code_idx_ccnew (invalid)',
        'product_code_idx_ccnew1 (invalid)',
        'product_handle_key',
        'product_pkey',
        'product_pkey_ccnew (invalid)',
      ].filter((name) => name !== 'product_handle_key'));
      expect((await dropInvalidIndexes(db, [reindex])).sort()).toEqual(['"public"."product_code_idx_ccnew"', '"public"."product_code_idx_ccnew1"']);
      // the invalid index another table holds, though named like a leftover, is not this statement's
      expect(await indexState(t, 'other_id_ccnew')).toEqual([{ valid: false, schema: 'public' }]);
    });

    it.each(['REINDEX SCHEMA CONCURRENTLY public', 'REINDEX DATABASE CONCURRENTLY'])('%s: the leftovers of every table of it', async (reindex) => {
      await expect(db.exec('REINDEX TABLE CONCURRENTLY product')).rejects.toMatchObject({ code: '22012' });
      const dropped = (await dropInvalidIndexes(db, [reindex])).map((name) => name.replace(/pg_toast_\d+/, 'pg_toast_N')).sort();
      expect(dropped).toEqual(['"pg_toast"."pg_toast_N_index_ccnew"', '"public"."product_code_idx_ccnew"', '"public"."product_pkey_ccnew"']);
      expect(await indexState(t, 'other_id_ccnew')).toEqual([{ valid: false, schema: 'public' }]);
    });

    it('the runner cleans up what a failed REINDEX TABLE left, TOAST included, before the re-run', async () => {
      const root = writeCatalog([
        { version: '1.0.0', steps: [{ migration: '0000_base', sql: 'CREATE TABLE IF NOT EXISTS product (id int PRIMARY KEY, handle text)' }] },
        { version: '1.1.0', steps: [{ migration: '0001_rebuild', sql: 'REINDEX TABLE CONCURRENTLY product' }] },
      ]);
      try {
        const catalog = loadCatalog(root);
        const failed = await upgrade(db, catalog);
        expect(failed.outcomes.at(-1)?.failure?.code).toBe('22012');
        expect((await productIndexes()).filter((name) => name.includes('invalid'))).toEqual([
          'pg_toast_N_index_ccnew (invalid)',
          'product_code_idx_ccnew (invalid)',
          'product_pkey_ccnew (invalid)',
        ]);

        await t.query('DELETE FROM fail_flag');
        const logged: string[] = [];
        const again = await upgrade(db, catalog, { onEvent: (e) => e.type === 'log' && logged.push(e.message) });
        expect(again.outcomes.map((o) => o.failure ?? o.status)).toEqual(['applied']);
        expect(await productIndexes()).toEqual(['pg_toast_N_index', 'product_code_idx', 'product_pkey']);
        // the operator is told what went
        expect(logged.map((m) => m.replace(/pg_toast_\d+/, 'pg_toast_N')).sort()).toEqual([
          'dropped invalid index "pg_toast"."pg_toast_N_index_ccnew", left by an earlier failed run of this migration',
          'dropped invalid index "public"."product_code_idx_ccnew", left by an earlier failed run of this migration',
          'dropped invalid index "public"."product_pkey_ccnew", left by an earlier failed run of this migration',
        ]);
        expect(await indexState(t, 'other_id_ccnew')).toEqual([{ valid: false, schema: 'public' }]);
      } finally {
        fs.rmSync(root, { recursive: true, force: true });
      }
    });
  });
});

describe('leftoversOfReindex', () => {
  const index = (name: string, valid = true, table = 1): TableIndex => ({ schema: 'public', name, valid, table });

  it('an invalid _ccnew/_ccold of another index of the same table', () => {
    const indexes = [
      index('product_pkey'),
      index('product_pkey_ccnew', false),
      index('product_pkey_ccold2', false),
      index('product_sku_ccnew', false), // no index product_sku
      index('product_pkey_ccnew1'), // valid: someone's index
      index('product_pkey_ccnewer', false),
      index('order_pkey_ccnew', false, 2), // another table's
      index('order_pkey', true, 3),
    ];
    expect(leftoversOfReindex(indexes).map((i) => i.name)).toEqual(['product_pkey_ccnew', 'product_pkey_ccold2']);
    expect(leftoversOfReindex(indexes, 'product_sku')).toEqual([]);
  });

  it('names clipped to 63 bytes as PostgreSQL clips them, without splitting a character', () => {
    const indexes = [index(LONG_STORED), index(LONG_CCNEW, false), index(`${'i'.repeat(55)}_ccnew12`, false), index(`${'i'.repeat(50)}_ccnew`, false)];
    expect(leftoversOfReindex(indexes, LONG_STORED).map((i) => i.name)).toEqual([LONG_CCNEW, `${'i'.repeat(55)}_ccnew12`]);
  });
});

describe('isLeftoverOfUnnamed', () => {
  const build: UnnamedConcurrentIndex = { table: '"product"', tableName: 'product', keyColumns: ['handle'], includeColumns: ['sku'], unique: true, method: 'btree', partial: false };
  const invalid = (changes: Partial<InvalidIndex> = {}): InvalidIndex => ({
    schema: 'public',
    name: 'product_handle_sku_idx',
    unique: true,
    method: 'btree',
    partial: false,
    expressions: false,
    keyCount: 1,
    columns: ['handle', 'sku'],
    ...changes,
  });

  it('the same definition under a name PostgreSQL gives it', () => {
    expect(isLeftoverOfUnnamed(invalid(), build)).toBe(true);
    expect(isLeftoverOfUnnamed(invalid({ name: 'product_handle_sku_idx12' }), build)).toBe(true);
  });

  it('not another name, nor another definition', () => {
    expect(isLeftoverOfUnnamed(invalid({ name: 'product_handle_idx' }), build)).toBe(false);
    expect(isLeftoverOfUnnamed(invalid({ name: 'product_handle_sku_key' }), build)).toBe(false);
    expect(isLeftoverOfUnnamed(invalid({ unique: false }), build)).toBe(false);
    expect(isLeftoverOfUnnamed(invalid({ method: 'hash' }), build)).toBe(false);
    expect(isLeftoverOfUnnamed(invalid({ partial: true }), build)).toBe(false);
    expect(isLeftoverOfUnnamed(invalid({ expressions: true }), build)).toBe(false);
    expect(isLeftoverOfUnnamed(invalid({ keyCount: 2 }), build)).toBe(false);
    expect(isLeftoverOfUnnamed(invalid({ columns: ['sku', 'handle'] }), build)).toBe(false);
  });
});
