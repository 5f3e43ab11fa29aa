// A real PostgreSQL database driven through Stepwise's API to a release, for the release tests.
import path from 'node:path';
import { loadCatalog, openDatabase, runDataStep, upgrade, type Catalog, type Database, type RunSummary } from '../../src/api.js';
import type { DataStepResult } from '../../src/core/data-step.js';
import type { UpgradeOptions } from '../../src/api.js';
import { createTestDatabase, type TestDatabase } from '../helpers/postgres.js';
import { fillBase, type BaseFill, type BaseFillSize } from '../fixtures/fill-1.0.0.js';

export const ROOT = path.resolve(import.meta.dirname, '..', '..');

export interface ReleaseDb {
  /** a separate client, for arranging and asserting */
  t: TestDatabase;
  /** Stepwise's connection */
  db: Database;
  catalog: Catalog;
  /** upgrades to `version`; throws unless the run ends exactly there */
  upgradeTo(version: string, options?: Omit<UpgradeOptions, 'to'>): Promise<RunSummary>;
  /** runs a data step (`1.8.0/inventory-items.ts`) once more, outside the plan */
  rerun(stepId: string): Promise<DataStepResult>;
  close(): Promise<void>;
}

export async function releaseDb(prefix = 'sw_rel'): Promise<ReleaseDb> {
  const t = await createTestDatabase(prefix);
  const db = await openDatabase(t.url);
  const catalog = loadCatalog(ROOT);
  return {
    t,
    db,
    catalog,
    async upgradeTo(version, options = {}) {
      const summary = await upgrade(db, catalog, { ...options, to: version });
      if (summary.stoppedAt || summary.databaseVersion !== version) {
        const failure = summary.outcomes.find((o) => o.failure)?.failure;
        throw new Error(
          `upgrade to ${version} ended at ${summary.databaseVersion} (${summary.stoppedAt?.why ?? 'no stop'}): ${JSON.stringify(failure ?? null)}`,
        );
      }
      return summary;
    },
    rerun: (stepId) => runDataStep(db, path.join(ROOT, 'upgrade-guides', stepId)),
    async close() {
      await db.close();
      await t.drop();
    },
  };
}

/** A database at 1.0.0 filled with fillBase, then upgraded to `version`. */
export async function filledAt(version: string, size: Partial<BaseFillSize> = {}): Promise<{ r: ReleaseDb; fill: BaseFill }> {
  const r = await releaseDb();
  try {
    await r.upgradeTo('1.0.0');
    const fill = await fillBase(r.db, size);
    if (version !== '1.0.0') await r.upgradeTo(version);
    return { r, fill };
  } catch (error) {
    await r.close();
    throw error;
  }
}

/** Rows and summary of one step in a run. */
export function outcomeOf(summary: RunSummary, stepId: string) {
  const outcome = summary.outcomes.find((o) => o.step.id === stepId);
  if (!outcome) throw new Error(`${stepId} did not run; ran: ${summary.outcomes.map((o) => o.step.id).join(', ')}`);
  return outcome;
}
