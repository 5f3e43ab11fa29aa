// Detection: a pure function from the catalog and what the database has recorded to a named
// state (SPEC §5). No I/O: src/db/read-facts.ts gathers the facts.
import type { Catalog, CatalogStep, StepKind } from './catalog.js';
import { allSteps, stepKey } from './catalog.js';

export type StateName =
  | 'empty'
  | 'behind'
  | 'interrupted'
  | 'data-steps-missing'
  | 'current'
  | 'ahead'
  | 'drift';

/** A row of drizzle.__drizzle_migrations. */
export interface RecordedMigration {
  id: number;
  hash: string;
  createdAt: number;
}

export type Outcome = 'applied' | 'failed' | 'rehearsed';

/** A row of stepwise.history. */
export interface HistoryEntry {
  version: string;
  stepId: string;
  kind: StepKind;
  checksum: string;
  outcome: Outcome;
  finishedAt: Date | null;
  error?: string | null;
  databaseUser?: string;
}

export interface DatabaseFacts {
  /** tables of the backend found in `public` (any of the catalog's known tables) */
  backendTables: string[];
  migrations: RecordedMigration[];
  /** oldest first */
  history: HistoryEntry[];
}

/** Why a step is still to do. */
export type PendingReason =
  | 'new' // a release the database has not started
  | 'resume' // its release was started and stopped (or failed) before this step
  | 'gap' // an older migration that was never applied while newer ones were
  | 'data-step-missing'; // a data step never run although later steps were

export interface PendingStep {
  kind: StepKind;
  id: string;
  version: string;
  reason: PendingReason;
}

export interface DriftedMigration {
  tag: string;
  recordedHash: string;
  fileHash: string;
}

export interface UnknownRecord {
  kind: 'migration' | 'release' | 'step';
  id: string;
  detail: string;
}

export interface DetectedState {
  state: StateName;
  /** newest release that it and every older release are complete; null if none */
  databaseVersion: string | null;
  codeVersion: string;
  /** step keys (`kind:id`) recorded as applied, in catalog order */
  applied: string[];
  pending: PendingStep[];
  drift: DriftedMigration[];
  /** backend tables exist but no migration was ever recorded (schema made by hand or `push`) */
  untracked: boolean;
  /** records the code does not know: the database is newer than the code */
  unknown: UnknownRecord[];
  /** the newest failure recorded for a step still pending */
  lastFailure: HistoryEntry | null;
}

export function detectState(catalog: Catalog, facts: DatabaseFacts): DetectedState {
  const steps = allSteps(catalog);
  const byWhen = new Map(catalog.migrations.map((m) => [m.when, m]));
  const knownSteps = new Set(steps.map(stepKey));
  const knownVersions = new Set(catalog.releases.map((r) => r.version));

  const recordedByWhen = new Map<number, RecordedMigration>();
  const unknown: UnknownRecord[] = [];
  const drift: DriftedMigration[] = [];
  for (const row of facts.migrations) {
    const migration = byWhen.get(row.createdAt);
    if (!migration) {
      unknown.push({
        kind: 'migration',
        id: String(row.createdAt),
        detail: `drizzle.__drizzle_migrations row ${row.id} (created_at ${row.createdAt}) matches no migration in drizzle/meta/_journal.json`,
      });
      continue;
    }
    recordedByWhen.set(row.createdAt, row);
    if (row.hash !== migration.hash) {
      drift.push({ tag: migration.tag, recordedHash: row.hash, fileHash: migration.hash });
    }
  }

  const appliedScripts = new Set<string>();
  for (const entry of facts.history) {
    if (entry.outcome !== 'applied') continue;
    if (!knownVersions.has(entry.version)) {
      unknown.push({ kind: 'release', id: entry.version, detail: `stepwise.history records release ${entry.version}, which the code does not know` });
    } else if (!knownSteps.has(`${entry.kind}:${entry.stepId}`)) {
      unknown.push({ kind: 'step', id: entry.stepId, detail: `stepwise.history records ${entry.kind} ${entry.stepId} of ${entry.version}, which the code does not know` });
    }
    if (entry.kind === 'script') appliedScripts.add(entry.stepId);
  }

  const isApplied = (step: CatalogStep) =>
    step.kind === 'migration' ? recordedByWhen.has(step.migration.when) : appliedScripts.has(step.id);

  // a migration recorded by drizzle-kit (or drizzle-orm's migrate()) and not by Stepwise
  const historyKeys = new Set(facts.history.map((h) => `${h.kind}:${h.stepId}`));
  const appliedElsewhere = (step: CatalogStep) =>
    step.kind === 'migration' && isApplied(step) && !historyKeys.has(stepKey(step));

  const applied = steps.filter(isApplied).map(stepKey);
  const lastAppliedIndex = steps.reduce((last, step, i) => (isApplied(step) ? i : last), -1);
  const newestRecordedWhen = Math.max(-Infinity, ...[...recordedByWhen.keys()]);

  const pending: PendingStep[] = [];
  steps.forEach((step, i) => {
    if (isApplied(step)) return;
    const release = catalog.releases.find((r) => r.version === step.version)!;
    let reason: PendingReason = 'new';
    if (step.kind === 'migration' && step.migration.when < newestRecordedWhen) reason = 'gap';
    else if (step.kind === 'script' && (i < lastAppliedIndex || release.steps.some(appliedElsewhere)))
      reason = 'data-step-missing';
    else if (release.steps.some(isApplied)) reason = 'resume';
    pending.push({ kind: step.kind, id: step.id, version: step.version, reason });
  });

  let databaseVersion: string | null = null;
  for (const release of catalog.releases) {
    if (!release.steps.every(isApplied)) break;
    databaseVersion = release.version;
  }

  const pendingKeys = new Set(pending.map(stepKey));
  const lastFailure =
    [...facts.history].reverse().find((h) => h.outcome === 'failed' && pendingKeys.has(`${h.kind}:${h.stepId}`)) ?? null;

  // a rehearsal leaves history rows but changes nothing else
  const realHistory = facts.history.filter((h) => h.outcome !== 'rehearsed');
  const untracked = facts.backendTables.length > 0 && facts.migrations.length === 0 && realHistory.length === 0;
  const nothingRecorded = applied.length === 0 && realHistory.length === 0 && facts.migrations.length === 0;

  let state: StateName;
  if (unknown.length > 0) state = 'ahead';
  else if (drift.length > 0 || untracked) state = 'drift';
  else if (pending.some((p) => p.reason === 'data-step-missing')) state = 'data-steps-missing';
  else if (pending.some((p) => p.reason === 'gap')) state = 'behind';
  else if (pending.some((p) => p.reason === 'resume') || lastFailure) state = 'interrupted';
  else if (nothingRecorded && facts.backendTables.length === 0) state = 'empty';
  else if (pending.length > 0) state = 'behind';
  else state = 'current';

  return {
    state,
    databaseVersion,
    codeVersion: catalog.codeVersion,
    applied,
    pending,
    drift,
    untracked,
    unknown,
    lastFailure,
  };
}
