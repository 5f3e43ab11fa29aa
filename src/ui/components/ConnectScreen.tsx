// While the session connects, reads the database's state and plans.
import { Box, Text } from 'ink';
import type { RunMode } from '../../run/events.js';
import type { DatabaseLabel } from '../session.js';
import { ModeBanner } from './ModeBanner.js';
import { BusyLine } from './BusyLine.js';

export interface ConnectScreenProps {
  database: DatabaseLabel;
  firstOpen: boolean;
  mode: RunMode;
}

export function ConnectScreen({ database, firstOpen, mode }: ConnectScreenProps) {
  const what = database.kind === 'pglite' ? 'the embedded database' : 'PostgreSQL';
  return (
    <Box flexDirection="column">
      <ModeBanner mode={mode} />
      <BusyLine label={`Connecting to ${what} at ${database.url} and reading its state…`} />
      {firstOpen ? (
        <Box paddingLeft={2}>
          <Text dimColor>
            The first open of the embedded database takes a few seconds: PostgreSQL creates its data directory.
          </Text>
        </Box>
      ) : null}
    </Box>
  );
}
