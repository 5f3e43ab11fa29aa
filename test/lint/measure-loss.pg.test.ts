// measureWarnings against real databases: the PostgreSQL server (a throwaway database) and PGlite,
// the embedded default, whose drivers return counts in different JavaScript types.
import { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Queryable } from '../../src/core/data-step.js';
import type { StatementPreview } from '../../src/core/warning.js';
import { analyzeStatements } from '../../src/lint/analyze.js';
import type { LintWarning } from '../../src/lint/lint-types.js';
import { measureWarnings } from '../../src/lint/measure-loss.js';
import { clonePgliteDir } from '../helpers/pglite.js';
import { createTestDatabase, type TestDatabase } from '../helpers/postgres.js';

const FIXTURE = `
  CREATE TABLE product_variant (id int PRIMARY KEY, inventory_quantity int);
  INSERT INTO product_variant VALUES (1, 5), (2, NULL), (3, 0), (4, NULL), (5, 12);
  CREATE SCHEMA "Odd Schema";
  CREATE TABLE "Odd Schema"."Mixed""Name" ("Qty" int);
  INSERT INTO "Odd Schema"."Mixed""Name" VALUES (1), (NULL), (3), (NULL);
  CREATE SCHEMA legacy;
  CREATE TABLE legacy.a (id int); INSERT INTO legacy.a VALUES (1), (2);
  CREATE TABLE legacy.b (id int); INSERT INTO legacy.b VALUES (1), (2), (3);
  CREATE TABLE cart (id int, sales_channel_id text);
  INSERT INTO cart SELECT g, 'sc_' || g FROM generate_series(1, 20000) g;
  CREATE TABLE store (id int); INSERT INTO store VALUES (1);
  CREATE TABLE events (at int NOT NULL) PARTITION BY RANGE (at);
  CREATE TABLE events_1 PARTITION OF events FOR VALUES FROM (0) TO (10000);
  CREATE TABLE events_2 PARTITION OF events FOR VALUES FROM (10000) TO (30000);
  INSERT INTO events SELECT g FROM generate_series(0, 14999) g;
  ANALYZE;
`;

/** what measuring added: rows lost for data loss, the table's estimate otherwise */
const figure = (w: LintWarning) => (w.kind === 'data-loss' ? w.affectedRows : w.estimatedRows);

async function measured(db: Queryable, ...chunks: string[]) {
  const previews = await measureWarnings(db, await analyzeStatements(chunks));
  return previews.flatMap((p) => p.warnings);
}

