// "Apply this step?" — y apply · n stop here · a apply all remaining · s show SQL · q quit.
import { Box, Text, useInput } from 'ink';
import type { RunMode } from '../../run/events.js';
import { modeVerb } from '../format.js';
import { KeyHints } from './KeyHints.js';

export type Choice = 'apply' | 'all' | 'stop' | 'quit' | 'details';

export interface StepConfirmationProps {
  mode: RunMode;
  kind: 'migration' | 'script';
  onChoice(choice: Choice): void;
}

export function StepConfirmation({ mode, kind, onChoice }: StepConfirmationProps) {
  useInput((input, key) => {
    if (key.ctrl || key.meta) return;
    const choice = ({ y: 'apply', n: 'stop', a: 'all', s: 'details', q: 'quit' } as const)[input.toLowerCase()];
    if (choice) onChoice(choice);
  });
  const verb = modeVerb(mode);
  return (
    <Box flexDirection="column" marginTop={1}>
      <Text bold>{verb.charAt(0).toUpperCase() + verb.slice(1)} this step?</Text>
      <KeyHints
        hints={[
          { key: 'y', label: verb },
          { key: 'n', label: 'stop here' },
          { key: 'a', label: `${verb} all remaining` },
          { key: 's', label: kind === 'migration' ? 'show SQL' : 'show details' },
          { key: 'q', label: 'quit' },
        ]}
      />
    </Box>
  );
}
