// Small shared pieces of an event: its state badge, my RSVP badge, the counts line and the capacity bar.
import type { CommunityEvent, Rsvp } from '../../../server/contracts/api';
import { useEvI18n } from './i18n/useEvI18n';

/** "Cancelled" or "Ended"; nothing while scheduled. */
export function EventStateBadge({ event }: { event: CommunityEvent }) {
  const { t } = useEvI18n();
  if (event.status === 'scheduled') return null;
  return (
    <span className={`badge ev-badge ev-badge--${event.status}`} data-testid="event-state">
      {event.status === 'cancelled' ? t('ev.status.cancelled') : t('ev.status.ended')}
    </span>
  );
}

export interface MyRsvpBadgeProps {
  rsvp: Rsvp | null;
  showNotGoing?: boolean;
  /** A cancelled event's answer is history: "You were going" in grey, never a green "You are going". */
  eventStatus?: CommunityEvent['status'];
}

/** My answer as a badge: going, "Waitlist #2", interested; nothing when I have not answered or said no. */
export function MyRsvpBadge({ rsvp, showNotGoing = false, eventStatus }: MyRsvpBadgeProps) {
  const { t } = useEvI18n();
  if (!rsvp || (rsvp.status === 'not_going' && !showNotGoing)) return null;
  if (eventStatus === 'cancelled') {
    if (rsvp.status === 'not_going') return null;
    const was = rsvp.status === 'going' ? t('ev.my.wasGoing') : rsvp.status === 'waitlisted' ? t('ev.my.wasWaitlisted') : t('ev.my.wasInterested');
    return (
      <span className="badge ev-badge ev-badge--ended" data-testid="my-rsvp" data-status={rsvp.status} data-cancelled="true">
        {was}
      </span>
    );
  }
  const text =
    rsvp.status === 'waitlisted'
      ? t('ev.my.waitlisted', { position: rsvp.position ?? '?' })
      : rsvp.status === 'going'
        ? rsvp.checkedInAt
          ? t('ev.my.checkedIn')
          : t('ev.my.going')
        : rsvp.status === 'interested'
          ? t('ev.my.interested')
          : t('ev.my.not_going');
  return (
    <span className={`badge ev-badge ev-badge--${rsvp.status}`} data-testid="my-rsvp" data-status={rsvp.status} data-position={rsvp.position ?? undefined}>
      {text}
    </span>
  );
}

/** "12 going · 3 on waitlist · 4 interested" (zero waitlist and interest left out); nothing once cancelled. */
export function EventCountsLine({ event }: { event: CommunityEvent }) {
  const { tn } = useEvI18n();
  if (event.status === 'cancelled') return null;
  const parts = [tn('ev.going', event.counts.going)];
  if (event.counts.waitlisted > 0) parts.push(tn('ev.waitlisted', event.counts.waitlisted));
  if (event.counts.interested > 0) parts.push(tn('ev.interested', event.counts.interested));
  return (
    <p className="ev-counts" data-testid="event-counts">
      {parts.join(' · ')}
    </p>
  );
}

/**
 * How full the event is and who answered, on one line under a bar: "8 of 10 places taken · 2 places left · 3 on
 * waitlist · 4 interested"; without a limit "12 going · 4 interested · No limit on places".
 */
export function CapacityBar({ event }: { event: CommunityEvent }) {
  const { t, tn, formatNumber } = useEvI18n();
  const extras = [
    event.counts.waitlisted > 0 ? tn('ev.waitlisted', event.counts.waitlisted) : null,
    event.counts.interested > 0 ? tn('ev.interested', event.counts.interested) : null,
  ].filter((part): part is string => part !== null);
  if (event.capacity === null) {
    return (
      <p className="ev-capacity__text" data-testid="event-counts">
        {[tn('ev.going', event.counts.going), ...extras, t('ev.capacityUnlimited')].join(' · ')}
      </p>
    );
  }
  const taken = Math.min(event.counts.going, event.capacity);
  const left = Math.max(0, event.capacity - event.counts.going);
  return (
    <div className="ev-capacity" data-testid="capacity">
      <div
        className="ev-capacity__bar"
        role="meter"
        aria-valuemin={0}
        aria-valuemax={event.capacity}
        aria-valuenow={taken}
        aria-label={t('ev.capacity', { going: formatNumber(event.counts.going), capacity: formatNumber(event.capacity) })}
      >
        <span className="ev-capacity__fill" style={{ width: `${event.capacity ? (100 * taken) / event.capacity : 0}%` }} />
      </div>
      <p className="ev-capacity__text">
        {t('ev.capacity', { going: formatNumber(event.counts.going), capacity: formatNumber(event.capacity) })} ·{' '}
        <strong>{left === 0 ? t('ev.full') : tn('ev.placesLeft', left)}</strong>
        {extras.length > 0 && ` · ${extras.join(' · ')}`}
      </p>
    </div>
  );
}
