// One risk found in a step's SQL: data loss in the danger colour, the others as warnings.
import { Box, Text } from 'ink';
import type { SqlWarning } from '../../core/warning.js';
import { warningKindLabel } from '../format.js';
import { usePalette } from '../hooks/use-palette.js';
import { affectedText } from '../step-facts.js';

export function WarningLine({ warning }: { warning: SqlWarning }) {
  const palette = usePalette();
  const loss = warning.kind === 'data-loss';
  return (
    <Box>
      <Box flexShrink={0} marginRight={1}>
        <Text bold color={loss ? palette.danger : palette.warning}>
          {loss ? '✗' : '⚠'}
        </Text>
      </Box>
      <Text color={loss ? palette.danger : palette.warning}>
        <Text bold>{warningKindLabel(warning.kind)}:</Text> {warning.message}
        {affectedText(warning)}
      </Text>
    </Box>
  );
}
