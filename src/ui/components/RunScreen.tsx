// The live part of a run: the question before a step, or the step that runs now. Finished
// steps go to the history above it.
import { Box, useInput } from 'ink';
import { stepKey } from '../../core/catalog.js';
import type { PlannedStep } from '../../core/plan.js';
import type { RunSummary } from '../../run/events.js';
import type { AppendHistory } from '../history.js';
import { useUpgradeRun } from '../hooks/use-upgrade-run.js';
import type { OpenedSession, WizardSession } from '../session.js';
import { RunningStep } from './RunningStep.js';
import { StepDecision } from './StepDecision.js';
import { BusyLine } from './BusyLine.js';

export interface RunScreenProps {
  session: WizardSession;
  opened: OpenedSession;
  append: AppendHistory;
  onFinished(summary: RunSummary): void;
  onError(error: unknown): void;
  /** second Ctrl-C while a step runs: leave now */
  onForceQuit(running: PlannedStep | null): void;
}

export function RunScreen({ session, opened, append, onFinished, onError, onForceQuit }: RunScreenProps) {
  const run = useUpgradeRun({ session, opened, append, onFinished, onError });

  // first Ctrl-C: quit at the next question (the running step ends first); second: quit now
  useInput((input, key) => {
    if (!key.ctrl || input !== 'c') return;
    if (run.requestQuit() === 'again') onForceQuit(run.live?.step ?? null);
  });

  if (run.pending) {
    return (
      <StepDecision
        key={stepKey(run.pending.step)}
        pending={run.pending}
        previews={run.previews}
        mode={session.mode}
        onAnswer={run.answer}
      />
    );
  }
  if (run.live) return <RunningStep live={run.live} quitRequested={run.quitRequested} />;

  const label = run.quitRequested
    ? 'Quitting…'
    : run.ended === 0
      ? 'Preparing the run…'
      : run.ended >= opened.plan.steps.length && session.mode === 'rehearse'
        ? 'Rolling back the rehearsal…'
        : 'Working…';
  return (
    <Box>
      <BusyLine label={label} />
    </Box>
  );
}