describe('measureWarnings on PostgreSQL', () => {
  let server: TestDatabase;
  const executed: string[] = [];
  let db: Queryable;

  beforeAll(async () => {
    server = await createTestDatabase('sw_lint');
    await server.query(FIXTURE);
    db = {
      async query(sql, params) {
        executed.push(sql);
        const result = await server.query(sql, params);
        return { rows: result.rows as never[], rowCount: result.rowCount ?? 0 };
      },
    };
  });

  afterAll(async () => {
    await server?.drop();
  });

  it('counts rows for DROP TABLE, TRUNCATE and DELETE, and non-null values for DROP COLUMN', async () => {
    const warnings = await measured(
      db,
      'ALTER TABLE "product_variant" DROP COLUMN "inventory_quantity";',
      'TRUNCATE product_variant; DELETE FROM public.product_variant;',
      'DROP TABLE "public"."product_variant";',
    );
    expect(warnings.map((w) => [w.message.slice(0, 14), w.affectedRows])).toEqual([
      ['Drops column "', 3],
      ['Deletes every ', 5],
      ['Deletes every ', 5],
      ['Drops table "p', 5],
    ]);
  });

  it('quotes schema and table names that need it', async () => {
    const warnings = await measured(db, 'ALTER TABLE "Odd Schema"."Mixed""Name" DROP COLUMN "Qty"', 'DROP TABLE "Odd Schema"."Mixed""Name"');
    expect(warnings.map((w) => w.affectedRows)).toEqual([2, 4]);
  });

  it('sums the rows of every table of a schema dropped with CASCADE', async () => {
    expect((await measured(db, 'DROP SCHEMA legacy CASCADE'))[0].affectedRows).toBe(5);
  });

  it('null when the table, column or schema does not exist yet (an earlier pending step makes it)', async () => {
    const warnings = await measured(
      db,
      'DROP TABLE inventory_level',
      'ALTER TABLE product_variant DROP COLUMN "Inventory_Quantity"',
      'ALTER TABLE "odd schema"."Mixed""Name" DROP COLUMN "Qty"',
      'DROP SCHEMA nowhere CASCADE',
    );
    expect(warnings.map((w) => w.affectedRows)).toEqual([null, null, null, null]);
  });

  it('adds the row estimate to lock and rewrite warnings on big tables only', async () => {
    const [notNull, index, rewrite, small, partitioned, missing] = await measured(
      db,
      'ALTER TABLE cart ALTER COLUMN sales_channel_id SET NOT NULL; CREATE INDEX i ON cart (id);' +
        'ALTER TABLE cart ALTER COLUMN id TYPE bigint; CREATE INDEX j ON store (id); CREATE INDEX k ON events (at);' +
        'CREATE INDEX l ON not_yet (id)',
    );
    expect(notNull.message).toMatch(/already proves it \(about 20,000 rows\)\.$/);
    expect(notNull.estimatedRows).toBe(20_000);
    expect(index.message).toMatch(/until it is built \(about 20,000 rows\)\.$/);
    expect(rewrite).toMatchObject({ kind: 'table-rewrite', estimatedRows: 20_000 });
    expect(small.message).toBe('Creating index "j" on table "store" without CONCURRENTLY blocks writes to the table until it is built.');
    expect(small.estimatedRows).toBeUndefined();
    expect(partitioned.estimatedRows).toBe(15_000);
    expect(missing.estimatedRows).toBeUndefined();
  });

  it('counts each table once, leaves its input alone and does not add the estimate twice', async () => {
    const analyzed = await analyzeStatements([
      'ALTER TABLE cart ALTER COLUMN sales_channel_id SET NOT NULL',
      'DROP TABLE product_variant',
      'TRUNCATE product_variant',
    ]);
    const snapshot = structuredClone(analyzed);
    executed.length = 0;
    const once = await measureWarnings(db, analyzed);
    expect(analyzed).toEqual(snapshot);
    expect(executed.filter((sql) => sql.startsWith('SELECT count('))).toEqual(['SELECT count(*) AS n FROM "product_variant"']);
    const twice = await measureWarnings(db, once);
    expect(twice).toEqual(once);
  });

  it('measures warnings built without the lint-only fields by their table and column', async () => {
    const preview: StatementPreview = {
      sql: 'ALTER TABLE product_variant DROP COLUMN inventory_quantity',
      transactional: true,
      warnings: [{ kind: 'data-loss', message: 'Drops a column.', table: 'product_variant', column: 'inventory_quantity' }],
    };
    const [result] = await measureWarnings(db, [preview]);
    expect(result.warnings[0].affectedRows).toBe(3);
  });

  it('runs inside a READ ONLY transaction without aborting it, missing tables included', async () => {
    await server.query('BEGIN READ ONLY');
    try {
      const warnings = await measured(db, 'DROP TABLE nope', 'DROP TABLE product_variant', 'CREATE INDEX ON cart (id)');
      expect(warnings.map((w) => figure(w))).toEqual([null, 5, 20_000]);
      expect((await server.query('SELECT 1 AS ok')).rows).toEqual([{ ok: 1 }]);
    } finally {
      await server.query('ROLLBACK');
    }
  });
});

describe('measureWarnings on PGlite', () => {
  let pglite: PGlite;
  let db: Queryable;
  let dir: ReturnType<typeof clonePgliteDir>;

  beforeAll(async () => {
    // a copy of the template global-setup initialised: initdb per file would cost seconds
    dir = clonePgliteDir();
    pglite = await PGlite.create(dir.dataDir);
    await pglite.exec(FIXTURE);
    db = {
      async query(sql, params) {
        const result = await pglite.query(sql, params);
        return { rows: result.rows as never[], rowCount: result.affectedRows ?? 0 };
      },
    };
  });

  afterAll(async () => {
    await pglite?.close();
    dir?.remove();
  });

  it('counts and estimates the same as the server', async () => {
    const warnings = await measured(
      db,
      'ALTER TABLE "product_variant" DROP COLUMN "inventory_quantity"',
      'DROP TABLE "Odd Schema"."Mixed""Name"',
      'DROP TABLE missing',
      'ALTER TABLE cart ALTER COLUMN sales_channel_id SET NOT NULL',
    );
    expect(warnings.map((w) => figure(w))).toEqual([3, 4, null, 20_000]);
    expect(typeof warnings[0].affectedRows).toBe('number');
  });
});
