// An event in a list: a date tile in the event's zone, title, time with the zone's name, place, counts, my status.
import type { CommunityEvent } from '../../../server/contracts/api';
import { Link } from '../router/Link';
import { dateTile, formatEventTime } from './eventTime';
import { EventCountsLine, EventStateBadge, MyRsvpBadge } from './EventBadges';
import { useEvI18n } from './i18n/useEvI18n';
import { eventPath } from './routes';

/** One event card; `showCommunity` for lists that mix communities (My events). */
export function EventCard({ event, showCommunity = false }: { event: CommunityEvent; showCommunity?: boolean }) {
  const { t, locale } = useEvI18n();
  const tile = dateTile(event.startsAt, event.timezone, locale);
  const full = event.status === 'scheduled' && event.capacity !== null && event.counts.going >= event.capacity;
  const place = [event.location, event.onlineUrl ? t('ev.online') : null].filter(Boolean).join(' · ');
  return (
    <li className={`card ev-card${event.status === 'scheduled' ? '' : ' ev-card--closed'}`} data-testid="event-card" data-event-id={event.id}>
      <div className="ev-tile" aria-hidden="true">
        <span className="ev-tile__month">{tile.month}</span>
        <span className="ev-tile__day">{tile.day}</span>
        <span className="ev-tile__weekday">{tile.weekday}</span>
      </div>
      <div className="ev-card__text">
        <h3 className="ev-card__title">
          <Link to={eventPath(event.id)}>{event.title}</Link> <EventStateBadge event={event} />
        </h3>
        <p className="ev-card__time">{formatEventTime(event, locale)}</p>
        {showCommunity && <p className="ev-card__place">{event.communitySlug}</p>}
        {place && <p className="ev-card__place">{place}</p>}
        <div className="ev-card__footer">
          <EventCountsLine event={event} />
          {full && <span className="badge ev-badge ev-badge--waitlisted">{t('ev.full')}</span>}
          <MyRsvpBadge rsvp={event.myRsvp} eventStatus={event.status} />
        </div>
      </div>
    </li>
  );
}
