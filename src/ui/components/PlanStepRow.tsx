// A step in the plan's timeline: its number, kind, id, size and the risks its preview found.
import { Box, Text } from 'ink';
import type { PlannedStep } from '../../core/plan.js';
import type { StepPreview } from '../../run/events.js';
import { reasonTag, stepKindLabel } from '../format.js';
import { usePalette } from '../hooks/use-palette.js';
import { stepSize, stepWarnings } from '../step-facts.js';
import { WarningLine } from './WarningLine.js';

export interface PlanStepRowProps {
  step: PlannedStep;
  /** 1-based position in the whole plan, as the confirmation counts */
  number: number;
  preview: StepPreview | undefined;
}

export function PlanStepRow({ step, number, preview }: PlanStepRowProps) {
  const palette = usePalette();
  const tag = reasonTag(step);
  const outside = preview?.statements.some((s) => !s.transactional) ?? false;
  return (
    <Box flexDirection="column">
      <Text>
        <Text dimColor>{String(number).padStart(2)}.</Text> <Text bold>{stepKindLabel(step.kind).padEnd(9)}</Text>{' '}
        {step.id}
        {tag ? <Text color={palette.warning}> [{tag}]</Text> : null}
      </Text>
      <Box flexDirection="column" paddingLeft={4}>
        <Text>
          {preview?.title && step.kind === 'script' ? `${preview.title} · ` : ''}
          <Text dimColor={!outside}>{stepSize(step, preview)}</Text>
        </Text>
        {stepWarnings(preview).map((warning, i) => (
          <WarningLine key={i} warning={warning} />
        ))}
      </Box>
    </Box>
  );
}
