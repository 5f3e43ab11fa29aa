// After a first install: offer the demo data of the seed file, then seed with a spinner.
import { useState } from 'react';
import { Box, Text, useInput } from 'ink';
import { KeyHints } from './KeyHints.js';
import { BusyLine } from './BusyLine.js';

export interface SeedOfferProps {
  file: string;
  /** runs the seed; reports its progress messages */
  onSeed(onMessage: (message: string) => void): void;
  onDecline(): void;
}

export function SeedOffer({ file, onSeed, onDecline }: SeedOfferProps) {
  const [seeding, setSeeding] = useState(false);
  const [message, setMessage] = useState<string | null>(null);

  useInput(
    (input, key) => {
      if (key.escape) onDecline();
      else if (key.ctrl || key.meta) return;
      else if (input === 'y') {
        setSeeding(true);
        onSeed(setMessage);
      } else if (input === 'n' || input === 'q') onDecline();
    },
    { isActive: !seeding },
  );

  if (seeding) {
    return (
      <Box flexDirection="column" marginTop={1}>
        <BusyLine label={`Seeding demo data from ${file}…`} />
        {message ? (
          <Box paddingLeft={2}>
            <Text dimColor>{message}</Text>
          </Box>
        ) : null}
      </Box>
    );
  }
  return (
    <Box flexDirection="column" marginTop={1}>
      <Text bold>This was a first install. Seed the demo data from {file}?</Text>
      <KeyHints
        hints={[
          { key: 'y', label: 'seed it' },
          { key: 'n', label: 'no, finish' },
        ]}
      />
    </Box>
  );
}
