import { useEffect, useState } from 'react';

/** The current time, renewed every `intervalMs`, so relative times ("2 min ago") stay true between refetches. */
export function useNow(intervalMs: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}
