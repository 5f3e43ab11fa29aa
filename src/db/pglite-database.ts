// Adapter for the embedded default: PGlite (PostgreSQL compiled to WASM) in a data directory.
// Loaded lazily, only when no DATABASE_URL is given.
import fs from 'node:fs';
import path from 'node:path';
import type { QueryResult } from '../core/data-step.js';
import type { Database } from './database.js';
import { TransactionDepth } from './database.js';
import { acquireDirLock } from './dir-lock.js';

export async function openPglite(dataDir: string, label: string): Promise<Database> {
  fs.mkdirSync(path.dirname(dataDir), { recursive: true });
  // PGlite has no server to arbitrate between processes: one Stepwise at a time per directory
  const release = acquireDirLock(`${dataDir}.lock`);
  let pg: import('@electric-sql/pglite').PGlite;
  try {
    const { PGlite } = await import('@electric-sql/pglite');
    pg = await PGlite.create(dataDir);
  } catch (error) {
    release();
    throw error;
  }
  const tx = new TransactionDepth();
  return {
    kind: 'pglite',
    label,
    async query<Row>(sql: string, params?: unknown[]): Promise<QueryResult<Row>> {
      const result = await pg.query<Row>(sql, params);
      return { rows: result.rows, rowCount: result.affectedRows ?? 0 };
    },
    async exec(sql: string): Promise<number> {
      const results = await pg.exec(sql);
      return results[results.length - 1]?.affectedRows ?? 0;
    },
    async begin() {
      await pg.exec(tx.beginSql());
    },
    async commit() {
      await pg.exec(tx.commitSql());
    },
    async rollback() {
      await pg.exec(tx.rollbackSql());
    },
    get depth() {
      return tx.depth;
    },
    async close() {
      try {
        await pg.close();
      } finally {
        release();
      }
    },
  };
}
