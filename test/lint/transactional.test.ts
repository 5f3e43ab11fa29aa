import { describe, expect, it } from 'vitest';
import { isTransactional } from './lint-helpers.js';
import { ALLOWED_IN_TRANSACTION, REFUSED_IN_TRANSACTION } from './transaction-fixtures.js';


describe('statements PostgreSQL refuses inside a transaction block', () => {
  it.each(REFUSED_IN_TRANSACTION)('%s → runs outside a transaction', async (sql) => {
    expect(await isTransactional(sql)).toBe(false);
  });

  it.each(ALLOWED_IN_TRANSACTION)('%s → stays transactional', async (sql) => {
    expect(await isTransactional(sql)).toBe(true);
  });

  it('flags a chunk when any of its statements is refused', async () => {
    const chunk = 'SET lock_timeout = 0;\nCREATE INDEX CONCURRENTLY i ON t (a);\nSELECT 1;';
    expect(await isTransactional(chunk)).toBe(false);
  });

  it('reads the keyword, not text that looks like it', async () => {
    const lookalikes = [
      "COMMENT ON TABLE t IS 'CREATE INDEX CONCURRENTLY later'",
      '-- VACUUM FULL t\nSELECT 1',
      '/* DROP DATABASE prod */ SELECT 1',
      'CREATE TABLE "concurrently" ("vacuum" int)',
      "DO $$ BEGIN RAISE NOTICE 'VACUUM'; END $$",
    ];
    for (const sql of lookalikes) expect(await isTransactional(sql), sql).toBe(true);
  });

  it('treats REINDEX TABLE and CLUSTER on a table this migration created partitioned as refused', async () => {
    const partitioned = 'CREATE TABLE "events" ("at" timestamptz NOT NULL) PARTITION BY RANGE ("at")';
    const plain = 'CREATE TABLE "events" ("at" timestamptz NOT NULL)';
    expect(await isTransactional(partitioned, 'REINDEX TABLE events')).toBe(false);
    expect(await isTransactional(partitioned, 'CLUSTER "public"."events" USING events_at')).toBe(false);
    expect(await isTransactional(plain, 'REINDEX TABLE events')).toBe(true);
    expect(await isTransactional(partitioned, 'ALTER TABLE events RENAME TO log', 'REINDEX TABLE log')).toBe(false);
    expect(await isTransactional(partitioned, 'DROP TABLE events', plain, 'REINDEX TABLE events')).toBe(true);
  });
});
