// The first line of a full screen: what it is, and the dry-run or rehearsal label.
import { Box, Text } from 'ink';
import type { RunMode } from '../../run/events.js';
import { ModeBanner } from './ModeBanner.js';

export function ScreenTitle({ title, mode }: { title: string; mode: RunMode }) {
  return (
    <Box flexWrap="wrap" columnGap={2} flexShrink={0}>
      <Text bold>{title}</Text>
      <ModeBanner mode={mode} />
    </Box>
  );
}
