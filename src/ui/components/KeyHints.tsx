// The keys a screen accepts, shown at its bottom: "enter start · q quit".
import { Box, Text } from 'ink';
import { usePalette } from '../hooks/use-palette.js';

export interface KeyHint {
  key: string;
  label: string;
}

export function KeyHints({ hints }: { hints: KeyHint[] }) {
  const palette = usePalette();
  return (
    <Box flexWrap="wrap" columnGap={0}>
      {hints.map((hint, i) => (
        <Text key={hint.key}>
          {i > 0 ? <Text dimColor> · </Text> : null}
          <Text bold color={palette.accent}>
            {hint.key}
          </Text>{' '}
          {hint.label}
        </Text>
      ))}
    </Box>
  );
}
