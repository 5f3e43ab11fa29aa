// Reads the database's record and turns it into a state and a plan (the pure core does the thinking).
import type { Catalog } from '../core/catalog.js';
import { planUpgrade, TargetError, type Plan } from '../core/plan.js';
import { detectState, type DetectedState } from '../core/state.js';
import type { Queryable } from '../core/data-step.js';
import { readDatabaseFacts } from '../db/read-facts.js';
import { UserError } from '../errors.js';

export interface Inspection {
  detected: DetectedState;
  plan: Plan;
}

export async function inspectDatabase(db: Queryable, catalog: Catalog, to?: string): Promise<Inspection> {
  const facts = await readDatabaseFacts(db, catalog.tables);
  const detected = detectState(catalog, facts);
  try {
    return { detected, plan: planUpgrade(catalog, detected, { to }) };
  } catch (error) {
    if (error instanceof TargetError) throw new UserError(error.message);
    throw error;
  }
}
