// A month grid (Monday first) with each event on its day in the event's own zone; days with events list them as
// links. On a phone the grid stays seven narrow columns and titles are cut with an ellipsis.
import type { CommunityEvent } from '../../../server/contracts/api';
import { Link } from '../router/Link';
import { eventDay, monthGrid, monthTitle, shiftMonth, weekdayNames } from './eventTime';
import { useEvI18n } from './i18n/useEvI18n';
import { eventPath, eventsPath } from './routes';

export interface MonthCalendarProps {
  slug: string;
  month: string;
  today: string;
  events: CommunityEvent[];
}

/** The calendar view of one month. */
export function MonthCalendar({ slug, month, today, events }: MonthCalendarProps) {
  const { locale } = useEvI18n();
  const byDay = new Map<string, CommunityEvent[]>();
  for (const event of events) {
    const day = eventDay(event);
    byDay.set(day, [...(byDay.get(day) ?? []), event]);
  }
  const weeks = monthGrid(month);
  return (
    <section className="card ev-calendar" data-testid="event-calendar" data-month={month}>
      <div className="ev-calendar__head">
        <Link to={eventsPath(slug, { view: 'calendar', month: shiftMonth(month, -1) })} className="button button--ghost" aria-label={monthTitle(shiftMonth(month, -1), locale)}>
          ‹
        </Link>
        <h2 className="ev-calendar__title">{monthTitle(month, locale)}</h2>
        <Link to={eventsPath(slug, { view: 'calendar', month: shiftMonth(month, 1) })} className="button button--ghost" aria-label={monthTitle(shiftMonth(month, 1), locale)}>
          ›
        </Link>
      </div>
      <table className="ev-calendar__grid">
        <thead>
          <tr>
            {weekdayNames(locale).map((name) => (
              <th key={name} scope="col">
                {name}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {weeks.map((week) => (
            <tr key={week[0]?.day}>
              {week.map((cell) => (
                <td
                  key={cell.day}
                  className={`ev-calendar__day${cell.inMonth ? '' : ' ev-calendar__day--out'}${cell.day === today ? ' ev-calendar__day--today' : ''}`}
                  data-day={cell.day}
                >
                  <span className="ev-calendar__num">{cell.dayOfMonth}</span>
                  {(byDay.get(cell.day) ?? []).map((event) => (
                    <Link
                      key={event.id}
                      to={eventPath(event.id)}
                      className={`ev-calendar__event${event.status === 'cancelled' ? ' ev-calendar__event--cancelled' : ''}`}
                      title={event.title}
                      data-testid="calendar-event"
                    >
                      {event.title}
                    </Link>
                  ))}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
