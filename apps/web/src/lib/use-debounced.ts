import { useEffect, useState } from 'react';

/** `value` once it has stayed the same for `delayMs` (compared by JSON, so fresh objects with equal content count as equal). */
export function useDebounced<T>(value: T, delayMs: number): T {
  const [settled, setSettled] = useState(value);
  const key = JSON.stringify(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), delayMs);
    return () => clearTimeout(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the JSON key stands for `value`
  }, [key, delayMs]);
  return settled;
}
