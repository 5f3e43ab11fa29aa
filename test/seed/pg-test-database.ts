// A throwaway PostgreSQL database per test file, at the latest schema: the drizzle/*.sql files
// applied in journal order, split on drizzle's statement breakpoints. Needs a server at
// TEST_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/postgres); without one the
// tests are skipped locally and fail in CI (CI=true), where a missing server is a broken setup.
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import type { QueryResult } from '../../src/core/data-step.js';
import type { SeedDatabase } from '../../src/seed/insert-seed.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const adminUrl = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export async function serverAvailable(): Promise<boolean> {
  const client = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    return true;
  } catch (error) {
    if (process.env.CI === 'true') throw new Error(`PostgreSQL is required in CI: ${(error as Error).message}`);
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

export interface TestDatabase extends SeedDatabase {
  name: string;
  url: string;
  client: pg.Client;
  /** the value of the first column of the first row */
  value<T = unknown>(sql: string, params?: unknown[]): Promise<T>;
  drop(): Promise<void>;
}

export function migrationStatements(): string[] {
  const journal = JSON.parse(readFileSync(path.join(root, 'drizzle/meta/_journal.json'), 'utf8')) as {
    entries: { idx: number; tag: string }[];
  };
  return [...journal.entries]
    .sort((a, b) => a.idx - b.idx)
    .flatMap((entry) => readFileSync(path.join(root, 'drizzle', `${entry.tag}.sql`), 'utf8').split('--> statement-breakpoint'))
    .map((statement) => statement.trim())
    .filter(Boolean);
}

export async function createTestDatabase(): Promise<TestDatabase> {
  const name = `sw_seed_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  for (const statement of migrationStatements()) await client.query(statement);

  const query = async <Row>(sql: string, params?: unknown[]): Promise<QueryResult<Row>> => {
    const result = await client.query({ text: sql, values: params });
    return { rows: result.rows as Row[], rowCount: result.command === 'SELECT' ? 0 : (result.rowCount ?? 0) };
  };
  return {
    name,
    url: url.toString(),
    client,
    query,
    async transaction(fn) {
      await client.query('BEGIN');
      try {
        const result = await fn({ query });
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK');
        throw error;
      }
    },
    async value<T>(sql: string, params?: unknown[]) {
      const result = await client.query(sql, params);
      return Object.values(result.rows[0] ?? {})[0] as T;
    },
    async drop() {
      await client.end().catch(() => undefined);
      const dropper = new pg.Client({ connectionString: adminUrl });
      await dropper.connect();
      await dropper.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await dropper.end();
    },
  };
}
