// A step that loses data runs only after the operator types the table's name, not just y
// (the idea of Shopify cli-kit's DangerousConfirmationPrompt).
import { useState } from 'react';
import { Box, Text, useInput } from 'ink';
import type { RunMode } from '../../run/events.js';
import { modeVerb } from '../format.js';
import { usePalette } from '../hooks/use-palette.js';

export interface TypedConfirmationProps {
  word: string;
  mode: RunMode;
  /** reached through "apply all": say why it stopped here */
  duringApplyAll: boolean;
  onConfirm(): void;
  onCancel(): void;
}

export function TypedConfirmation({ word, mode, duringApplyAll, onConfirm, onCancel }: TypedConfirmationProps) {
  const palette = usePalette();
  const [typed, setTyped] = useState('');
  const [refused, setRefused] = useState<string | null>(null);

  useInput((input, key) => {
    if (key.ctrl || key.meta) return;
    if (key.escape) onCancel();
    else if (key.return) {
      if (typed.trim() === word) onConfirm();
      else {
        setRefused(typed.trim());
        setTyped('');
      }
    } else if (key.backspace || key.delete) setTyped((t) => t.slice(0, -1));
    else if (input && !key.tab && !key.upArrow && !key.downArrow && !key.leftArrow && !key.rightArrow) {
      // pasted text arrives in one piece; keep only what can be part of a name
      setTyped((t) => t + input.replace(/[\r\n\t]/g, ''));
      setRefused(null);
    }
  });

  return (
    <Box flexDirection="column" marginTop={1}>
      {duringApplyAll ? <Text color={palette.warning}>"Apply all" stops here: this step loses data.</Text> : null}
      <Text>
        <Text bold color={palette.danger}>
          This step loses data.
        </Text>{' '}
        To {modeVerb(mode)} it, type <Text bold>{word}</Text> and press enter (esc to go back):
      </Text>
      <Text>
        <Text color={palette.accent}>&gt; </Text>
        {typed}
        <Text inverse> </Text>
      </Text>
      {refused !== null ? (
        <Text color={palette.danger}>
          {refused === '' ? 'Nothing typed' : `"${refused}" is not ${word}`}: the step was not {modeVerb(mode) === 'apply' ? 'applied' : 'run'}. Type {word} exactly, or esc.
        </Text>
      ) : null}
    </Box>
  );
}
