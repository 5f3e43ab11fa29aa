// The label every screen of a dry run or a rehearsal carries, so nobody mistakes it for the real thing.
import { Text } from 'ink';
import type { RunMode } from '../../run/events.js';
import { modeBanner } from '../format.js';
import { usePalette } from '../hooks/use-palette.js';

export function ModeBanner({ mode }: { mode: RunMode }) {
  const palette = usePalette();
  const banner = modeBanner(mode);
  if (!banner) return null;
  return (
    <Text bold inverse color={palette.warning}>
      {` ${banner} `}
    </Text>
  );
}
