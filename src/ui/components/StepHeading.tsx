// Which step is asked about: its place in the plan, release, kind, id, size and risks.
import { Box, Text } from 'ink';
import type { PlannedStep } from '../../core/plan.js';
import type { StepPreview } from '../../run/events.js';
import { reasonTag, stepLabel } from '../format.js';
import { usePalette } from '../hooks/use-palette.js';
import { stepSize, stepWarnings } from '../step-facts.js';
import { WarningLine } from './WarningLine.js';

/** more than this many warnings are summed up: the details view (s) lists them all */
const MAX_WARNINGS = 4;

export interface StepHeadingProps {
  step: PlannedStep;
  index: number;
  total: number;
  preview: StepPreview | undefined;
}

export function StepHeading({ step, index, total, preview }: StepHeadingProps) {
  const palette = usePalette();
  const warnings = stepWarnings(preview);
  const tag = reasonTag(step);
  return (
    <Box flexDirection="column">
      <Text>
        <Text dimColor>
          Step {index} of {total} · release {step.version} ·{' '}
        </Text>
        <Text bold>{stepLabel(step)}</Text>
        {tag ? <Text color={palette.warning}> [{tag}]</Text> : null}
      </Text>
      <Box flexDirection="column" paddingLeft={2}>
        {preview?.title ? <Text>{preview.title}</Text> : null}
        <Text dimColor>{stepSize(step, preview)}</Text>
        {warnings.slice(0, MAX_WARNINGS).map((warning, i) => (
          <WarningLine key={i} warning={warning} />
        ))}
        {warnings.length > MAX_WARNINGS ? (
          <Text dimColor>… and {warnings.length - MAX_WARNINGS} more: press s to see them all</Text>
        ) : null}
      </Box>
    </Box>
  );
}
