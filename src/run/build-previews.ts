// What the operator sees before anything runs: each migration's statements with the parser's
// warnings (and rows at stake), each data step's estimate, and data steps' preflight notes.
// Read-only: estimates and preflights run in a READ ONLY transaction that is rolled back.
import { stepKey } from '../core/catalog.js';
import type { DataStepContext } from '../core/data-step.js';
import type { Plan, PlannedStep } from '../core/plan.js';
import { inTransaction, type Database } from '../db/database.js';
import { loadDataStep } from '../catalog/load-data-step.js';
import { createDataStepContext } from './data-step-context.js';
import type { StepPreview } from './events.js';
import type { StatementPreview } from '../core/warning.js';

export interface PlanPreviews {
  previews: Record<string, StepPreview>;
  /** preflight notes of data steps: to read before anything runs */
  warnings: string[];
}

// undefined_table, undefined_column, undefined_object, invalid_schema_name: made by an earlier step of this plan
const NOT_THERE_YET = new Set(['42P01', '42703', '42704', '3F000']);

export async function buildPreviews(db: Database, plan: Plan): Promise<PlanPreviews> {
  const previews: Record<string, StepPreview> = {};
  const warnings: string[] = [];
  const migrations = plan.steps.filter((s) => s.kind === 'migration');
  const analyzed = new Map<PlannedStep, Awaited<ReturnType<typeof import('../lint/analyze.js').analyzeStatements>>>();
  if (migrations.length > 0) {
    const { analyzeMigrations } = await import('../lint/analysis-cache.js');
    const analyses = await analyzeMigrations(migrations.map((step) => step.migration!.statements));
    migrations.forEach((step, i) => analyzed.set(step, analyses[i]));
  }
  // one read-only transaction for the whole preview: a few round trips per step, not a few more
  await readOnly(db, async (ctx) => {
    // on a first install every table a migration touches is one the plan creates: nothing to count
    const measured = plan.state === 'empty' ? analyzed : await measureAll(db, analyzed);
    for (const step of migrations) {
      const statements = plan.state === 'empty' ? measured.get(step)!.map(onFirstInstall) : measured.get(step)!;
      previews[stepKey(step)] = { statements, warnings: statements.flatMap((s) => s.warnings), estimatedRows: null };
    }
    for (const step of plan.steps.filter((s) => s.kind === 'script')) {
      const dataStep = await loadDataStep(step.script!);
      const estimatedRows = await inSavepoint(db, () => dataStep.estimate(ctx));
      previews[stepKey(step)] = {
        statements: [],
        warnings: [],
        estimatedRows: estimatedRows ?? null,
        title: dataStep.title,
        description: dataStep.description,
      };
      if (dataStep.preflight) {
        const notes = (await inSavepoint(db, () => dataStep.preflight!(ctx))) ?? [];
        warnings.push(...notes.map((note) => `${step.version} ${dataStep.title}: ${note}`));
      }
    }
  });
  return { previews, warnings };
}

/** A data step's estimate now, read-only; null when it needs a table a pending step creates. */
export async function estimateRows(db: Database, step: PlannedStep): Promise<number | null> {
  const dataStep = await loadDataStep(step.script!);
  return readOnly(db, (ctx) => inSavepoint(db, () => dataStep.estimate(ctx)));
}

// Exact counts of rows at stake scan the tables: on huge ones the preview shows no count rather
// than keep the operator waiting. A timeout aborts the transaction, hence the savepoint.
const MEASURE_TIMEOUT_MS = 5000;

async function measureAll<S extends StatementPreview>(db: Database, analyzed: Map<PlannedStep, S[]>): Promise<Map<PlannedStep, S[]>> {
  if (analyzed.size === 0) return analyzed;
  const { measureWarnings } = await import('../lint/measure-loss.js');
  await db.begin();
  try {
    await db.exec(`SET LOCAL statement_timeout = ${MEASURE_TIMEOUT_MS}`);
    const measured = new Map<PlannedStep, S[]>();
    for (const [step, statements] of analyzed) measured.set(step, await measureWarnings(db, statements));
    await db.rollback(); // also undoes the SET LOCAL
    return measured;
  } catch (error) {
    await db.rollback().catch(() => undefined);
    if ((error as { code?: string }).code === '57014') return analyzed; // query_canceled
    throw error;
  }
}

/** `fn` in a savepoint; null when it needs a table or column an earlier step of the plan creates. */
async function inSavepoint<T>(db: Database, fn: () => Promise<T>): Promise<T | null> {
  try {
    return await inTransaction(db, fn);
  } catch (error) {
    if (NOT_THERE_YET.has((error as { code?: string }).code ?? '')) return null;
    throw error;
  }
}

// On a first install every table is created by the plan itself: a drop loses none of the
// operator's rows (though the table did not exist to be counted when the preview was made), and
// no application waits on a lock or a rewrite of a table that did not exist before the run.
function onFirstInstall<S extends StatementPreview>(statement: S): S {
  const warnings = statement.warnings
    .filter((w) => w.kind === 'data-loss')
    .map((w) => (w.affectedRows == null ? { ...w, affectedRows: 0 } : w));
  return { ...statement, warnings };
}

/** `fn` in a READ ONLY transaction (or savepoint, inside a rehearsal's), always rolled back. */
async function readOnly<T>(db: Database, fn: (ctx: DataStepContext) => Promise<T>): Promise<T> {
  const base = db.depth;
  await db.begin();
  if (base === 0) await db.exec('SET TRANSACTION READ ONLY');
  const ctx = createDataStepContext(db, base + 1, { dryRun: true, onProgress: () => undefined, onLog: () => undefined });
  try {
    return await fn(ctx);
  } finally {
    while (db.depth > base) await db.rollback().catch(() => undefined);
  }
}
