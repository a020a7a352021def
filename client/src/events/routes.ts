// Paths of the events screens. Community-scoped: /c/:slug/events[?view=calendar&month=yyyy-MM], /c/:slug/events/new.
// Event-scoped (the event knows its community): /events/:id, /events/:id/edit|attendees|checkin. Mine: /me/events.
export type EventRoute =
  | { name: 'list'; slug: string; view: 'list' | 'calendar'; month: string | null }
  | { name: 'new'; slug: string }
  | { name: 'event'; id: string }
  | { name: 'edit'; id: string }
  | { name: 'attendees'; id: string }
  | { name: 'checkin'; id: string }
  | { name: 'mine' };

const decode = (part: string): string | null => {
  try {
    return decodeURIComponent(part);
  } catch {
    return null;
  }
};

/** The events route of a location, or null when it is another screen. */
export function matchEventRoute(location: { pathname: string; search: string }): EventRoute | null {
  const path = location.pathname.replace(/\/+$/, '');
  if (path === '/me/events') return { name: 'mine' };
  const community = /^\/c\/([^/]+)\/events(?:\/(new))?$/.exec(path);
  if (community?.[1]) {
    const slug = decode(community[1]);
    if (slug === null) return null;
    if (community[2] === 'new') return { name: 'new', slug };
    const params = new URLSearchParams(location.search);
    const month = params.get('month');
    return {
      name: 'list',
      slug,
      view: params.get('view') === 'calendar' ? 'calendar' : 'list',
      month: month && /^\d{4}-(0[1-9]|1[0-2])$/.test(month) ? month : null,
    };
  }
  const event = /^\/events\/([^/]+)(?:\/(edit|attendees|checkin))?$/.exec(path);
  if (event?.[1]) {
    const id = decode(event[1]);
    if (id === null) return null;
    const sub = event[2];
    if (sub === 'edit' || sub === 'attendees' || sub === 'checkin') return { name: sub, id };
    return { name: 'event', id };
  }
  return null;
}

/** A community's events, as a list or as a month calendar. */
export function eventsPath(slug: string, options: { view?: 'list' | 'calendar'; month?: string | null } = {}): string {
  const base = `/c/${encodeURIComponent(slug)}/events`;
  const params = new URLSearchParams();
  if (options.view === 'calendar') params.set('view', 'calendar');
  if (options.view === 'calendar' && options.month) params.set('month', options.month);
  const search = params.toString();
  return search ? `${base}?${search}` : base;
}

/** The create form of a community. */
export const newEventPath = (slug: string): string => `/c/${encodeURIComponent(slug)}/events/new`;

/** One event's page, or one of its sub-screens. */
export function eventPath(id: string, sub?: 'edit' | 'attendees' | 'checkin'): string {
  const base = `/events/${encodeURIComponent(id)}`;
  return sub ? `${base}/${sub}` : base;
}

export const myEventsPath = '/me/events';
