// A small history-API router: the app has few screens, so a store of the current location is all it needs.
import { useSyncExternalStore } from 'react';

export interface Location {
  pathname: string;
  search: string;
}

const NAVIGATE_EVENT = 'rukun:navigate';

function subscribe(onChange: () => void): () => void {
  window.addEventListener('popstate', onChange);
  window.addEventListener(NAVIGATE_EVENT, onChange);
  return () => {
    window.removeEventListener('popstate', onChange);
    window.removeEventListener(NAVIGATE_EVENT, onChange);
  };
}

// useSyncExternalStore compares snapshots with Object.is, so the href string is the snapshot.
const snapshot = (): string => window.location.pathname + window.location.search;

/** The current location; re-renders on navigation. */
export function useLocation(): Location {
  const href = useSyncExternalStore(subscribe, snapshot);
  const url = new URL(href, window.location.origin);
  return { pathname: url.pathname, search: url.search };
}

/** Goes to an in-app path without reloading. */
export function navigate(to: string, options: { replace?: boolean } = {}): void {
  if (to === snapshot()) return;
  if (options.replace) window.history.replaceState(null, '', to);
  else window.history.pushState(null, '', to);
  window.scrollTo({ top: 0 });
  window.dispatchEvent(new Event(NAVIGATE_EVENT));
}

export type Route = { name: 'home' } | { name: 'community'; slug: string; tag: string | null } | { name: 'notFound' };

/** Maps a location to a screen. */
export function matchRoute(location: Location): Route {
  if (location.pathname === '/' || location.pathname === '') return { name: 'home' };
  const community = /^\/c\/([^/]+)\/?$/.exec(location.pathname);
  if (community?.[1]) {
    const tag = new URLSearchParams(location.search).get('tag');
    return { name: 'community', slug: decodeURIComponent(community[1]), tag: tag ? tag.toLowerCase() : null };
  }
  return { name: 'notFound' };
}

/** The path of a community's feed, optionally filtered by a hashtag. */
export function communityPath(slug: string, tag?: string | null): string {
  const base = `/c/${encodeURIComponent(slug)}`;
  return tag ? `${base}?tag=${encodeURIComponent(tag)}` : base;
}
