// The line that opens a run's history: mode, database and where the upgrade goes.
import { Box, Text } from 'ink';
import type { Plan } from '../../core/plan.js';
import type { RunMode } from '../../run/events.js';
import type { DatabaseLabel } from '../session.js';
import { plural } from '../format.js';
import { ModeBanner } from './ModeBanner.js';

export function RunHeader({ plan, database, mode }: { plan: Plan; database: DatabaseLabel; mode: RunMode }) {
  const verb = { apply: 'Upgrading', 'dry-run': 'Previewing', rehearse: 'Rehearsing' }[mode];
  return (
    <Box flexDirection="column">
      <ModeBanner mode={mode} />
      <Text>
        <Text bold>{verb}</Text> {database.url} from {plan.databaseVersion ?? 'an empty database'} to{' '}
        <Text bold>{plan.target}</Text> <Text dimColor>({plural(plan.steps.length, 'step')})</Text>
      </Text>
    </Box>
  );
}
