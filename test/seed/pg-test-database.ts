// A throwaway PostgreSQL database per test file (test/helpers/postgres.ts: a missing server is a
// failure, never a skip), brought to the latest schema by applying drizzle/*.sql in journal
// order, split on drizzle's statement breakpoints; seen as the SeedDatabase insertSeed takes.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { QueryResult } from '../../src/core/data-step.js';
import type { SeedDatabase } from '../../src/seed/insert-seed.js';
import { createTestDatabase as createDatabase } from '../helpers/postgres.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export interface TestDatabase extends SeedDatabase {
  name: string;
  url: string;
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
  const database = await createDatabase('sw_seed');
  for (const statement of migrationStatements()) await database.query(statement);

  const query = async <Row>(sql: string, params?: unknown[]): Promise<QueryResult<Row>> => {
    const result = await database.query(sql, params);
    return { rows: result.rows as Row[], rowCount: result.command === 'SELECT' ? 0 : (result.rowCount ?? 0) };
  };
  return {
    name: database.name,
    url: database.url,
    query,
    async transaction(fn) {
      await database.query('BEGIN');
      try {
        const result = await fn({ query });
        await database.query('COMMIT');
        return result;
      } catch (error) {
        await database.query('ROLLBACK');
        throw error;
      }
    },
    async value<T>(sql: string, params?: unknown[]) {
      const result = await database.query(sql, params);
      return Object.values(result.rows[0] ?? {})[0] as T;
    },
    drop: () => database.drop(),
  };
}
