// The rendered height of a Box, read after layout. Ink has no scroll container, so screens
// measure their fixed parts and give the rest of the terminal to a clipped viewport.
import { useEffect, useState, type RefObject } from 'react';
import { measureElement, type DOMElement } from 'ink';

/** undefined until measured: the first frame is drawn before any layout can be read */
export function useMeasuredHeight(ref: RefObject<DOMElement | null>): number | undefined {
  const [height, setHeight] = useState<number | undefined>(undefined);
  // no dependency list: the content can change height on any render (wrapping, resize)
  useEffect(() => {
    if (!ref.current) return;
    const measured = measureElement(ref.current).height;
    if (measured !== height) setHeight(measured);
  });
  return height;
}
