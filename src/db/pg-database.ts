// Adapter for a real PostgreSQL server through `pg`: one client, one session.
import pg from 'pg';
import type { QueryResult } from '../core/data-step.js';
import type { Database } from './database.js';
import { TransactionDepth } from './database.js';
import { describeConnectionError } from './connection-error.js';

export async function openPostgres(url: string, masked: string, toolVersion: string): Promise<Database> {
  const client = new pg.Client({
    connectionString: url,
    application_name: `stepwise ${toolVersion}`,
    connectionTimeoutMillis: 10_000,
  });
  // a dropped connection must surface as a failed query, not an unhandled 'error' event
  client.on('error', () => undefined);
  try {
    await client.connect();
  } catch (error) {
    await client.end().catch(() => undefined);
    throw describeConnectionError(error, masked, url);
  }
  const tx = new TransactionDepth();
  return {
    kind: 'postgres',
    label: masked,
    async query<Row>(sql: string, params?: unknown[]): Promise<QueryResult<Row>> {
      const result = await client.query({ text: sql, values: params as unknown[] | undefined });
      return { rows: result.rows as Row[], rowCount: result.command === 'SELECT' ? 0 : (result.rowCount ?? 0) };
    },
    async exec(sql: string): Promise<number> {
      // no parameters: the simple protocol, which accepts several statements at once
      const result = (await client.query(sql)) as unknown as pg.QueryResult | pg.QueryResult[];
      // one result per statement; a SELECT's count is rows read, not changed
      return (Array.isArray(result) ? result : [result]).reduce((sum, r) => sum + (r.command !== 'SELECT' ? (r.rowCount ?? 0) : 0), 0);
    },
    async begin() {
      await client.query(tx.beginSql());
    },
    async commit() {
      await client.query(tx.commitSql());
    },
    async rollback() {
      await client.query(tx.rollbackSql());
    },
    get depth() {
      return tx.depth;
    },
    async close() {
      await client.end().catch(() => undefined);
    },
  };
}
