// The content calendar's path: /c/:slug/calendar[?view=week|month&at=yyyy-MM-dd].
import type { CalendarView } from './scheduleTime';

export interface CalendarRoute {
  slug: string;
  view: CalendarView;
  at: string | null;
}

/** The calendar route of a location, or null when it is another screen. */
export function matchCalendarRoute(location: { pathname: string; search: string }): CalendarRoute | null {
  const match = /^\/c\/([^/]+)\/calendar\/?$/.exec(location.pathname);
  if (!match?.[1]) return null;
  let slug: string;
  try {
    slug = decodeURIComponent(match[1]);
  } catch {
    return null;
  }
  const params = new URLSearchParams(location.search);
  const at = params.get('at');
  return { slug, view: params.get('view') === 'month' ? 'month' : 'week', at: at && /^\d{4}-\d{2}-\d{2}$/.test(at) ? at : null };
}

/** A community's content calendar. */
export function calendarPath(slug: string, options: { view?: CalendarView; at?: string | null } = {}): string {
  const query = new URLSearchParams();
  if (options.view === 'month') query.set('view', 'month');
  if (options.at) query.set('at', options.at);
  const search = query.toString();
  return `/c/${encodeURIComponent(slug)}/calendar${search ? `?${search}` : ''}`;
}
