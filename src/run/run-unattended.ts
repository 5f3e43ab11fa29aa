// A plan run without questions (`--yes`, the library API, seed's schema upgrade): the previews
// the runner needs, then every step in order.
import type { Plan } from '../core/plan.js';
import type { Database } from '../db/database.js';
import { buildPreviews } from './build-previews.js';
import type { RunSummary } from './events.js';
import { runPlan, type RunOptions } from './run-plan.js';

export type UnattendedOptions = Omit<RunOptions, 'db' | 'plan' | 'decide' | 'previews'>;

export async function runUnattended(db: Database, plan: Plan, options: UnattendedOptions): Promise<RunSummary> {
  const { previews } = await buildPreviews(db, plan);
  return runPlan({ ...options, db, plan, previews, decide: async () => 'all' });
}
