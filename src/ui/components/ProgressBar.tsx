// Rows done of a data step: a bar when the total is known, a count when it is not.
import { Text } from 'ink';
import { formatCount } from '../format.js';
import { usePalette } from '../hooks/use-palette.js';

export interface ProgressBarProps {
  done: number;
  total: number | null;
  /** columns for the bar itself */
  width: number;
}

export function ProgressBar({ done, total, width }: ProgressBarProps) {
  const palette = usePalette();
  if (total === null || total <= 0) {
    return <Text>{formatCount(done)} rows done</Text>;
  }
  const ratio = Math.min(1, Math.max(0, done / total));
  const filled = Math.round(ratio * width);
  return (
    <Text>
      <Text color={palette.accent}>{'█'.repeat(filled)}</Text>
      <Text dimColor>{'░'.repeat(width - filled)}</Text> {formatCount(done)} / {formatCount(total)} rows{' '}
      <Text dimColor>{Math.floor(ratio * 100)}%</Text>
    </Text>
  );
}
