// A spinner and what is being waited for. The label wraps under itself, never under the spinner,
// and keeps its gap when it wraps (a gap inside @inkjs/ui's Spinner is lost once the label shrinks).
import { Box, Text } from 'ink';
import { Spinner } from '@inkjs/ui';
import type { ReactNode } from 'react';

export function BusyLine({ label, children }: { label: string; children?: ReactNode }) {
  return (
    <Box>
      <Box flexShrink={0} marginRight={1}>
        <Spinner />
      </Box>
      <Text>
        {label}
        {children}
      </Text>
    </Box>
  );
}
