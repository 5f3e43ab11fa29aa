// Adapter for the embedded default: PGlite (PostgreSQL compiled to WASM) in a data directory.
// Loaded lazily, only when no DATABASE_URL is given.
import fs from 'node:fs';
import path from 'node:path';
import type { QueryResult } from '../core/data-step.js';
import type { ConnectOptions } from './connect.js';
import type { Database } from './database.js';
import { TransactionDepth } from './database.js';
import { acquireDirLock } from './dir-lock.js';
import { withBaselineWasmOnly } from '../baseline-wasm.js';
import { PACKAGE_ROOT } from '../catalog/project-root.js';

export async function openPglite(dataDir: string, label: string, options: ConnectOptions = {}): Promise<Database> {
  fs.mkdirSync(path.dirname(dataDir), { recursive: true });
  // PGlite has no server to arbitrate between processes: one Stepwise at a time per directory
  const release = acquireDirLock(`${dataDir}.lock`);
  let pg: import('@electric-sql/pglite').PGlite;
  try {
    if (!fs.existsSync(path.join(dataDir, 'PG_VERSION'))) await initdbInWorker(dataDir);
    const { PGlite } = await import('@electric-sql/pglite');
    const create = () => PGlite.create(dataDir);
    pg = options.brief ? await withBaselineWasmOnly(create) : await create();
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
      // PGlite's affectedRows adds up over the statements of one exec: the last is the total
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

/**
 * A new data directory made in a worker thread (dist/db/pglite-initdb-worker.js), in a staging
 * folder renamed into place once complete. Without the worker's file, or when it fails, nothing
 * is left behind and PGlite.create runs initdb in this thread instead, as it always could.
 */
export async function initdbInWorker(dataDir: string): Promise<void> {
  const entry = path.join(PACKAGE_ROOT, 'dist', 'db', 'pglite-initdb-worker.js');
  // a folder that already holds something is for PGlite to judge
  if (!fs.existsSync(entry) || (fs.existsSync(dataDir) && fs.readdirSync(dataDir).length > 0)) return;
  const staging = fs.mkdtempSync(`${dataDir}.initdb-`);
  try {
    const { Worker } = await import('node:worker_threads');
    await new Promise<void>((resolve, reject) => {
      const worker = new Worker(entry, { workerData: staging });
      worker.once('message', () => {
        resolve();
        void worker.terminate();
      });
      worker.once('error', reject);
      worker.once('exit', (code) => reject(new Error(`the initdb worker exited with code ${code}`)));
    });
    // an empty folder (made by hand, or by an older run) gives way; we hold the directory's lock
    if (fs.existsSync(dataDir)) fs.rmdirSync(dataDir);
    fs.renameSync(staging, dataDir);
  } catch {
    /* PGlite.create runs initdb in this thread */
  } finally {
    fs.rmSync(staging, { recursive: true, force: true });
  }
}
