// Scroll position of a clipped viewport: ↑/↓ by a line, PgUp/PgDn by a page, Home/End.
import { useEffect, useState } from 'react';
import { useInput } from 'ink';

export interface Scroll {
  offset: number;
  /** the largest offset: content below the viewport */
  max: number;
}

export function useScroll(contentHeight: number, viewportHeight: number, isActive = true): Scroll {
  const max = Math.max(0, contentHeight - viewportHeight);
  const [offset, setOffset] = useState(0);
  // keep the position valid when the content or the terminal shrinks
  useEffect(() => {
    if (offset > max) setOffset(max);
  }, [offset, max]);

  useInput(
    (_input, key) => {
      const page = Math.max(1, viewportHeight - 1);
      const by = (delta: number) => setOffset((o) => Math.min(max, Math.max(0, o + delta)));
      if (key.upArrow) by(-1);
      else if (key.downArrow) by(1);
      else if (key.pageUp) by(-page);
      else if (key.pageDown) by(page);
      else if (key.home) setOffset(0);
      else if (key.end) setOffset(max);
    },
    { isActive },
  );

  return { offset: Math.min(offset, max), max };
}
