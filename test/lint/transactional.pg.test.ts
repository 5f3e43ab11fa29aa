// PostgreSQL itself is the judge: each statement the linter marks non-transactional must fail
// with 25001 (active_sql_transaction) inside BEGIN on the real server, and each look-alike it
// keeps transactional must not. Everything runs in a throwaway database and is rolled back.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../helpers/postgres.js';
import { isTransactional } from './lint-helpers.js';
import { ALLOWED_IN_TRANSACTION, REFUSED_IN_TRANSACTION, refreshingSubscription } from './transaction-fixtures.js';

const ACTIVE_SQL_TRANSACTION = '25001';
let db: TestDatabase;

beforeAll(async () => {
  db = await createTestDatabase('sw_lint');
  await db.query(`
    CREATE TABLE cart (id int PRIMARY KEY, email text);
    CREATE TYPE cart_type_enum AS ENUM ('default', 'swap');
    CREATE TABLE measurement (at int NOT NULL) PARTITION BY RANGE (at);
    CREATE TABLE measurement_2024 PARTITION OF measurement FOR VALUES FROM (0) TO (100);
    CREATE SUBSCRIPTION sub CONNECTION 'host=replica' PUBLICATION pub WITH (connect = false);
  `);
});

afterAll(async () => {
  if (!db) return;
  // a subscription with a slot blocks DROP DATABASE
  await db.query('ALTER SUBSCRIPTION sub SET (slot_name = NONE)').catch(() => undefined);
  await db.query('DROP SUBSCRIPTION IF EXISTS sub').catch(() => undefined);
  await db.drop();
});

/** the SQLSTATE the statement fails with inside a transaction block, or null when it succeeds */
async function errorInTransaction(sql: string): Promise<string | null> {
  await db.query('BEGIN');
  try {
    await db.query(sql.replaceAll('sw_lint', db.name));
    return null;
  } catch (error) {
    return (error as { code?: string }).code ?? 'no code';
  } finally {
    await db.query('ROLLBACK');
  }
}

const provable = REFUSED_IN_TRANSACTION.filter((sql) => !refreshingSubscription().includes(sql));

describe('PostgreSQL agrees with the transaction-block detection', () => {
  it.each(provable)('%s is refused by the server', async (sql) => {
    expect(await isTransactional(sql)).toBe(false);
    expect(await errorInTransaction(sql)).toBe(ACTIVE_SQL_TRANSACTION);
  });

  it.each(ALLOWED_IN_TRANSACTION)('%s is not refused by the server', async (sql) => {
    expect(await isTransactional(sql)).toBe(true);
    expect(await errorInTransaction(sql)).not.toBe(ACTIVE_SQL_TRANSACTION);
  });

  it('REINDEX TABLE on a partitioned table is refused, as the linter says when the migration created it', async () => {
    const created = 'CREATE TABLE measurement (at int NOT NULL) PARTITION BY RANGE (at)';
    expect(await isTransactional(created, 'REINDEX TABLE measurement')).toBe(false);
    expect(await errorInTransaction('REINDEX TABLE measurement')).toBe(ACTIVE_SQL_TRANSACTION);
  });
});
