// The plan: a pure function of (catalog, detected state, target). Every view renders it.
import { semver } from './version.js';
import type { Catalog, CatalogStep, DataStepRef, Migration } from './catalog.js';
import { stepKey } from './catalog.js';
import type { DetectedState, PendingReason, StateName } from './state.js';

export interface PlannedStep {
  kind: CatalogStep['kind'];
  id: string;
  version: string;
  reason: PendingReason;
  migration?: Migration;
  script?: DataStepRef;
  /** the release's last step: when it succeeds, the database is at `version` */
  completesRelease: boolean;
}

export interface PlannedRelease {
  version: string;
  title: string;
  notes: string;
  steps: PlannedStep[];
}

export interface Refusal {
  state: StateName;
  message: string;
  /** one line per offending record: the drifted file, the unknown migration, … */
  details: string[];
}

export interface Plan {
  codeVersion: string;
  databaseVersion: string | null;
  /** the version the database will be at when the plan completes */
  target: string;
  state: StateName;
  /** set when Stepwise must not touch this database (drift, ahead) */
  refusal: Refusal | null;
  releases: PlannedRelease[];
  /** all steps in the order they run */
  steps: PlannedStep[];
  /** plain sentences the operator reads before anything runs */
  notices: string[];
}

export class TargetError extends Error {}

export interface PlanOptions {
  /** stop at this release (`--to`); default: the code version */
  to?: string;
}

// one notice per reason, naming every step it concerns
const REASON_NOTICE: Record<Exclude<PendingReason, 'new'>, (steps: PlannedStep[]) => string> = {
  resume: ([s]) => `Release ${s.version} was started but not finished: the plan resumes at ${s.kind} ${s.id}.`,
  gap: (steps) =>
    `${list(steps.map((s) => `migration ${s.id} (release ${s.version})`))} never applied although newer migrations were. ` +
    `drizzle-kit migrate only applies migrations newer than the newest one recorded, so it skipped ` +
    `${steps.length === 1 ? 'this one' : 'these'} (typically a migration merged from a branch with an older timestamp). ` +
    `${steps.length === 1 ? 'It is' : 'They are'} planned now.`,
  'data-step-missing': (steps) =>
    `${steps.length === 1 ? 'Data step' : 'Data steps'} ${list(steps.map((s) => s.id))} never ran, although the schema went past ` +
    `${steps.length === 1 ? 'it' : 'them'} (migrations applied by another tool, such as drizzle-kit migrate). ` +
    `${steps.length === 1 ? 'It is' : 'They are'} planned first, before anything newer.`,
};

function list(items: string[]): string {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

export function planUpgrade(catalog: Catalog, detected: DetectedState, options: PlanOptions = {}): Plan {
  const target = options.to ?? catalog.codeVersion;
  const base = {
    codeVersion: catalog.codeVersion,
    databaseVersion: detected.databaseVersion,
    state: detected.state,
  };

  if (detected.state === 'ahead' || detected.state === 'drift') {
    return { ...base, target: detected.databaseVersion ?? target, refusal: refusalFor(detected), releases: [], steps: [], notices: [] };
  }

  if (!catalog.releases.some((r) => r.version === target)) {
    const known = catalog.releases.map((r) => r.version).join(', ');
    throw new TargetError(`--to ${target}: no such release (releases: ${known})`);
  }
  if (detected.databaseVersion && semver.lt(target, detected.databaseVersion)) {
    throw new TargetError(
      `--to ${target}: the database is already at ${detected.databaseVersion}; Stepwise does not downgrade`,
    );
  }

  const pendingByKey = new Map(detected.pending.map((p) => [stepKey(p), p]));
  const releases: PlannedRelease[] = [];
  for (const release of catalog.releases) {
    if (semver.gt(release.version, target)) break;
    const last = release.steps[release.steps.length - 1];
    const steps: PlannedStep[] = [];
    for (const step of release.steps) {
      const pending = pendingByKey.get(stepKey(step));
      if (!pending) continue;
      steps.push({
        kind: step.kind,
        id: step.id,
        version: step.version,
        reason: pending.reason,
        migration: step.kind === 'migration' ? step.migration : undefined,
        script: step.kind === 'script' ? step.script : undefined,
        completesRelease: step === last,
      });
    }
    if (steps.length > 0) releases.push({ version: release.version, title: release.title, notes: release.notes, steps });
  }
  const steps = releases.flatMap((r) => r.steps);

  const notices: string[] = [];
  for (const reason of ['data-step-missing', 'gap', 'resume'] as const) {
    const concerned = steps.filter((s) => s.reason === reason);
    if (concerned.length > 0) notices.push(REASON_NOTICE[reason](concerned));
  }
  if (detected.lastFailure) {
    const f = detected.lastFailure;
    notices.push(`The last run failed at ${f.kind} ${f.stepId} (release ${f.version})${f.error ? `: ${f.error}` : ''}. It was rolled back; the plan retries it.`);
  }
  if (detected.state === 'empty' && steps.length > 0) {
    notices.push(`The database is empty: this is a first install of every release up to ${target}.`);
  }

  return { ...base, target, refusal: null, releases, steps, notices };
}

function refusalFor(detected: DetectedState): Refusal {
  if (detected.state === 'ahead') {
    return {
      state: 'ahead',
      message: `The database is newer than the code (code version ${detected.codeVersion}): it records steps this code does not know. Upgrade the code (install the newer release) before running Stepwise; nothing was changed.`,
      details: detected.unknown.map((u) => u.detail),
    };
  }
  if (detected.untracked) {
    return {
      state: 'drift',
      message:
        'The database has tables of the backend but no migration was ever recorded (the schema was made by hand or with `drizzle-kit push`). Stepwise cannot tell which release it is at; nothing was changed. Restore from a migrated backup, or baseline it deliberately with drizzle-kit.',
      details: [],
    };
  }
  return {
    state: 'drift',
    message:
      'An applied migration file was changed after it ran: the database was migrated with a different version of it. Restore the file as it was (git history) or write a new migration for the change; nothing was changed.',
    details: detected.drift.map((d) => `drizzle/${d.tag}.sql: recorded hash ${d.recordedHash.slice(0, 12)}…, file hash now ${d.fileHash.slice(0, 12)}…`),
  };
}
