// The seam between the engine and the Ink wizard: the wizard calls these and renders what they
// return and emit. It never connects, plans or runs anything itself.
import type { Plan } from '../core/plan.js';
import type { Decide, RunListener, RunMode, RunSummary, StepPreview } from '../run/events.js';

export interface DatabaseLabel {
  kind: 'postgres' | 'pglite';
  /** masked: never contains a password */
  url: string;
}

export interface OpenedSession {
  database: DatabaseLabel;
  plan: Plan;
  /** data steps' preflight warnings and other things to read before anything runs */
  warnings: string[];
  /** per planned step, keyed by stepKey(step) (`migration:0001_x`, `script:1.3.0/a.ts`) */
  previews: Record<string, StepPreview>;
}

export interface WizardSession {
  mode: RunMode;
  /** what the Connect screen names while `open` runs */
  database: DatabaseLabel;
  /** true when the embedded database is opened for the first time (initdb takes a few seconds) */
  firstOpen: boolean;
  /** connect, read state, plan */
  open(): Promise<OpenedSession>;
  /** run the plan; `decide` is asked before each step, `onEvent` gets every event */
  run(decide: Decide, onEvent: RunListener): Promise<RunSummary>;
  /** offered after a first install when a seed file exists; null when not offered */
  seed: { file: string; run(onEvent: (message: string) => void): Promise<string> } | null;
  /**
   * offered on the plan screen (key b) before anything runs: a backup to `suggestedFile`;
   * `run` resolves with a line saying where it is and how to restore it. null when not offered.
   */
  backup?: { suggestedFile: string; run(file: string): Promise<string> } | null;
  /**
   * Ctrl-C while a step runs: the step finishes or rolls back, then the run ends with
   * stoppedAt.why = 'interrupted' (never a half-recorded step)
   */
  stop?(): void;
  close(): Promise<void>;
}
