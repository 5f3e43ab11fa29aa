// One finished step, printed once above the live area: outcome, size, rows, duration.
import { Box, Text } from 'ink';
import type { StepOutcome } from '../../run/events.js';
import { formatDuration, plural, stepLabel } from '../format.js';
import { usePalette } from '../hooks/use-palette.js';
import type { Palette } from '../palette.js';

export interface FinishedStepProps {
  outcome: StepOutcome;
  statementCount: number | null;
  warnings: string[];
}

const MARK: Record<StepOutcome['status'], string> = {
  applied: '✔',
  rehearsed: '↺',
  previewed: '○',
  failed: '✗',
  skipped: '–',
};

export function statusColour(status: StepOutcome['status'], palette: Palette): string | undefined {
  if (status === 'failed') return palette.danger;
  if (status === 'skipped') return palette.warning;
  return palette.success;
}

/** "3 statements", "1,204 rows", "~1,204 rows estimated" */
export function outcomeFacts(outcome: StepOutcome, statementCount: number | null): string[] {
  const facts: string[] = [];
  if (outcome.step.kind === 'migration' && statementCount !== null) facts.push(plural(statementCount, 'statement'));
  // DDL reports no rows: "0 rows" on every migration would only be noise
  if (outcome.rows !== null && !(outcome.step.kind === 'migration' && outcome.rows === 0)) {
    facts.push(outcome.status === 'previewed' ? `~${plural(outcome.rows, 'row')} estimated` : plural(outcome.rows, 'row'));
  }
  if (outcome.status !== 'previewed') facts.push(formatDuration(outcome.durationMs));
  return facts;
}

export function FinishedStep({ outcome, statementCount, warnings }: FinishedStepProps) {
  const palette = usePalette();
  const colour = statusColour(outcome.status, palette);
  return (
    <Box flexDirection="column">
      <Box>
        <Box flexShrink={0} marginRight={1}>
          <Text color={colour}>{MARK[outcome.status]}</Text>
        </Box>
        <Text>
          <Text bold={outcome.status === 'failed'}>{stepLabel(outcome.step)}</Text>{' '}
          <Text dimColor>
          ({outcome.step.version}) · {outcomeFacts(outcome, statementCount).join(' · ')}
          {outcome.status === 'rehearsed' ? ' · rehearsed' : ''}
          {outcome.status === 'failed' ? ' · failed' : ''}
          {outcome.status === 'skipped' ? ' · interrupted' : ''}
          </Text>
        </Text>
      </Box>
      {outcome.summary ? (
        <Box paddingLeft={2}>
          <Text dimColor>{outcome.summary}</Text>
        </Box>
      ) : null}
      {warnings
        // a data step often warns and sums up in the same words: say it once
        .filter((warning) => warning !== outcome.summary)
        .map((warning, i) => (
          <Box key={i} paddingLeft={2}>
            <Box flexShrink={0} marginRight={1}>
              <Text color={palette.warning}>⚠</Text>
            </Box>
            <Text color={palette.warning}>{warning}</Text>
          </Box>
        ))}
    </Box>
  );
}
