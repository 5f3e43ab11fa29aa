// A step that loses data runs only after the operator types the table's name, not just y
// (the idea of Shopify cli-kit's DangerousConfirmationPrompt).
import { useRef, useState } from 'react';
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
  const [typed, setTypedState] = useState('');
  const [refused, setRefused] = useState<string | null>(null);
  // keys of a paste ("product_variant⏎") arrive before React re-renders: read the ref, not the state
  const typedRef = useRef('');
  const setTyped = (next: string) => {
    typedRef.current = next;
    setTypedState(next);
  };

  const submit = () => {
    const given = typedRef.current.trim();
    if (given === word) onConfirm();
    else {
      setRefused(given);
      setTyped('');
    }
  };

  useInput((input, key) => {
    // Ink reports a lone esc with meta set: look at it before ignoring modified keys
    if (key.escape) onCancel();
    else if (key.ctrl || key.meta) return;
    else if (key.return) submit();
    else if (key.backspace || key.delete) setTyped(typedRef.current.slice(0, -1));
    else if (input && !key.tab && !key.upArrow && !key.downArrow && !key.leftArrow && !key.rightArrow) {
      // a paste arrives in one piece, its enter included
      const [text, ...afterEnter] = input.split(/\r\n|\r|\n/);
      setTyped(typedRef.current + text.replace(/\t/g, ''));
      setRefused(null);
      if (afterEnter.length > 0) submit();
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
