// Stepwise as a library: the same engine the CLI drives, for tests, scripts and the benchmark.
import path from 'node:path';
import { loadCatalog as readCatalogOrThrow } from './catalog/load-catalog.js';
import { loadDataStep } from './catalog/load-data-step.js';
import { catalogRoot, getToolVersion } from './catalog/project-root.js';
import type { Catalog } from './core/catalog.js';
import type { DataStepResult } from './core/data-step.js';
import { acquireRunLock } from './db/advisory-lock.js';
import { connect } from './db/connect.js';
import { inTransaction, type Database } from './db/database.js';
import { resolveDatabaseTarget } from './db/url.js';
import { createDataStepContext } from './run/data-step-context.js';
import type { RunListener, RunMode, RunSummary } from './run/events.js';
import { inspectDatabase, type Inspection } from './run/inspect.js';
import { runUnattended } from './run/run-unattended.js';
import { RefusedError } from './errors.js';

export type { Catalog, Database, RunSummary, Inspection };
export { inspectDatabase };

/** A `postgres://` URL → pg; nothing → the embedded PGlite (STEPWISE_DATA_DIR or ./.stepwise/pgdata). */
export async function openDatabase(url?: string): Promise<Database> {
  return connect(resolveDatabaseTarget(url), getToolVersion());
}

export function loadCatalog(root?: string): Catalog {
  return readCatalogOrThrow(catalogRoot(root));
}

export interface UpgradeOptions {
  to?: string;
  mode?: RunMode;
  onEvent?: RunListener;
  batchSize?: number;
  lockTimeoutMs?: number;
  lockRetries?: number;
  signal?: AbortSignal;
}

/** Plans and applies everything pending (up to `to`), as `stepwise upgrade --yes` does. */
export async function upgrade(db: Database, catalog: Catalog, options: UpgradeOptions = {}): Promise<RunSummary> {
  const mode = options.mode ?? 'apply';
  const unlock = mode === 'dry-run' ? async () => undefined : await acquireRunLock(db);
  try {
    const { plan } = await inspectDatabase(db, catalog, options.to);
    if (plan.refusal) throw new RefusedError(plan.refusal.message, plan.refusal.details);
    return await runUnattended(db, plan, {
      mode,
      onEvent: options.onEvent ?? (() => undefined),
      toolVersion: getToolVersion(),
      batchSize: options.batchSize,
      lockTimeoutMs: options.lockTimeoutMs,
      lockRetries: options.lockRetries,
      signal: options.signal,
    });
  } finally {
    await unlock();
  }
}

/** Runs one data step file directly (not recorded in history): for proving idempotence. */
export async function runDataStep(db: Database, file: string, options: { batchSize?: number } = {}): Promise<DataStepResult> {
  const absolute = path.resolve(file);
  const step = await loadDataStep({ id: path.basename(absolute), file: absolute, checksum: '' });
  return inTransaction(db, () =>
    step.run(createDataStepContext(db, db.depth, { dryRun: false, batchSize: options.batchSize, onProgress: () => undefined, onLog: () => undefined })),
  );
}
