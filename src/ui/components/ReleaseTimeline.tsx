// The releases the plan goes through, oldest first, each with its steps and its guide's notes.
import { Box, Text } from 'ink';
import type { Plan } from '../../core/plan.js';
import { usePalette } from '../hooks/use-palette.js';
import { previewOf, type Previews } from '../step-facts.js';
import { plural } from '../format.js';
import { Markdown } from './Markdown.js';
import { PlanStepRow } from './PlanStepRow.js';

export interface ReleaseTimelineProps {
  plan: Plan;
  previews: Previews;
  showNotes: boolean;
}

export function ReleaseTimeline({ plan, previews, showNotes }: ReleaseTimelineProps) {
  const palette = usePalette();
  let number = 0;
  return (
    <Box flexDirection="column">
      {plan.releases.map((release, r) => (
        <Box key={release.version} flexDirection="column" marginTop={r === 0 ? 0 : 1}>
          <Text>
            <Text bold color={palette.accent}>
              {r === plan.releases.length - 1 ? '◆' : '◇'} {release.version}
            </Text>{' '}
            <Text bold>{release.title}</Text> <Text dimColor>({plural(release.steps.length, 'step')})</Text>
          </Text>
          <Box flexDirection="column" paddingLeft={2}>
            {release.steps.map((step) => {
              number += 1;
              return <PlanStepRow key={`${step.kind}:${step.id}`} step={step} number={number} preview={previewOf(previews, step)} />;
            })}
            {showNotes && release.notes.trim() ? (
              <Box borderStyle="single" borderTop={false} borderRight={false} borderBottom={false} borderDimColor paddingLeft={1} flexDirection="column">
                <Markdown source={release.notes} />
              </Box>
            ) : null}
          </Box>
        </Box>
      ))}
    </Box>
  );
}
