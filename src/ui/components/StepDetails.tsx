// The SQL of a migration, statement by statement, or what a data step does: a scrollable view
// opened with s from the step confirmation, closed with esc or s.
import { useRef } from 'react';
import { Box, Text, useInput, type DOMElement } from 'ink';
import type { PlannedStep } from '../../core/plan.js';
import type { StepPreview } from '../../run/events.js';
import { plural, stepLabel } from '../format.js';
import { useMeasuredHeight } from '../hooks/use-measured-height.js';
import { usePalette } from '../hooks/use-palette.js';
import { useTerminalSize } from '../hooks/use-terminal-size.js';
import { stepSize } from '../step-facts.js';
import { KeyHints } from './KeyHints.js';
import { ScrollArea, scrollAreaHeight } from './ScrollArea.js';
import { WarningLine } from './WarningLine.js';

export interface StepDetailsProps {
  step: PlannedStep;
  preview: StepPreview | undefined;
  onClose(): void;
}

export function StepDetails({ step, preview, onClose }: StepDetailsProps) {
  const { rows } = useTerminalSize();
  const headRef = useRef<DOMElement>(null);
  const footRef = useRef<DOMElement>(null);
  const height = scrollAreaHeight(rows, [useMeasuredHeight(headRef), useMeasuredHeight(footRef)]);

  useInput((input, key) => {
    if (key.escape || input === 's') onClose();
  });

  return (
    <Box flexDirection="column">
      <Box ref={headRef} flexShrink={0}>
        <Text bold>
          {stepLabel(step)} <Text dimColor>(release {step.version}) · {stepSize(step, preview)}</Text>
        </Text>
      </Box>
      <ScrollArea height={height}>
        {step.kind === 'migration' ? <MigrationSql step={step} preview={preview} /> : <DataStepAbout step={step} preview={preview} />}
      </ScrollArea>
      <Box ref={footRef} flexShrink={0}>
        <KeyHints hints={[{ key: 'esc', label: 'back to the question' }]} />
      </Box>
    </Box>
  );
}

function MigrationSql({ step, preview }: { step: PlannedStep; preview: StepPreview | undefined }) {
  const palette = usePalette();
  const statements =
    preview?.statements ?? (step.migration?.statements ?? []).map((sql) => ({ sql, transactional: true, warnings: [] }));
  return (
    <Box flexDirection="column">
      {statements.map((statement, i) => (
        <Box key={i} flexDirection="column" marginTop={i === 0 ? 0 : 1}>
          <Text dimColor>
            -- statement {i + 1} of {statements.length}
          </Text>
          {statement.transactional ? null : (
            <Text color={palette.warning}>-- runs outside a transaction: PostgreSQL refuses it inside one</Text>
          )}
          {statement.warnings.map((warning, w) => (
            <WarningLine key={w} warning={warning} />
          ))}
          <Text color={palette.accent}>{statement.sql.trim()}</Text>
        </Box>
      ))}
    </Box>
  );
}

function DataStepAbout({ step, preview }: { step: PlannedStep; preview: StepPreview | undefined }) {
  return (
    <Box flexDirection="column">
      <Text bold>{preview?.title ?? step.id}</Text>
      {preview?.description ? <Text>{preview.description}</Text> : null}
      <Text dimColor>file: upgrade-guides/{step.id}</Text>
      <Text dimColor>
        {preview === undefined
          ? 'Rows: not estimated.'
          : preview.estimatedRows === null
            ? 'Rows: unknown until earlier steps run.'
            : `Rows: about ${plural(preview.estimatedRows, 'row')}, estimated on this database.`}
      </Text>
      {(preview?.warnings ?? []).map((warning, w) => (
        <WarningLine key={w} warning={warning} />
      ))}
    </Box>
  );
}
