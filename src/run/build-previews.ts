// What the operator sees before anything runs: each migration's statements with the parser's
// warnings (and rows at stake), each data step's estimate, and data steps' preflight notes.
// Read-only: estimates and preflights run in a READ ONLY transaction that is rolled back.
import { stepKey } from '../core/catalog.js';
import type { DataStep, DataStepContext } from '../core/data-step.js';
import type { Plan, PlannedStep } from '../core/plan.js';
import type { Database } from '../db/database.js';
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
  if (migrations.length > 0) {
    const { analyzeStatements } = await import('../lint/analyze.js');
    const { measureWarnings } = await import('../lint/measure-loss.js');
    for (const step of migrations) {
      const analyzed = await analyzeStatements(step.migration!.statements);
      const measured = await measureWithin(db, () => measureWarnings(db, analyzed), analyzed);
      const statements = plan.state === 'empty' ? measured.map(nothingToLose) : measured;
      previews[stepKey(step)] = {
        statements,
        warnings: statements.flatMap((s) => s.warnings),
        estimatedRows: null,
      };
    }
  }
  for (const step of plan.steps.filter((s) => s.kind === 'script')) {
    const dataStep = await loadDataStep(step.script!);
    const estimatedRows = await readOnly(db, (ctx) => dataStep.estimate(ctx), true);
    previews[stepKey(step)] = {
      statements: [],
      warnings: [],
      estimatedRows: estimatedRows ?? null,
      title: dataStep.title,
      description: dataStep.description,
    };
    warnings.push(...(await preflight(db, step, dataStep)));
  }
  return { previews, warnings };
}

// On a first install every table is created by the plan itself: a drop loses none of the
// operator's rows, though the table did not exist to be counted when the preview was made.
function nothingToLose<S extends StatementPreview>(statement: S): S {
  return { ...statement, warnings: statement.warnings.map((w) => (w.kind === 'data-loss' && w.affectedRows == null ? { ...w, affectedRows: 0 } : w)) };
}

// exact counts of rows at stake scan the table: on a huge one, the preview shows no count
// rather than keep the operator waiting
const MEASURE_TIMEOUT_MS = 5000;

async function measureWithin<T>(db: Database, measure: () => Promise<T>, fallback: T): Promise<T> {
  try {
    return (await readOnly(db, async () => {
      await db.exec(`SET LOCAL statement_timeout = ${MEASURE_TIMEOUT_MS}`);
      return measure();
    }))!;
  } catch (error) {
    if ((error as { code?: string }).code === '57014') return fallback; // query_canceled
    throw error;
  }
}

async function preflight(db: Database, step: PlannedStep, dataStep: DataStep): Promise<string[]> {
  if (!dataStep.preflight) return [];
  const notes = await readOnly(db, (ctx) => dataStep.preflight!(ctx), true);
  return (notes ?? []).map((note) => `${step.version} ${dataStep.title}: ${note}`);
}

/** `fn` in a READ ONLY transaction, always rolled back; with `tolerateMissing`, null when a table is not there yet. */
async function readOnly<T>(db: Database, fn: (ctx: DataStepContext) => Promise<T>, tolerateMissing = false): Promise<T | null> {
  const base = db.depth;
  await db.begin();
  if (base === 0) await db.exec('SET TRANSACTION READ ONLY');
  const ctx = createDataStepContext(db, base + 1, { dryRun: true, onProgress: () => undefined, onLog: () => undefined });
  try {
    return await fn(ctx);
  } catch (error) {
    if (tolerateMissing && NOT_THERE_YET.has((error as { code?: string }).code ?? '')) return null;
    throw error;
  } finally {
    while (db.depth > base) await db.rollback().catch(() => undefined);
  }
}
