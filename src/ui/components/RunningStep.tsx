// The step that runs now: spinner, elapsed time, statement i/n for a migration, a progress bar
// for a data step, lock-timeout retries and the step's latest log lines.
import { Box, Text } from 'ink';
import { firstLine, formatClock, formatDuration, stepLabel } from '../format.js';
import { useElapsed } from '../hooks/use-elapsed.js';
import { usePalette } from '../hooks/use-palette.js';
import { useTerminalSize } from '../hooks/use-terminal-size.js';
import type { LiveStep } from '../hooks/use-upgrade-run.js';
import { BusyLine } from './BusyLine.js';
import { ProgressBar } from './ProgressBar.js';

export function RunningStep({ live, quitRequested }: { live: LiveStep; quitRequested: boolean }) {
  const palette = usePalette();
  const { columns } = useTerminalSize();
  const elapsed = useElapsed(live.startedAt);
  const { step, statement, progress, retry } = live;
  return (
    <Box flexDirection="column" marginTop={1}>
      <BusyLine label={`${stepLabel(step)} · release ${step.version} · step ${live.index} of ${live.total}`}>
        <Text dimColor> {formatClock(elapsed)}</Text>
      </BusyLine>
      <Box flexDirection="column" paddingLeft={2}>
        {statement ? (
          <Text>
            statement {statement.index}/{statement.total}{' '}
            <Text dimColor>{firstLine(statement.sql, Math.max(10, columns - 22))}</Text>
          </Text>
        ) : null}
        {progress ? <ProgressBar done={progress.done} total={progress.total} width={Math.max(10, Math.min(30, columns - 40))} /> : null}
        {retry ? (
          <Text color={palette.warning}>
            ↻ retry {retry.attempt} of {retry.of} in {formatDuration(retry.waitMs)}: {retry.reason}
          </Text>
        ) : null}
        {live.logs.map((log, i) => (
          <Text key={i} color={log.level === 'warn' ? palette.warning : undefined} dimColor={log.level === 'info'}>
            {log.message}
          </Text>
        ))}
        {quitRequested ? (
          <Text color={palette.warning}>
            Stopping: this step finishes or rolls back, then the run ends (Ctrl-C again to quit at once).
          </Text>
        ) : null}
      </Box>
    </Box>
  );
}
