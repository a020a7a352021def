// /events/:id: what, when (in the event's zone and, if it differs, mine; the reminders), where, how full; my RSVP live;
// my QR code when going; .ics and the calendar feed; then, apart from what members do, the organisers' row: edit,
// attendees, check-in, and cancel last in the danger colour. A cancelled event keeps only what happened.
import { useEffect, useState } from 'react';
import type { Community, CommunityEvent, Role } from '../../../server/contracts/api';
import { Link } from '../router/Link';
import { CalendarFeedPanel } from './CalendarFeedPanel';
import { CancelEventButton } from './CancelEventButton';
import { CheckInCode } from './CheckInCode';
import { eventIcsUrl } from './api';
import { CapacityBar, EventStateBadge } from './EventBadges';
import { formatEventTime, formatRange } from './eventTime';
import { clearSavedNotice, savedNoticeFor } from './flash';
import { useEvI18n } from './i18n/useEvI18n';
import { reminderText } from './reminderText';
import { RsvpPanel } from './RsvpPanel';
import { canManageEvents, canSeeAttendees } from './roles';
import { eventPath, eventsPath } from './routes';
import { useLiveEvent } from './useLiveEvent';
import { viewerZone, zonesDiffer } from './zones';

/** The event screen. */
export function EventPage({ initial, community }: { initial: CommunityEvent; community: Community }) {
  const { t, tn, locale } = useEvI18n();
  const live = useLiveEvent({ initial, role: community.myRole });
  const { event } = live;
  const mine = viewerZone();
  const role = community.myRole;
  const reminders = event.reminders;
  const cancelled = event.status === 'cancelled';
  const [saved] = useState(() => savedNoticeFor(initial.id));
  useEffect(() => clearSavedNotice(initial.id), [initial.id]);

  return (
    <article className="ev-page" data-testid="event-page" data-event-id={event.id} data-status={event.status} data-realtime={live.room}>
      <section className="card">
        <Link to={eventsPath(event.communitySlug)} className="community-header__back">
          {t('ev.backToEvents')}
        </Link>
        <h1 className="ev-page__title" data-testid="event-title">
          {event.title} <EventStateBadge event={event} />
        </h1>
        {saved && (
          <p className="notice ev-notice--good" role="status" data-testid="event-saved">
            {t(`ev.saved.${saved}`)}
          </p>
        )}
        <dl className="ev-facts">
          <dt>{t('ev.when')}</dt>
          <dd>
            <span data-testid="event-time">{formatEventTime(event, locale)}</span>
            {zonesDiffer(event.timezone, mine, event.startsAt) && (
              <span className="ev-facts__mine">
                {t('ev.yourTime', { time: formatRange({ startsAt: event.startsAt, endsAt: event.endsAt, zone: mine, locale }) })}
              </span>
            )}
            {reminders.length > 0 && event.status === 'scheduled' && (
              <span className="ev-facts__mine" data-testid="event-reminders">
                {t('ev.reminders')}: {reminders.map((minutes) => reminderText(minutes, tn)).join(', ')}
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
        {!cancelled && <CapacityBar event={event} />}
        <p className="ev-page__meta">{t('ev.organiser', { name: event.createdBy.displayName })}</p>
        {!cancelled && (
          <div className="mod-actions">
            <a className="button button--secondary" href={eventIcsUrl(event.id)} download data-testid="event-ics">
              {t('ev.ics')}
            </a>
          </div>
        )}
      </section>
      {canSeeAttendees(role) && <ManageActions event={event} role={role} onCancelled={live.accept} />}
      <RsvpPanel event={event} member={role !== null} onAnswered={live.accept} />
      {event.myRsvp?.status === 'going' && event.myRsvp.code && event.status === 'scheduled' && <CheckInCode eventId={event.id} code={event.myRsvp.code} />}
      {event.description && (
        <section className="card" aria-labelledby="ev-about">
          <h2 id="ev-about">{t('ev.about')}</h2>
          <p className="ev-page__description">{event.description}</p>
        </section>
      )}
      <CalendarFeedPanel />
    </article>
  );
}

/** The organisers' row, apart from members' actions: Edit, Attendees, Check-in, and Cancel last as the danger. */
function ManageActions({ event, role, onCancelled }: { event: CommunityEvent; role: Role | null; onCancelled: (event: CommunityEvent) => void }) {
  const { t } = useEvI18n();
  const editable = canManageEvents(role) && event.status === 'scheduled';
  return (
    <section className="card ev-manage" aria-labelledby="ev-manage-title" data-testid="event-manage">
      <h2 id="ev-manage-title" className="ev-manage__title">
        {t('ev.manage.label')}
      </h2>
      <div className="ev-manage__actions">
        {editable && (
          <Link to={eventPath(event.id, 'edit')} className="button button--secondary" data-testid="edit-event">
            {t('ev.manage.edit')}
          </Link>
        )}
        <Link to={eventPath(event.id, 'attendees')} className="button button--secondary" data-testid="attendees-link">
          {t('ev.manage.attendees')}
        </Link>
        <Link to={eventPath(event.id, 'checkin')} className="button button--secondary" data-testid="checkin-link">
          {t('ev.manage.checkin')}
        </Link>
        {editable && (
          <span className="ev-manage__danger">
            <CancelEventButton event={event} onCancelled={onCancelled} />
          </span>
        )}
      </div>
    </section>
  );
}
