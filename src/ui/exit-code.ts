// The wizard's exit codes (SPEC §7), from how it ended.
import type { RunSummary } from '../run/events.js';

export const WIZARD_EXIT = {
  done: 0,
  stepFailed: 1,
  refused: 3,
  quit: 130,
} as const;

export function exitCodeForSummary(summary: RunSummary): number {
  if (summary.outcomes.some((o) => o.status === 'failed') || summary.stoppedAt?.why === 'failed') {
    return WIZARD_EXIT.stepFailed;
  }
  if (summary.stoppedAt?.why === 'operator-quit' || summary.stoppedAt?.why === 'interrupted') {
    return WIZARD_EXIT.quit;
  }
  return WIZARD_EXIT.done;
}
