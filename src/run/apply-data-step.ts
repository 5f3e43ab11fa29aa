// One data step: loaded, run through its context inside its own transaction (batches commit on
// their own), recorded in stepwise.history together with the step's last writes.
import type { PlannedStep } from '../core/plan.js';
import type { Database } from '../db/database.js';
import { recordHistory, recordInstalledVersion } from '../db/history.js';
import { loadDataStep } from '../catalog/load-data-step.js';
import type { RunEvent, RunMode } from './events.js';
import { createDataStepContext, StepInterrupted } from './data-step-context.js';
import { StepError, toStepFailure } from './step-failure.js';

export interface DataStepRunOptions {
  db: Database;
  step: PlannedStep;
  mode: Exclude<RunMode, 'dry-run'>;
  toolVersion: string;
  emit(event: RunEvent): void;
  signal?: AbortSignal;
  batchSize?: number;
}

export async function applyDataStep(o: DataStepRunOptions): Promise<{ rows: number; summary?: string }> {
  const { db, step } = o;
  const ref = step.script!;
  const dataStep = await loadDataStep(ref);
  const startedAt = new Date();
  const started = performance.now();
  const baseDepth = db.depth;
  try {
    await db.begin();
    const ctx = createDataStepContext(db, baseDepth + 1, {
      dryRun: false,
      signal: o.signal,
      batchSize: o.batchSize,
      onProgress: (done, total) => o.emit({ type: 'progress', step, done, total }),
      onLog: (level, message) => o.emit({ type: 'log', step, level, message }),
    });
    let result;
    try {
      result = await dataStep.run(ctx);
    } catch (error) {
      // a stop between batches is not a failure: the batches done so far stay committed
      if (error instanceof StepError || error instanceof StepInterrupted) throw error;
      throw new StepError(toStepFailure(error));
    }
    const rows = Number(result?.rowsAffected ?? 0);
    if (o.mode === 'apply') {
      await recordHistory(db, {
        version: step.version,
        stepId: step.id,
        kind: 'script',
        checksum: ref.checksum,
        outcome: 'applied',
        startedAt,
        durationMs: performance.now() - started,
        rowsAffected: rows,
        toolVersion: o.toolVersion,
      });
      if (step.completesRelease) await recordInstalledVersion(db, step.version);
    }
    await db.commit();
    return { rows, summary: result?.summary };
  } catch (error) {
    while (db.depth > baseDepth) await db.rollback().catch(() => undefined);
    throw error;
  }
}
