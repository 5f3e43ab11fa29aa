// What a run tells its views. The runner emits these; the Ink wizard, the plain-text report and
// the JSON report each render them and decide nothing.
import type { Plan, PlannedStep } from '../core/plan.js';
import type { SqlWarning, StatementPreview } from '../core/warning.js';

export type RunMode = 'apply' | 'dry-run' | 'rehearse';

/** PostgreSQL's own account of a failure, plus where it happened. */
export interface StepFailure {
  message: string;
  /** SQLSTATE, e.g. `23502` */
  code?: string;
  detail?: string;
  hint?: string;
  /** the statement that failed (migrations) */
  statement?: string;
  /** 1-based character position in `statement` */
  position?: number;
  /** 1-based index of the statement in the migration */
  statementIndex?: number;
}

/** What a preview knows about a step before running it. */
export interface StepPreview {
  /** migrations: the statements with what the parser found; data steps: none */
  statements: StatementPreview[];
  /** every warning of the step (the statements' together) */
  warnings: SqlWarning[];
  /** data steps: rows the step estimates it will touch (null: unknown until earlier steps ran) */
  estimatedRows: number | null;
  /** data steps: its title and description */
  title?: string;
  description?: string;
}

export interface StepOutcome {
  step: PlannedStep;
  status: 'applied' | 'rehearsed' | 'previewed' | 'failed' | 'skipped';
  rows: number | null;
  durationMs: number;
  summary?: string;
  failure?: StepFailure;
}

export interface RunSummary {
  mode: RunMode;
  outcomes: StepOutcome[];
  /** the version the database is at when the run ends */
  databaseVersion: string | null;
  /** why the run ended before the plan's end, if it did */
  stoppedAt: { step: PlannedStep; why: 'failed' | 'operator-stopped' | 'operator-quit' | 'interrupted' } | null;
  durationMs: number;
}

export type RunEvent =
  | { type: 'run-start'; mode: RunMode; plan: Plan }
  | { type: 'notice'; message: string }
  | { type: 'step-start'; step: PlannedStep; index: number; total: number }
  | { type: 'step-preview'; step: PlannedStep; preview: StepPreview }
  | { type: 'statement'; step: PlannedStep; index: number; total: number; sql: string }
  | { type: 'progress'; step: PlannedStep; done: number; total: number | null }
  | { type: 'log'; step: PlannedStep; level: 'info' | 'warn'; message: string }
  | { type: 'retry'; step: PlannedStep; attempt: number; of: number; waitMs: number; reason: string }
  | { type: 'step-end'; outcome: StepOutcome }
  | { type: 'release-complete'; version: string }
  | { type: 'run-end'; summary: RunSummary };

export type RunListener = (event: RunEvent) => void;

/**
 * The operator's answer before a step runs. The Ink wizard asks; `--yes` answers `all`;
 * a run without a terminal and without `--yes` never gets here (it is refused first).
 */
export type Decision = 'apply' | 'all' | 'stop' | 'quit';
export type Decide = (step: PlannedStep, index: number, total: number) => Promise<Decision>;
