// The database is already where the code wants it.
import { Box, Text } from 'ink';
import type { OpenedSession } from '../session.js';
import type { RunMode } from '../../run/events.js';
import { usePalette } from '../hooks/use-palette.js';
import { Notices } from './Notices.js';
import { Overview } from './Overview.js';
import { ScreenTitle } from './ScreenTitle.js';

export function NothingToDoScreen({ opened, mode }: { opened: OpenedSession; mode: RunMode }) {
  const palette = usePalette();
  const { plan } = opened;
  const at = plan.databaseVersion ?? plan.target;
  return (
    <Box flexDirection="column">
      <ScreenTitle title="Stepwise" mode={mode} />
      <Overview database={opened.database} plan={plan} />
      <Box marginTop={1}>
        <Text color={palette.success}>
          ✔ Nothing to do: the database is at {at}
          {at === plan.codeVersion ? ", the code's version" : `, the version asked for`}.
        </Text>
      </Box>
      <Notices notices={plan.notices} warnings={opened.warnings} />
    </Box>
  );
}
