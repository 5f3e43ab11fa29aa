import { describe, expect, it } from 'vitest';
import { kindsOfLast } from './lint-helpers.js';

const rewrites = (...chunks: string[]) => kindsOfLast('table-rewrite', ...chunks);
const addColumn = (definition: string) => rewrites(`ALTER TABLE "cart" ADD COLUMN ${definition}`);

describe('table-rewrite warnings', () => {
  it('a column type change names the column, the table and the new type', async () => {
    const [warning] = await rewrites('ALTER TABLE "public"."money_amount" ALTER COLUMN "amount" SET DATA TYPE numeric(12, 2);');
    expect(warning).toEqual({
      kind: 'table-rewrite',
      message:
        'Changing column "amount" of table "money_amount" to numeric(12,2) rewrites the table and its indexes under an ' +
        'ACCESS EXCLUSIVE lock, unless the old type converts without a rewrite (such as varchar to text).',
      table: 'money_amount',
      schema: 'public',
      column: 'amount',
    });
    const [withUsing] = await rewrites('ALTER TABLE t ALTER COLUMN tags TYPE text[] USING string_to_array(tags, \',\')');
    expect(withUsing.message).toContain('to text[]');
  });

  it.each([
    ['"id" uuid DEFAULT gen_random_uuid() NOT NULL', 'gen_random_uuid'],
    ['"token" float8 DEFAULT random()', 'random'],
    ['"seen_at" timestamptz DEFAULT clock_timestamp()', 'clock_timestamp'],
    ['"n" bigint DEFAULT nextval(\'cart_n_seq\'::regclass)', 'nextval'],
    ['"code" text DEFAULT md5(random()::text)', 'random'],
    ['"u" uuid DEFAULT "public".uuid_generate_v4()', 'uuid_generate_v4'],
    ['"pick" int DEFAULT CASE WHEN 1 IN (2, (random() * 3)::int) THEN 1 ELSE 0 END', 'random'],
  ])('ADD COLUMN %s is a rewrite: volatile %s()', async (definition, fn) => {
    const [warning, ...rest] = await addColumn(definition);
    expect(rest).toEqual([]);
    expect(warning.message).toMatch(new RegExp(`^Adding column "\\w+" to table "cart" with the volatile default ${fn}\\(\\) rewrites the table`));
    expect(warning).toMatchObject({ table: 'cart', column: expect.any(String) });
  });

  it.each([
    '"created_at" timestamptz DEFAULT now() NOT NULL',
    '"created_at" timestamptz DEFAULT CURRENT_TIMESTAMP',
    '"day" date DEFAULT (now() AT TIME ZONE \'utc\')::date',
    '"expires_at" timestamptz DEFAULT now() + interval \'30 days\'',
    '"status" "cart_type_enum" DEFAULT \'default\' NOT NULL',
    '"data" jsonb DEFAULT \'{}\'::jsonb NOT NULL',
    '"tags" text[] DEFAULT ARRAY[]::text[]',
    '"count" integer DEFAULT 0 NOT NULL',
    '"note" text',
    '"active" boolean DEFAULT true',
    '"owner" text DEFAULT current_user',
    '"label" text DEFAULT lower(\'X\') COLLATE "C"',
  ])('ADD COLUMN %s is not a rewrite since PostgreSQL 11', async (definition) => {
    expect(await addColumn(definition)).toEqual([]);
  });

  it('a default calling an unknown function is a softer, conditional warning', async () => {
    const [warning] = await addColumn('"ref" text DEFAULT make_ref(\'c\')');
    expect(warning.message).toBe(
      'Adding column "ref" to table "cart" with a default calling make_ref() rewrites the table under an ACCESS EXCLUSIVE lock if that function is volatile.',
    );
  });

  it('a volatile call anywhere in the default wins over an unknown one', async () => {
    const [warning] = await addColumn('"ref" text DEFAULT make_ref(gen_random_uuid()::text)');
    expect(warning.message).toContain('volatile default gen_random_uuid()');
  });

  it('serial, identity and stored generated columns are filled row by row', async () => {
    expect((await addColumn('"n" bigserial'))[0].message).toContain('as bigserial numbers every row');
    expect((await addColumn('"n" int GENERATED ALWAYS AS IDENTITY'))[0].message).toContain('identity column');
    expect((await addColumn('"total" int GENERATED ALWAYS AS (qty * 2) STORED'))[0].message).toContain('stored generated column');
    // PostgreSQL 18: virtual generated columns are computed on read
    expect(await addColumn('"total" int GENERATED ALWAYS AS (qty * 2) VIRTUAL')).toEqual([]);
  });

  it('table-level rewrites: SET LOGGED/UNLOGGED, SET TABLESPACE, SET ACCESS METHOD, VACUUM FULL, CLUSTER', async () => {
    const messages = async (sql: string) => (await rewrites(sql)).map((w) => w.message);
    expect(await messages('ALTER TABLE cart SET UNLOGGED')).toEqual(['Changing whether table "cart" is logged rewrites it under an ACCESS EXCLUSIVE lock.']);
    expect(await messages('ALTER TABLE cart SET TABLESPACE fast')).toEqual(['Moving table "cart" to tablespace "fast" copies it under an ACCESS EXCLUSIVE lock.']);
    expect(await messages('ALTER TABLE cart SET ACCESS METHOD heap2')).toHaveLength(1);
    expect(await messages('VACUUM (FULL, ANALYZE) cart, line_item')).toEqual([
      'VACUUM FULL rewrites table "cart" under an ACCESS EXCLUSIVE lock.',
      'VACUUM FULL rewrites table "line_item" under an ACCESS EXCLUSIVE lock.',
    ]);
    expect(await messages('VACUUM FULL')).toEqual(['VACUUM FULL rewrites every table of the database, each under an ACCESS EXCLUSIVE lock.']);
    expect(await messages('VACUUM (FULL false) cart')).toEqual([]);
    expect(await messages('VACUUM cart')).toEqual([]);
    expect(await messages('CLUSTER cart USING cart_pkey')).toEqual(['CLUSTER rewrites table "cart" in index order under an ACCESS EXCLUSIVE lock.']);
  });

  it('says nothing about tables this migration created', async () => {
    const create = 'CREATE TABLE "cart_v2" ("id" text PRIMARY KEY, "n" int)';
    expect(await rewrites(create, 'ALTER TABLE "cart_v2" ALTER COLUMN "n" TYPE bigint')).toEqual([]);
    expect(await rewrites(create, 'ALTER TABLE cart_v2 ADD COLUMN u uuid DEFAULT gen_random_uuid()')).toEqual([]);
    expect(await rewrites(create, 'ALTER TABLE cart_v2 RENAME TO basket', 'ALTER TABLE basket ALTER COLUMN n TYPE bigint')).toEqual([]);
  });

  it('a renamed existing table is still an existing table', async () => {
    expect(await rewrites('ALTER TABLE cart RENAME TO basket', 'ALTER TABLE basket ALTER COLUMN n TYPE bigint')).toHaveLength(1);
  });
});
