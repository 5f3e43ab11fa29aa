// Overview and plan on one screen: what the database is, what the upgrade will do, and the
// keys to start or quit. Fits the terminal: the plan scrolls below a fixed overview.
import { useRef, useState } from 'react';
import { Box, Text, useInput, type DOMElement } from 'ink';
import type { OpenedSession } from '../session.js';
import type { RunMode } from '../../run/events.js';
import { explainState } from '../state-explanation.js';
import { useMeasuredHeight } from '../hooks/use-measured-height.js';
import { useTerminalSize } from '../hooks/use-terminal-size.js';
import { KeyHints } from './KeyHints.js';
import { Notices } from './Notices.js';
import { Overview } from './Overview.js';
import { ReleaseTimeline } from './ReleaseTimeline.js';
import { ScrollArea, scrollAreaHeight } from './ScrollArea.js';
import { ScreenTitle } from './ScreenTitle.js';

export interface PlanScreenProps {
  opened: OpenedSession;
  mode: RunMode;
  onStart(): void;
  onQuit(): void;
  /** set when a backup is offered: what `b` does */
  backup?: { onBackup(): void } | null;
}

export function PlanScreen({ opened, mode, onStart, onQuit, backup }: PlanScreenProps) {
  const { rows } = useTerminalSize();
  const [showNotes, setShowNotes] = useState(true);
  const headRef = useRef<DOMElement>(null);
  const footRef = useRef<DOMElement>(null);
  const planHeight = scrollAreaHeight(rows, [useMeasuredHeight(headRef), useMeasuredHeight(footRef)]);

  useInput((input, key) => {
    if (key.return) onStart();
    else if (input === 'q') onQuit();
    else if (input === 'g') setShowNotes((shown) => !shown);
    else if (input === 'b' && backup) backup.onBackup();
  });

  const { plan } = opened;
  return (
    <Box flexDirection="column">
      <Box ref={headRef} flexDirection="column" flexShrink={0}>
        <ScreenTitle title={`Stepwise — upgrade to ${plan.target}`} mode={mode} />
        <Overview database={opened.database} plan={plan} />
      </Box>
      <ScrollArea height={planHeight}>
        <Box flexDirection="column" marginTop={1}>
          {explainState(plan).map((line, i) => (
            <Text key={i}>{line}</Text>
          ))}
        </Box>
        <Notices notices={plan.notices} warnings={opened.warnings} />
        <Box marginTop={1}>
          <ReleaseTimeline plan={plan} previews={opened.previews} showNotes={showNotes} />
        </Box>
      </ScrollArea>
      <Box ref={footRef} flexShrink={0}>
        <KeyHints
          hints={[
            { key: 'enter', label: mode === 'apply' ? 'start' : mode === 'dry-run' ? 'start the preview' : 'start the rehearsal' },
            ...(backup ? [{ key: 'b', label: 'back up first' }] : []),
            { key: 'g', label: showNotes ? 'hide guide notes' : 'show guide notes' },
            { key: 'q', label: 'quit' },
          ]}
        />
      </Box>
    </Box>
  );
}
