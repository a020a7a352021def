// Paths of the moderation screens: /c/:slug/moderation[?tab=rules|log|jobs].
export type ModerationTab = 'queue' | 'rules' | 'log' | 'jobs';

export interface ModerationRoute {
  slug: string;
  tab: ModerationTab;
}

/** The moderation route of a location, or null when it is another screen. */
export function matchModerationRoute(location: { pathname: string; search: string }): ModerationRoute | null {
  const match = /^\/c\/([^/]+)\/moderation\/?$/.exec(location.pathname);
  if (!match?.[1]) return null;
  const tab = new URLSearchParams(location.search).get('tab');
  return { slug: decodeURIComponent(match[1]), tab: tab === 'rules' || tab === 'log' || tab === 'jobs' ? tab : 'queue' };
}

/** The path of a community's moderation screen. */
export function moderationPath(slug: string, tab: ModerationTab = 'queue'): string {
  const base = `/c/${encodeURIComponent(slug)}/moderation`;
  return tab === 'queue' ? base : `${base}?tab=${tab}`;
}
