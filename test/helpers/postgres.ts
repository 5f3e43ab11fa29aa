// A fresh database on the real PostgreSQL server per test file, dropped afterwards.
// No server is a failure, never a skip: CI must prove the real thing.
import crypto from 'node:crypto';
import pg from 'pg';

export const ADMIN_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export function urlFor(database: string): string {
  const url = new URL(ADMIN_URL);
  url.pathname = `/${database}`;
  return url.toString();
}

export async function admin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: ADMIN_URL });
  try {
    await client.connect();
  } catch (error) {
    throw new Error(
      `The tests need the real PostgreSQL server at ${ADMIN_URL} (${(error as Error).message}). ` +
        'Start it (pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start) or set TEST_DATABASE_URL.',
    );
  }
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

export interface TestDatabase {
  name: string;
  url: string;
  /** a client on the test database, for arranging and asserting */
  query<R extends pg.QueryResultRow = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<pg.QueryResult<R>>;
  drop(): Promise<void>;
}

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A new database, empty or (with `template`) a copy of another one nobody is connected to. */
export async function createTestDatabase(prefix = 'sw_test', options: { template?: string } = {}): Promise<TestDatabase> {
  const name = `${prefix}_${crypto.randomBytes(5).toString('hex')}`;
  const create = `CREATE DATABASE ${name}${options.template ? ` TEMPLATE ${options.template}` : ''}`;
  // a session that just closed may still be leaving the template: PostgreSQL refuses the copy then
  for (let attempt = 1; ; attempt++) {
    try {
      await admin((c) => c.query(create));
      break;
    } catch (error) {
      if (!options.template || attempt >= 20 || !/being accessed by other users/.test((error as Error).message)) throw error;
      await wait(100);
    }
  }
  const url = urlFor(name);
  const client = new pg.Client({ connectionString: url });
  client.on('error', () => undefined);
  await client.connect();
  return {
    name,
    url,
    query: (sql, params) => client.query(sql, params as unknown[]),
    async drop() {
      await client.end().catch(() => undefined);
      await admin((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    },
  };
}
