// The days of a calendar period with what is planned on each, in the community's zone: scheduled posts (opened to
// move or cancel them) and events (linked to their page). A month shows only the days that have something.
import { useState } from 'react';
import type { CommunityEvent, Post } from '../../../server/contracts/api';
import { Link } from '../router/Link';
import type { CalendarPage } from './api';
import { useCalI18n } from './i18n/useCalI18n';
import { ScheduledPostPanel } from './ScheduledPostPanel';
import { dayOf, excerpt, formatDay, formatTime } from './scheduleTime';

type Entry = { kind: 'post'; at: string; post: Post } | { kind: 'event'; at: string; event: CommunityEvent };

/** The period's entries by local day, each day's in time order. */
export function entriesByDay(page: CalendarPage, zone: string): Map<string, Entry[]> {
  const entries: Entry[] = [
    ...page.scheduledPosts.filter((post) => post.publishAt).map((post): Entry => ({ kind: 'post', at: post.publishAt ?? '', post })),
    ...page.events.map((event): Entry => ({ kind: 'event', at: event.startsAt, event })),
  ].sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  const byDay = new Map<string, Entry[]>();
  for (const entry of entries) {
    const day = dayOf(entry.at, zone);
    byDay.set(day, [...(byDay.get(day) ?? []), entry]);
  }
  return byDay;
}

export interface CalendarDaysProps {
  days: string[];
  page: CalendarPage;
  zone: string;
  /** Month view: leave out days with nothing planned. */
  compact: boolean;
  onChanged: (message: string) => void;
}

/** The agenda of the period. */
export function CalendarDays({ days, page, zone, compact, onChanged }: CalendarDaysProps) {
  const { t, locale } = useCalI18n();
  const [open, setOpen] = useState<string | null>(null);
  const byDay = entriesByDay(page, zone);
  const shown = compact ? days.filter((day) => byDay.has(day)) : days;
  if (shown.length === 0) return <p className="cal-empty">{t('cal.empty')}</p>;
  return (
    <ol className="cal-days">
      {shown.map((day) => (
        <li key={day} className="cal-day" data-day={day}>
          <h3 className="cal-day__title">{formatDay(day, locale)}</h3>
          {(byDay.get(day) ?? []).length === 0 && <p className="cal-day__none">{t('cal.nothingThisDay')}</p>}
          <ul className="cal-entries">
            {(byDay.get(day) ?? []).map((entry) =>
              entry.kind === 'event' ? (
                <li key={`e-${entry.event.id}`} className="cal-entry cal-entry--event">
                  <span className="cal-entry__time">{formatTime(entry.at, zone, locale)}</span>
                  <span className="badge">{t('cal.event')}</span>{' '}
                  <Link to={`/events/${encodeURIComponent(entry.event.id)}`}>{entry.event.title}</Link>
                </li>
              ) : (
                <li key={`p-${entry.post.id}`} className="cal-entry cal-entry--post" data-testid="calendar-post" data-post-id={entry.post.id}>
                  <span className="cal-entry__time">{formatTime(entry.at, zone, locale)}</span>
                  <span className="cal-entry__text">{excerpt(entry.post)}</span>
                  <span className="cal-entry__by">{t('cal.by', { name: entry.post.author.displayName })}</span>
                  <button type="button" className="button button--ghost" aria-expanded={open === entry.post.id} onClick={() => setOpen(open === entry.post.id ? null : entry.post.id)}>
                    {open === entry.post.id ? t('cal.close') : t('cal.open')}
                  </button>
                  {open === entry.post.id && (
                    <ScheduledPostPanel
                      post={entry.post}
                      zone={zone}
                      onDone={(message) => {
                        setOpen(null);
                        onChanged(message);
                      }}
                    />
                  )}
                </li>
              ),
            )}
          </ul>
        </li>
      ))}
    </ol>
  );
}
