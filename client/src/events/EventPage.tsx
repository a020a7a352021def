// /events/:id: what, when (in the event's zone and, if it differs, mine), where, how full; my RSVP live; my QR code
// when going; .ics and the calendar feed; links to attendees and check-in for moderators; edit and cancel for managers.
import type { Community, CommunityEvent } from '../../../server/contracts/api';
import { Link } from '../router/Link';
import { CalendarFeedPanel } from './CalendarFeedPanel';
import { CancelEventButton } from './CancelEventButton';
import { CheckInCode } from './CheckInCode';
import { eventIcsUrl } from './api';
import { CapacityBar, EventCountsLine, EventStateBadge } from './EventBadges';
import { formatEventTime, formatRange } from './eventTime';
import { useEvI18n } from './i18n/useEvI18n';
import { reminderText } from './reminderText';
import { RsvpPanel } from './RsvpPanel';
import { canManageEvents, canSeeAttendees } from './roles';
import { eventPath, eventsPath } from './routes';
import { useLiveEvent } from './useLiveEvent';
import { viewerZone, zonesDiffer } from './zones';

/** The event screen. */
export function EventPage({ initial, community }: { initial: CommunityEvent; community: Community }) {
  const { t, locale } = useEvI18n();
  const live = useLiveEvent({ initial, role: community.myRole });
  const { event } = live;
  const mine = viewerZone();
  const role = community.myRole;
  const reminders = event.reminders;

  return (
    <article className="ev-page" data-testid="event-page" data-event-id={event.id} data-status={event.status} data-realtime={live.room}>
      <section className="card">
        <Link to={eventsPath(event.communitySlug)} className="community-header__back">
          {t('ev.backToEvents')}
        </Link>
        <h1 className="ev-page__title" data-testid="event-title">
          {event.title} <EventStateBadge event={event} />
        </h1>
        <dl className="ev-facts">
          <dt>{t('ev.when')}</dt>
          <dd>
            <span data-testid="event-time">{formatEventTime(event, locale)}</span>
            {zonesDiffer(event.timezone, mine, event.startsAt) && (
              <span className="ev-facts__mine">
                {t('ev.yourTime', { time: formatRange({ startsAt: event.startsAt, endsAt: event.endsAt, zone: mine, locale }) })}
              </span>
            )}
          </dd>
          {(event.location || event.onlineUrl) && <dt>{t('ev.where')}</dt>}
          {event.location && <dd className="ev-facts__text">{event.location}</dd>}
          {event.onlineUrl && (
            <dd>
              <a href={event.onlineUrl} target="_blank" rel="noopener noreferrer nofollow" className="ev-facts__link">
                {t('ev.joinOnline')}
              </a>
            </dd>
          )}
        </dl>
        <CapacityBar event={event} />
        <EventCountsLine event={event} />
        <p className="ev-page__meta">{t('ev.organiser', { name: event.createdBy.displayName })}</p>
        <div className="mod-actions">
          <a className="button button--secondary" href={eventIcsUrl(event.id)} download data-testid="event-ics">
            {t('ev.ics')}
          </a>
          {canSeeAttendees(role) && (
            <>
              <Link to={eventPath(event.id, 'attendees')} className="button button--secondary" data-testid="attendees-link">
                {t('ev.manage.attendees')}
              </Link>
              <Link to={eventPath(event.id, 'checkin')} className="button button--secondary" data-testid="checkin-link">
                {t('ev.manage.checkin')}
              </Link>
            </>
          )}
          {canManageEvents(role) && event.status === 'scheduled' && (
            <>
              <Link to={eventPath(event.id, 'edit')} className="button button--secondary" data-testid="edit-event">
                {t('ev.manage.edit')}
              </Link>
              <CancelEventButton event={event} onCancelled={live.accept} />
            </>
          )}
        </div>
      </section>
      <RsvpPanel event={event} member={role !== null} onAnswered={live.accept} />
      {event.myRsvp?.status === 'going' && event.myRsvp.code && event.status === 'scheduled' && <CheckInCode code={event.myRsvp.code} />}
      {event.description && (
        <section className="card" aria-labelledby="ev-about">
          <h2 id="ev-about">{t('ev.about')}</h2>
          <p className="ev-page__description">{event.description}</p>
        </section>
      )}
      {reminders.length > 0 && event.status === 'scheduled' && (
        <p className="ev-page__meta">
          {t('ev.reminders')}: {reminders.map((minutes) => reminderText(minutes, t)).join(', ')}
        </p>
      )}
      <CalendarFeedPanel />
    </article>
  );
}
