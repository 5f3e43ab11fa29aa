// Executes a plan step by step: asks `decide` before each step, emits typed events, stops at
// the first failure. A dry run walks the same path and writes nothing; a rehearsal runs
// everything inside one transaction and rolls it back.
import { stepKey } from '../core/catalog.js';
import type { Plan, PlannedStep } from '../core/plan.js';
import { inTransaction, type Database } from '../db/database.js';
import { ensureStateTables } from '../db/state-tables.js';
import { recordHistory } from '../db/history.js';
import { applyDataStep } from './apply-data-step.js';
import { applyMigration } from './apply-migration.js';
import { StepInterrupted } from './data-step-context.js';
import type { Decide, RunListener, RunMode, RunSummary, StepOutcome, StepPreview } from './events.js';
import { toStepFailure } from './step-failure.js';

export interface RunOptions {
  db: Database;
  plan: Plan;
  mode: RunMode;
  decide: Decide;
  onEvent: RunListener;
  /** per step (stepKey): statements with their `transactional` flag, estimates */
  previews: Record<string, StepPreview>;
  toolVersion: string;
  lockTimeoutMs?: number;
  lockRetries?: number;
  batchSize?: number;
  /** a stop request (Ctrl-C): the current step finishes or rolls back, then the run ends */
  signal?: AbortSignal;
  /** `decide` is a program, never a person waiting to answer (see deferFlush) */
  unattended?: boolean;
}

export const DEFAULT_LOCK_TIMEOUT_MS = 5000;
export const DEFAULT_LOCK_RETRIES = 3;

export async function runPlan(o: RunOptions): Promise<RunSummary> {
  const started = performance.now();
  const emit = o.onEvent;
  const outcomes: StepOutcome[] = [];
  let databaseVersion = o.plan.databaseVersion;
  let stoppedAt: RunSummary['stoppedAt'] = null;
  const finish = (): RunSummary => {
    const summary = { mode: o.mode, outcomes, databaseVersion, stoppedAt, durationMs: performance.now() - started };
    emit({ type: 'run-end', summary });
    return summary;
  };

  emit({ type: 'run-start', mode: o.mode, plan: o.plan });
  const total = o.plan.steps.length;
  // Unattended stretches commit migrations without waiting for the disk (SET LOCAL
  // synchronous_commit = off), saving a WAL flush per migration. Each stays atomic with its history
  // rows, and the next synchronous commit flushes it with everything before it. Only a commit a
  // person may see or act on must be durable at once: the one before a question, and the run's
  // last (flushWal below when the run ends early).
  let unflushed = false;

  if (o.mode === 'dry-run') {
    for (const [i, step] of o.plan.steps.entries()) {
      const preview = o.previews[stepKey(step)];
      emit({ type: 'step-start', step, index: i + 1, total });
      if (preview) emit({ type: 'step-preview', step, preview });
      const outcome: StepOutcome = { step, status: 'previewed', rows: preview?.estimatedRows ?? null, durationMs: 0 };
      outcomes.push(outcome);
      emit({ type: 'step-end', outcome });
    }
    return finish();
  }

  if (total === 0) return finish();
  if (o.mode === 'rehearse') await o.db.begin();
  try {
    await ensureStateTables(o.db);
    let applyAll = false;
    for (const [i, step] of o.plan.steps.entries()) {
      if (o.signal?.aborted) {
        stoppedAt = { step, why: 'interrupted' };
        break;
      }
      if (!applyAll) {
        const decision = await o.decide(step, i + 1, total);
        if (decision === 'stop' || decision === 'quit') {
          stoppedAt = { step, why: decision === 'stop' ? 'operator-stopped' : 'operator-quit' };
          break;
        }
        if (decision === 'all') applyAll = true;
      }
      emit({ type: 'step-start', step, index: i + 1, total });
      const deferFlush = o.mode === 'apply' && (applyAll || o.unattended === true) && i < total - 1;
      const outcome = await runStep(o, step, deferFlush);
      unflushed = deferFlush && step.kind === 'migration' && outcome.status === 'applied';
      outcomes.push(outcome);
      emit({ type: 'step-end', outcome });
      if (outcome.status === 'failed') {
        stoppedAt = { step, why: 'failed' };
        break;
      }
      if (outcome.status === 'skipped') {
        stoppedAt = { step, why: 'interrupted' };
        break;
      }
      if (step.completesRelease) {
        if (o.mode === 'apply') databaseVersion = step.version;
        emit({ type: 'release-complete', version: step.version });
      }
    }
  } finally {
    if (unflushed) await flushWal(o.db).catch(() => undefined); // a lost connection: the server flushes on its own
    if (o.mode === 'rehearse') {
      while (o.db.depth > 0) await o.db.rollback();
      await recordRehearsal(o, outcomes);
    }
  }
  return finish();
}

