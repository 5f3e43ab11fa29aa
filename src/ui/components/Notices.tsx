// Sentences the operator must read before anything runs: the planner's notices and the
// session's warnings (data steps' preflight findings).
import { Box, Text } from 'ink';
import { usePalette } from '../hooks/use-palette.js';

export function Notices({ notices, warnings }: { notices: string[]; warnings: string[] }) {
  const palette = usePalette();
  if (notices.length === 0 && warnings.length === 0) return null;
  return (
    <Box flexDirection="column" marginTop={1}>
      {notices.map((notice, i) => (
        <Box key={`n${i}`}>
          <Box flexShrink={0} marginRight={1}>
            <Text bold color={palette.warning}>
              !
            </Text>
          </Box>
          <Text color={palette.warning}>{notice}</Text>
        </Box>
      ))}
      {warnings.map((warning, i) => (
        <Box key={`w${i}`}>
          <Box flexShrink={0} marginRight={1}>
            <Text bold color={palette.danger}>
              ⚠
            </Text>
          </Box>
          <Text color={palette.danger}>{warning}</Text>
        </Box>
      ))}
    </Box>
  );
}
