// Milliseconds since `since`, re-rendered every second while the component is mounted.
import { useEffect, useState } from 'react';

export function useElapsed(since: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    setNow(Date.now());
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [since]);
  return Math.max(0, now - since);
}