async function runStep(o: RunOptions, step: PlannedStep, deferFlush: boolean): Promise<StepOutcome> {
  const mode = o.mode as Exclude<RunMode, 'dry-run'>;
  const started = performance.now();
  const common = { db: o.db, step, mode, toolVersion: o.toolVersion, emit: o.onEvent };
  try {
    const result =
      step.kind === 'migration'
        ? await applyMigration({
            ...common,
            statements: o.previews[stepKey(step)]?.statements,
            lockTimeoutMs: o.lockTimeoutMs ?? DEFAULT_LOCK_TIMEOUT_MS,
            lockRetries: o.lockRetries ?? DEFAULT_LOCK_RETRIES,
            deferFlush,
          })
        : await applyDataStep({ ...common, signal: o.signal, batchSize: o.batchSize });
    return {
      step,
      status: mode === 'apply' ? 'applied' : 'rehearsed',
      rows: result.rows,
      durationMs: performance.now() - started,
      summary: result.summary,
    };
  } catch (error) {
    const durationMs = performance.now() - started;
    if (error instanceof StepInterrupted) {
      return { step, status: 'skipped', rows: null, durationMs, summary: error.message };
    }
    const failure = toStepFailure(error);
    if (mode === 'apply') await recordFailure(o, step, failure.message, durationMs);
    return { step, status: 'failed', rows: null, durationMs, failure };
  }
}

/**
 * Makes the commits made with synchronous_commit off durable: a synchronous commit flushes the
 * WAL up to its own record, and a transaction gets a commit record only once it has an xid.
 */
async function flushWal(db: Database): Promise<void> {
  await inTransaction(db, async () => {
    await db.query('SELECT txid_current()');
  });
}

/** The history columns that name a step. */
function stepColumns(step: PlannedStep) {
  return { version: step.version, stepId: step.id, kind: step.kind, checksum: step.migration?.hash ?? step.script!.checksum };
}

/** A record written on its own after a rollback: failing to write it must not hide the run's outcome. */
async function recordApart(db: Database, write: () => Promise<void>): Promise<void> {
  await inTransaction(db, write).catch(() => undefined);
}

/** Failures are recorded in a transaction of their own: the step's was rolled back. */
async function recordFailure(o: RunOptions, step: PlannedStep, message: string, durationMs: number): Promise<void> {
  await recordApart(o.db, () =>
    recordHistory(o.db, {
      ...stepColumns(step),
      outcome: 'failed',
      startedAt: new Date(Date.now() - durationMs),
      durationMs,
      rowsAffected: null,
      toolVersion: o.toolVersion,
      error: message.slice(0, 2000),
    }),
  );
}

/** After the rollback: what the rehearsal proved, kept as `rehearsed` rows. */
async function recordRehearsal(o: RunOptions, outcomes: StepOutcome[]): Promise<void> {
  const rehearsed = outcomes.filter((x) => x.status === 'rehearsed');
  if (rehearsed.length === 0) return;
  // a database Stepwise never wrote to stays untouched: no schema is created just for this
  const { rows } = await o.db.query<{ t: string | null }>(`SELECT to_regclass('stepwise.history')::text AS t`);
  if (!rows[0].t) return;
  await recordApart(o.db, async () => {
    for (const x of rehearsed) {
      await recordHistory(o.db, {
        ...stepColumns(x.step),
        outcome: 'rehearsed',
        startedAt: new Date(Date.now() - x.durationMs),
        durationMs: x.durationMs,
        rowsAffected: x.rows,
        toolVersion: o.toolVersion,
      });
    }
  });
}
