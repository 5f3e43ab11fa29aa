// The end of a run: what ran with durations and rows, where it stopped and the command to go on.
import { Box, Text } from 'ink';
import type { Plan } from '../../core/plan.js';
import type { RunSummary } from '../../run/events.js';
import { formatDuration, plural, stepLabel } from '../format.js';
import { usePalette } from '../hooks/use-palette.js';
import { applyCommand, continueCommand } from '../state-explanation.js';
import { outcomeFacts, statusColour } from './FinishedStep.js';

const STATUS_WORD: Record<RunSummary['outcomes'][number]['status'], string> = {
  applied: 'applied',
  rehearsed: 'rehearsed',
  previewed: 'previewed',
  failed: 'failed',
  // the runner's "skipped": stopped between batches by Ctrl-C, resumed by the next run
  skipped: 'stopped',
};

export function RunSummaryReport({ summary, plan }: { summary: RunSummary; plan: Plan }) {
  const palette = usePalette();
  const done = summary.outcomes.filter((o) => o.status !== 'failed' && o.status !== 'skipped');
  const rows = done.reduce((sum, o) => sum + (o.rows ?? 0), 0);
  const verb = { apply: 'Applied', 'dry-run': 'Previewed', rehearse: 'Rehearsed' }[summary.mode];
  const stop = summary.stoppedAt;
  const complete = stop === null && done.length === plan.steps.length;
  const stillAt = summary.databaseVersion ?? 'no release';

  return (
    <Box flexDirection="column" marginTop={1}>
      <Text bold>Summary</Text>
      <Text>
        {verb} {done.length} of {plural(plan.steps.length, 'step')} in {formatDuration(summary.durationMs)}
        {summary.mode === 'dry-run' ? '' : `, ${plural(rows, 'row')} changed`}.
      </Text>
      <Box flexDirection="column" paddingLeft={2}>
        {summary.outcomes.map((o) => (
          <Text key={`${o.step.kind}:${o.step.id}`}>
            <Text color={statusColour(o.status, palette)}>{STATUS_WORD[o.status].padEnd(9)}</Text> {stepLabel(o.step)}{' '}
            <Text dimColor>{outcomeFacts(o, null).join(' · ')}</Text>
          </Text>
        ))}
      </Box>
      {stop ? <StopLine why={stop.why} label={`${stepLabel(stop.step)} (release ${stop.step.version})`} /> : null}
      {summary.mode === 'apply' ? (
        <Text>
          {complete ? 'The database is now at ' : 'The database is at '}
          <Text bold>{stillAt}</Text>
          {complete ? '.' : `; the code is at ${plan.codeVersion}.`}
        </Text>
      ) : summary.mode === 'dry-run' ? (
        <Text>Nothing was written: the database is still at {stillAt}.</Text>
      ) : (
        <Text>Everything was rolled back: the database is still at {stillAt}.</Text>
      )}
      {stop && stop.why !== 'failed' ? (
        <Text>
          To continue: <Text bold color={palette.accent}>{continueCommand(plan)}</Text> (it resumes at {stepLabel(stop.step)}).
        </Text>
      ) : null}
      {complete && summary.mode !== 'apply' ? (
        <Text>
          To apply it for real: <Text bold color={palette.accent}>{applyCommand(plan)}</Text>
        </Text>
      ) : null}
    </Box>
  );
}

function StopLine({ why, label }: { why: NonNullable<RunSummary['stoppedAt']>['why']; label: string }) {
  const palette = usePalette();
  const text = {
    failed: `Stopped at ${label}: it failed (see above).`,
    'operator-stopped': `Stopped before ${label}, as you asked.`,
    'operator-quit': `Quit before ${label}.`,
    interrupted: `Interrupted at ${label}.`,
  }[why];
  return <Text color={why === 'failed' ? palette.danger : palette.warning}>{text}</Text>;
}
