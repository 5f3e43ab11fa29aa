import { describe, expect, it } from 'vitest';
import { kindsOfLast } from './lint-helpers.js';

const loss = (...chunks: string[]) => kindsOfLast('data-loss', ...chunks);

describe('data-loss warnings', () => {
  it('DROP TABLE names each table, quoted and schema-qualified ones included', async () => {
    const warnings = await loss('DROP TABLE IF EXISTS "order", "Audit"."Log Entries", line_item CASCADE;');
    expect(warnings).toEqual([
      {
        kind: 'data-loss',
        message: 'Drops table "order" with all its rows, and the views and foreign keys that depend on it.',
        table: 'order',
        loses: 'rows',
      },
      expect.objectContaining({ table: 'Log Entries', schema: 'Audit', message: expect.stringContaining('"Audit"."Log Entries"') }),
      expect.objectContaining({ table: 'line_item' }),
    ]);
  });

  it('keeps an explicit public schema but leaves it out of the message', async () => {
    const [warning] = await loss('DROP TABLE "public"."product_variant"');
    expect(warning).toMatchObject({ table: 'product_variant', schema: 'public', message: 'Drops table "product_variant" with all its rows.' });
  });

  it('DROP COLUMN names the column and its table', async () => {
    const [warning, ...rest] = await loss('ALTER TABLE "product_variant" DROP COLUMN "inventory_quantity";');
    expect(rest).toEqual([]);
    expect(warning).toEqual({
      kind: 'data-loss',
      message: 'Drops column "inventory_quantity" of table "product_variant" with every value in it.',
      table: 'product_variant',
      column: 'inventory_quantity',
      loses: 'column-values',
    });
  });

  it('finds every DROP COLUMN of one ALTER TABLE', async () => {
    const warnings = await loss('ALTER TABLE cart DROP COLUMN a, ADD COLUMN b int, DROP COLUMN IF EXISTS "C"');
    expect(warnings.map((w) => w.column)).toEqual(['a', 'C']);
  });

  it('TRUNCATE and DELETE without WHERE empty the table', async () => {
    expect(await loss('TRUNCATE TABLE cart, "public".line_item RESTART IDENTITY')).toEqual([
      { kind: 'data-loss', message: 'Deletes every row of table "cart".', table: 'cart', loses: 'rows' },
      { kind: 'data-loss', message: 'Deletes every row of table "line_item".', table: 'line_item', schema: 'public', loses: 'rows' },
    ]);
    const [cascade] = await loss('TRUNCATE cart CASCADE');
    expect(cascade.message).toBe('Deletes every row of table "cart" and of every table with a foreign key to it.');
    expect(await loss('DELETE FROM cart')).toEqual([expect.objectContaining({ table: 'cart', loses: 'rows' })]);
    expect(await loss("DELETE FROM cart WHERE completed_at < now() - interval '1 year'")).toEqual([]);
  });

  it('DROP SCHEMA warns only with CASCADE, since without it a non-empty schema cannot be dropped', async () => {
    expect(await loss('DROP SCHEMA legacy CASCADE')).toEqual([
      { kind: 'data-loss', message: 'Drops schema "legacy" with every table and row in it.', schema: 'legacy', loses: 'schema-rows' },
    ]);
    expect(await loss('DROP SCHEMA legacy')).toEqual([]);
  });

  it('says nothing about tables and columns this migration created', async () => {
    const create = 'CREATE TABLE "tmp_import" ("id" text PRIMARY KEY, "note" text)';
    expect(await loss(create, 'DROP TABLE "tmp_import"')).toEqual([]);
    expect(await loss(create, 'ALTER TABLE "public"."tmp_import" DROP COLUMN "note"')).toEqual([]);
    expect(await loss(create, 'TRUNCATE tmp_import')).toEqual([]);
    expect(await loss('CREATE TABLE copy AS SELECT * FROM cart', 'DROP TABLE copy')).toEqual([]);
    expect(await loss('ALTER TABLE cart ADD COLUMN "scratch" int', 'ALTER TABLE cart DROP COLUMN scratch')).toEqual([]);
    expect(await loss('ALTER TABLE cart ADD COLUMN a int', 'ALTER TABLE cart RENAME COLUMN a TO b', 'ALTER TABLE cart DROP COLUMN b')).toEqual([]);
  });

  it('does not trust CREATE TABLE IF NOT EXISTS to make a new table: it may meet an existing one', async () => {
    expect(await loss('CREATE TABLE IF NOT EXISTS "cart" ("id" text)', 'DROP TABLE "cart"')).toHaveLength(1);
    expect(await loss('CREATE TABLE IF NOT EXISTS c2 AS SELECT * FROM cart', 'DROP TABLE c2')).toHaveLength(1);
  });

  it('names identifiers the way SQL would, embedded quotes doubled', async () => {
    const [warning] = await loss('ALTER TABLE "Mixed""Name" DROP COLUMN "a""b"');
    expect(warning).toMatchObject({ table: 'Mixed"Name', column: 'a"b', message: 'Drops column "a""b" of table "Mixed""Name" with every value in it.' });
  });

  it('warns again once a created table was dropped and an existing one of that name is meant', async () => {
    const chunks = ['CREATE TABLE t (id int)', 'DROP TABLE t', 'DROP TABLE t'];
    expect(await loss(...chunks)).toHaveLength(1);
  });

  it('does not confuse tables of the same name in different schemas', async () => {
    expect(await loss('CREATE TABLE archive.cart (id int)', 'DROP TABLE cart')).toHaveLength(1);
    expect(await loss('CREATE TABLE cart (id int)', 'DROP TABLE public.cart')).toEqual([]);
  });

  it('ignores drops that lose no application data', async () => {
    for (const sql of [
      'DROP INDEX idx_cart_email',
      'DROP VIEW cart_summary',
      'ALTER TABLE cart DROP CONSTRAINT cart_pkey',
      'DROP TYPE cart_type_enum',
      'ALTER TABLE cart ALTER COLUMN email DROP NOT NULL',
    ]) {
      expect(await loss(sql), sql).toEqual([]);
    }
  });
});
