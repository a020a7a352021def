// Whether the screen is phone-narrow, following rotation and resizing (charts turn their bars sideways there).
import { useCallback, useSyncExternalStore } from 'react';

const QUERY = '(max-width: 600px)';

/** Whether a media query matches, following changes. */
export function useMedia(query: string): boolean {
  const subscribe = useCallback(
    (onChange: () => void): (() => void) => {
      const list = window.matchMedia(query);
      list.addEventListener('change', onChange);
      return () => list.removeEventListener('change', onChange);
    },
    [query],
  );
  return useSyncExternalStore(subscribe, () => window.matchMedia(query).matches);
}

/** True on screens up to 600 px wide. */
export function useNarrow(): boolean {
  return useMedia(QUERY);
}
