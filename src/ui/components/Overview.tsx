// Database, versions and detected state: the top of the plan, refusal and nothing-to-do screens.
import type { ReactNode } from 'react';
import { Box, Text } from 'ink';
import type { Plan } from '../../core/plan.js';
import type { DatabaseLabel } from '../session.js';
import { usePalette } from '../hooks/use-palette.js';
import { planExtent, STATE_LABEL } from '../state-explanation.js';

export function Overview({ database, plan }: { database: DatabaseLabel; plan: Plan }) {
  const palette = usePalette();
  const stateColour =
    plan.refusal ? palette.danger : plan.state === 'current' ? palette.success : palette.warning;
  const pending = !plan.refusal && plan.steps.length > 0;
  return (
    <Box flexDirection="column" flexShrink={0}>
      <Row label="Database">
        {database.kind === 'pglite' ? 'embedded PostgreSQL (PGlite)' : 'PostgreSQL'} · {database.url}
      </Row>
      <Row label="Versions">
        code <Text bold>{plan.codeVersion}</Text> · database <Text bold>{plan.databaseVersion ?? 'none'}</Text>
        {pending ? (
          <>
            {' '}→ target <Text bold>{plan.target}</Text>
          </>
        ) : null}
      </Row>
      <Row label="State">
        <Text bold color={stateColour}>
          {STATE_LABEL[plan.state]}
        </Text>
        {pending ? ` — ${planExtent(plan)}` : ''}
      </Row>
    </Box>
  );
}

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Box>
      <Box width={10} flexShrink={0}>
        <Text dimColor>{label}</Text>
      </Box>
      <Box flexShrink={1}>
        <Text>{children}</Text>
      </Box>
    </Box>
  );
}
