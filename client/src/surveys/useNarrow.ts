// Whether the screen is phone-narrow, following rotation and resizing (charts turn their bars sideways there).
import { useSyncExternalStore } from 'react';

const QUERY = '(max-width: 600px)';

const subscribe = (onChange: () => void): (() => void) => {
  const list = window.matchMedia(QUERY);
  list.addEventListener('change', onChange);
  return () => list.removeEventListener('change', onChange);
};

/** True on screens up to 600 px wide. */
export function useNarrow(): boolean {
  return useSyncExternalStore(subscribe, () => window.matchMedia(QUERY).matches);
}
