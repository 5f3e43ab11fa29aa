import { describe, expect, it } from 'vitest';
import { kindsOfLast } from './lint-helpers.js';

const locks = (...chunks: string[]) => kindsOfLast('long-lock', ...chunks);
const EXCLUSIVE = 'under an ACCESS EXCLUSIVE lock, blocking reads and writes';

describe('long-lock warnings', () => {
  it('SET NOT NULL scans the table', async () => {
    expect(await locks('ALTER TABLE "cart" ALTER COLUMN "sales_channel_id" SET NOT NULL;')).toEqual([
      {
        kind: 'long-lock',
        message:
          `Setting column "sales_channel_id" of table "cart" NOT NULL scans every row ${EXCLUSIVE}, ` +
          'unless a validated CHECK ("sales_channel_id" IS NOT NULL) constraint already proves it.',
        table: 'cart',
        column: 'sales_channel_id',
      },
    ]);
  });

  it('CREATE INDEX without CONCURRENTLY blocks writes; with CONCURRENTLY it does not', async () => {
    expect(await locks('CREATE INDEX "idx_cart_sales_channel_id" ON "cart" USING btree ("sales_channel_id");')).toEqual([
      {
        kind: 'long-lock',
        message: 'Creating index "idx_cart_sales_channel_id" on table "cart" without CONCURRENTLY blocks writes to the table until it is built.',
        table: 'cart',
      },
    ]);
    expect((await locks('CREATE UNIQUE INDEX ON audit.log (id)'))[0]).toMatchObject({
      table: 'log',
      schema: 'audit',
      message: 'Creating an index on table "audit"."log" without CONCURRENTLY blocks writes to the table until it is built.',
    });
    expect(await locks('CREATE INDEX CONCURRENTLY idx ON cart (email)')).toEqual([]);
  });

  it('a foreign key without NOT VALID checks every row and blocks writes to both tables', async () => {
    const sql =
      'ALTER TABLE "cart" ADD CONSTRAINT "cart_sales_channel_id_sales_channel_id_fk" FOREIGN KEY ("sales_channel_id") ' +
      'REFERENCES "public"."sales_channel"("id") ON DELETE no action ON UPDATE no action;';
    expect(await locks(sql)).toEqual([
      {
        kind: 'long-lock',
        message:
          'Adding foreign key "cart_sales_channel_id_sales_channel_id_fk" to table "cart" without NOT VALID checks every row ' +
          'while blocking writes to "cart" and "sales_channel".',
        table: 'cart',
      },
    ]);
    expect(await locks('ALTER TABLE cart ADD CONSTRAINT fk FOREIGN KEY (a) REFERENCES b (id) NOT VALID')).toEqual([]);
    expect(await locks('ALTER TABLE cart VALIDATE CONSTRAINT fk')).toEqual([]);
  });

  it('CHECK without NOT VALID scans the table; NOT VALID and NOT ENFORCED do not', async () => {
    expect((await locks('ALTER TABLE cart ADD CONSTRAINT positive CHECK (total >= 0)'))[0].message).toBe(
      `Adding check constraint "positive" to table "cart" without NOT VALID scans every row ${EXCLUSIVE}.`,
    );
    expect(await locks('ALTER TABLE cart ADD CONSTRAINT positive CHECK (total >= 0) NOT VALID')).toEqual([]);
    expect(await locks('ALTER TABLE cart ADD CONSTRAINT positive CHECK (total >= 0) NOT ENFORCED')).toEqual([]);
  });

  it('PRIMARY KEY and UNIQUE build an index unless USING INDEX adopts one', async () => {
    const [unique] = await locks('ALTER TABLE "store" ADD CONSTRAINT "uq_store_default_sales_channel_id" UNIQUE("default_sales_channel_id");');
    expect(unique.message).toBe(
      `Adding unique constraint "uq_store_default_sales_channel_id" to table "store" builds its index ${EXCLUSIVE}; ` +
        'build a unique index CONCURRENTLY first and add the constraint USING INDEX.',
    );
    expect((await locks('ALTER TABLE cart ADD PRIMARY KEY (id)'))[0].message).toMatch(/^Adding primary key to table "cart" builds its index/);
    expect(await locks('ALTER TABLE cart ADD CONSTRAINT cart_pkey PRIMARY KEY USING INDEX cart_id_idx')).toEqual([]);
    expect(await locks('ALTER TABLE booking ADD CONSTRAINT no_overlap EXCLUDE USING gist (room WITH =, during WITH &&)')).toHaveLength(1);
  });

  it('ADD COLUMN with an inline foreign key, check or unique constraint checks or indexes the whole table', async () => {
    const warnings = await locks(
      'ALTER TABLE cart ADD COLUMN region_id text REFERENCES region (id), ADD COLUMN qty int DEFAULT 1 CHECK (qty > 0), ADD COLUMN code text UNIQUE',
    );
    expect(warnings.map((w) => [w.column, w.message])).toEqual([
      ['region_id', `Adding column "region_id" to table "cart" with a foreign key to "region" checks every row ${EXCLUSIVE}.`],
      ['qty', `Adding column "qty" to table "cart" with a check constraint scans every row ${EXCLUSIVE}.`],
      ['code', `Adding column "code" to table "cart" as unique builds an index ${EXCLUSIVE}.`],
    ]);
    expect(await locks('ALTER TABLE cart ADD COLUMN note text NOT NULL DEFAULT \'\'')).toEqual([]);
  });

  it('says nothing about tables this migration created, even in the same chunk', async () => {
    const migration = [
      'CREATE TABLE "sales_channel" ("id" text PRIMARY KEY NOT NULL, "name" text NOT NULL);',
      'ALTER TABLE "sales_channel" ADD CONSTRAINT "fk" FOREIGN KEY ("id") REFERENCES "public"."store"("id");',
      'ALTER TABLE "sales_channel" ALTER COLUMN "name" SET NOT NULL;',
      'ALTER TABLE sales_channel ADD CONSTRAINT named CHECK (name <> \'\'), ADD CONSTRAINT uq UNIQUE (name)',
      'CREATE INDEX "idx_sales_channel_name" ON "public"."sales_channel" ("name");',
    ];
    const previews = await Promise.all(migration.map((_, i) => locks(...migration.slice(0, i + 1))));
    expect(previews.flat()).toEqual([]);
    expect(await locks('CREATE TABLE t (id int); CREATE INDEX ON t (id);')).toEqual([]);
  });

  it('a foreign key from an existing table to a new one still checks the existing table', async () => {
    const warnings = await locks('CREATE TABLE "sales_channel" ("id" text PRIMARY KEY)', 'ALTER TABLE cart ADD FOREIGN KEY (sales_channel_id) REFERENCES sales_channel (id)');
    expect(warnings).toEqual([expect.objectContaining({ table: 'cart' })]);
  });
});
