// What the wizard has finished saying: written once above the live area (Ink's <Static>),
// like the finished tests above the running one in Ink's jest example.
import type { Plan } from '../core/plan.js';
import type { RunMode, RunSummary, StepOutcome } from '../run/events.js';
import type { DatabaseLabel } from './session.js';

export type HistoryItem =
  | { type: 'run-header'; plan: Plan; database: DatabaseLabel; mode: RunMode }
  | { type: 'notice'; message: string }
  | { type: 'step'; outcome: StepOutcome; index: number; total: number; statementCount: number | null; warnings: string[] }
  | { type: 'failure'; outcome: StepOutcome; mode: RunMode }
  | { type: 'release'; version: string; mode: RunMode }
  | { type: 'summary'; summary: RunSummary; plan: Plan }
  | { type: 'seed'; outcome: 'seeded' | 'declined' | 'failed'; message: string; file?: string }
  | { type: 'quit'; message: string };

export type AppendHistory = (item: HistoryItem) => void;
