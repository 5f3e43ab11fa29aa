// A clipped viewport over content taller than the terminal allows, with a line saying where
// the view is. Ink has no scrolling of its own: the content is shifted up by a negative margin.
import { useRef, type ReactNode } from 'react';
import { Box, Text, type DOMElement } from 'ink';
import { useMeasuredHeight } from '../hooks/use-measured-height.js';
import { useScroll } from '../hooks/use-scroll.js';

export interface ScrollAreaProps {
  /** rows available, the position line included */
  height: number;
  /** whether ↑/↓/PgUp/PgDn go to this area */
  isActive?: boolean;
  children: ReactNode;
}

/** the least height of a scroll area: a line of content and the position line */
const MIN_HEIGHT = 2;

/**
 * The rows a scroll area gets between fixed parts (`fixed`, measured heights) on a terminal of
 * `rows`. One row short of the terminal: a frame as tall as the terminal makes Ink clear the
 * screen, and the title scrolls off into the scrollback. Until every fixed part is measured (the
 * first frame), the least height, so that not even the first frame is too tall.
 */
export function scrollAreaHeight(rows: number, fixed: (number | undefined)[]): number {
  if (fixed.some((height) => height === undefined)) return MIN_HEIGHT;
  return Math.max(MIN_HEIGHT, rows - 1 - fixed.reduce<number>((sum, height) => sum + height!, 0));
}

export function ScrollArea({ height, isActive = true, children }: ScrollAreaProps) {
  const contentRef = useRef<DOMElement>(null);
  const measured = useMeasuredHeight(contentRef);
  const contentHeight = measured ?? 0;
  const room = Math.max(1, height - 1);
  const scrollable = contentHeight > room;
  // before the first measurement, take all the room: a one-line flash reads as a broken screen
  const viewport = scrollable || !measured ? room : Math.min(contentHeight, height);
  const { offset, max } = useScroll(contentHeight, viewport, isActive && scrollable);

  return (
    <Box flexDirection="column" flexShrink={0}>
      <Box height={viewport} flexDirection="column" overflowY="hidden" flexShrink={0}>
        <Box ref={contentRef} flexDirection="column" flexShrink={0} marginTop={-offset}>
          {children}
        </Box>
      </Box>
      {scrollable ? (
        <Text dimColor>
          {offset > 0 ? '↑' : ' '}
          {offset < max ? '↓' : ' '} lines {offset + 1}–{Math.min(contentHeight, offset + viewport)} of {contentHeight} · ↑↓
          PgUp PgDn to scroll
        </Text>
      ) : null}
    </Box>
  );
}
