// Renders one finished item of the wizard's history (see ../history.ts).
import { Box, Text } from 'ink';
import type { HistoryItem } from '../history.js';
import { usePalette } from '../hooks/use-palette.js';
import { FailureReport } from './FailureReport.js';
import { FinishedStep } from './FinishedStep.js';
import { RunHeader } from './RunHeader.js';
import { RunSummaryReport } from './RunSummaryReport.js';

export function HistoryEntry({ item }: { item: HistoryItem }) {
  const palette = usePalette();
  switch (item.type) {
    case 'run-header':
      return <RunHeader plan={item.plan} database={item.database} mode={item.mode} />;
    case 'notice':
      return <Text color={palette.warning}>! {item.message}</Text>;
    case 'step':
      return <FinishedStep outcome={item.outcome} statementCount={item.statementCount} warnings={item.warnings} />;
    case 'failure':
      return <FailureReport outcome={item.outcome} mode={item.mode} />;
    case 'release':
      return (
        <Box paddingLeft={2}>
          <Text color={palette.success}>
            {item.mode === 'apply'
              ? `release ${item.version} complete: the database is at ${item.version}`
              : `release ${item.version} ${item.mode === 'rehearse' ? 'rehearsed' : 'previewed'}`}
          </Text>
        </Box>
      );
    case 'summary':
      return <RunSummaryReport summary={item.summary} plan={item.plan} />;
    case 'seed':
      // the seeder's report can be a table: under a heading of its own, not after the mark
      if (item.outcome === 'seeded' && item.message.includes('\n')) {
        return (
          <Box marginTop={1} flexDirection="column">
            <Text color={palette.success}>✔ Seeded the demo data{item.file ? ` from ${item.file}` : ''}:</Text>
            <Box paddingLeft={2}>
              <Text>{item.message.trimEnd()}</Text>
            </Box>
          </Box>
        );
      }
      return (
        <Box marginTop={1}>
          <Text color={item.outcome === 'failed' ? palette.danger : item.outcome === 'seeded' ? palette.success : undefined}>
            {item.outcome === 'seeded' ? '✔ ' : item.outcome === 'failed' ? '✗ ' : ''}
            {item.message}
          </Text>
        </Box>
      );
    case 'quit':
      return <Text color={palette.warning}>{item.message}</Text>;
  }
}
