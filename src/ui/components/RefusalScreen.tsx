// Stepwise will not touch this database (drift, ahead): why, the offending records, what to do.
import { Box, Text } from 'ink';
import type { OpenedSession } from '../session.js';
import type { RunMode } from '../../run/events.js';
import { usePalette } from '../hooks/use-palette.js';
import { Overview } from './Overview.js';
import { ScreenTitle } from './ScreenTitle.js';

export function RefusalScreen({ opened, mode }: { opened: OpenedSession; mode: RunMode }) {
  const palette = usePalette();
  const refusal = opened.plan.refusal;
  if (!refusal) return null;
  return (
    <Box flexDirection="column">
      <ScreenTitle title="Stepwise — refused" mode={mode} />
      <Overview database={opened.database} plan={opened.plan} />
      <Box marginTop={1} flexDirection="column">
        <Text bold color={palette.danger}>
          ✗ Stepwise will not change this database ({refusal.state}).
        </Text>
        <Text>{refusal.message}</Text>
        {refusal.details.map((detail, i) => (
          <Box key={i} paddingLeft={2}>
            <Box flexShrink={0} marginRight={1}>
              <Text>•</Text>
            </Box>
            <Text>{detail}</Text>
          </Box>
        ))}
      </Box>
    </Box>
  );
}
