// A failed step as PostgreSQL reported it: message, code, detail, hint, the statement with a
// caret under the failing position, then that it was rolled back and how to go on.
import { Box, Text } from 'ink';
import type { RunMode, StepOutcome } from '../../run/events.js';
import { caretView } from '../caret.js';
import { stepLabel } from '../format.js';
import { usePalette } from '../hooks/use-palette.js';
import { useTerminalSize } from '../hooks/use-terminal-size.js';

const INDENT = 4;

export function FailureReport({ outcome, mode }: { outcome: StepOutcome; mode: RunMode }) {
  const palette = usePalette();
  const { columns } = useTerminalSize();
  const failure = outcome.failure;
  if (!failure) return null;
  const { step } = outcome;
  return (
    <Box flexDirection="column" marginTop={1}>
      <Text bold color={palette.danger}>
        ✗ {stepLabel(step)} (release {step.version}) failed
      </Text>
      <Box flexDirection="column" paddingLeft={2}>
        <Text>
          <Text bold color={palette.danger}>
            ERROR{failure.code ? ` ${failure.code}` : ''}:
          </Text>{' '}
          {failure.message}
        </Text>
        {failure.detail ? <Text><Text bold>Detail:</Text> {failure.detail}</Text> : null}
        {failure.hint ? <Text><Text bold>Hint:</Text> {failure.hint}</Text> : null}
        {failure.statement ? (
          <Box flexDirection="column">
            <Text dimColor>
              {failure.statementIndex ? `Statement ${failure.statementIndex}` : 'Statement'}
              {failure.position ? `, at character ${failure.position}` : ''}:
            </Text>
            <Statement sql={failure.statement} position={failure.position} width={columns - INDENT} />
          </Box>
        ) : null}
        <Text>
          {mode === 'rehearse'
            ? 'The step was rolled back, and so is the whole rehearsal: nothing was written.'
            : step.kind === 'script'
              ? 'The step was rolled back (batches it had already committed are kept; a data step carries on after them).'
              : 'The step was rolled back: nothing of it was written.'}
        </Text>
        <Text>
          {mode === 'rehearse'
            ? 'Fix the cause and rehearse again: `stepwise upgrade --rehearse`. A real run would fail here too.'
            : 'Fix the cause and run `stepwise` again: it resumes at this step.'}
        </Text>
      </Box>
    </Box>
  );
}

function Statement({ sql, position, width }: { sql: string; position?: number; width: number }) {
  const palette = usePalette();
  if (!position) {
    const lines = sql.trim().split('\n');
    return (
      <Box paddingLeft={2} flexDirection="column">
        {lines.slice(0, 6).map((line, i) => (
          <Text key={i} wrap="truncate-end" color={palette.accent}>
            {line}
          </Text>
        ))}
        {lines.length > 6 ? <Text dimColor>… {lines.length - 6} more lines</Text> : null}
      </Box>
    );
  }
  const view = caretView(sql, position, width - 2);
  return (
    <Box paddingLeft={2} flexDirection="column">
      {view.lines.map((line, i) => (
        <Box key={i} flexDirection="column">
          <Text color={palette.accent}>{line}</Text>
          {i === view.caretLine ? (
            <Text bold color={palette.danger}>
              {' '.repeat(view.caretColumn)}^
            </Text>
          ) : null}
        </Box>
      ))}
    </Box>
  );
}
