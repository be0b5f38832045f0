import { useSyncExternalStore } from 'react';

/** Whether the CSS media query matches now; follows the window as it is resized or turned. */
export function useMediaQuery(query: string): boolean {
  return useSyncExternalStore(
    (onChange) => {
      if (typeof window.matchMedia !== 'function') return () => undefined;
      const list = window.matchMedia(query);
      list.addEventListener('change', onChange);
      return () => list.removeEventListener('change', onChange);
    },
    () => typeof window.matchMedia === 'function' && window.matchMedia(query).matches,
    () => false,
  );
}

/** The inbox turns into cards at and below this width (a phone held upright). */
export const NARROW_INBOX = '(max-width: 640px)';
