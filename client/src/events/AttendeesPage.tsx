// /events/:id/attendees (moderators): going first, then the waitlist in order, then interested, as the server sorts
// them; a search box; check-in toggles (disabled outside the check-in window, which is said up front); "N of M
// attendees checked in" kept live by the community's event broadcasts.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Attendee, Community, CommunityEvent } from '../../../server/contracts/api';
import { EmptyState, ErrorNotice, Loading } from '../components/Notice';
import { Link } from '../router/Link';
import { checkIn, listAttendees, undoCheckIn } from './api';
import { useCheckInWindow } from './checkInWindow';
import { CheckInWindowNotice } from './CheckInWindowNotice';
import { EventStateBadge } from './EventBadges';
import { useEvI18n } from './i18n/useEvI18n';
import { canSeeAttendees } from './roles';
import { eventPath } from './routes';
import { useLiveEvent } from './useLiveEvent';

type ListState = { status: 'loading' } | { status: 'error'; error: unknown } | { status: 'ready'; items: Attendee[] };

/** The attendee list. */
export function AttendeesPage({ initial, community }: { initial: CommunityEvent; community: Community }) {
  const { t } = useEvI18n();
  if (!canSeeAttendees(community.myRole)) {
    return (
      <EmptyState title={t('ev.att.forbidden')}>
        <Link to={eventPath(initial.id)}>{t('ev.form.discard')}</Link>
      </EmptyState>
    );
  }
  return <AttendeeList initial={initial} community={community} />;
}

function AttendeeList({ initial, community }: { initial: CommunityEvent; community: Community }) {
  const { t, formatNumber } = useEvI18n();
  const live = useLiveEvent({ initial, role: community.myRole });
  const { event } = live;
  const [query, setQuery] = useState('');
  const [list, setList] = useState<ListState>({ status: 'loading' });
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const generation = useRef(0);
  const checkInWindow = useCheckInWindow(event);

  const load = useCallback(() => {
    generation.current += 1;
    const mine = generation.current;
    listAttendees(event.id, { q: query.trim() || undefined }).then(
      (items) => {
        if (mine === generation.current) setList({ status: 'ready', items });
      },
      (failure: unknown) => {
        if (mine === generation.current) setList({ status: 'error', error: failure });
      },
    );
  }, [event.id, query]);

  // Reload on search (debounced a little) and whenever the event's counts move: someone answered or was checked in.
  const { going, waitlisted, interested, checkedIn } = event.counts;
  useEffect(() => {
    const timer = window.setTimeout(load, 200);
    return () => window.clearTimeout(timer);
  }, [load, going, waitlisted, interested, checkedIn]);

  const toggle = (attendee: Attendee): void => {
    setBusy(attendee.user.id);
    setError(null);
    const request = attendee.checkedInAt ? undoCheckIn(event.id, attendee.user.id) : checkIn(event.id, { userId: attendee.user.id });
    request
      .then((result) => {
        live.accept({ ...result.event, myRsvp: event.myRsvp });
        setList((was) =>
          was.status === 'ready'
            ? { status: 'ready', items: was.items.map((a) => (a.user.id === result.attendee.user.id ? result.attendee : a)) }
            : was,
        );
      }, setError)
      .finally(() => setBusy(null));
  };

  return (
    <div className="ev-screen" data-testid="attendees-page" data-realtime={live.room}>
      <section className="card">
        <Link to={eventPath(event.id)} className="community-header__back">
          ← {event.title}
        </Link>
        <h1>
          {t('ev.att.title')} <EventStateBadge event={event} />
        </h1>
        <p className="ev-summary" data-testid="checkin-summary">
          {t('ev.att.summary', { checkedIn: formatNumber(checkedIn), going: formatNumber(going) })}
        </p>
        <CheckInWindowNotice event={event} window={checkInWindow} />
        <Link to={eventPath(event.id, 'checkin')} className="button button--secondary">
          {t('ev.ci.toCheckin')}
        </Link>
        <div className="field ev-search">
          <label className="field__label" htmlFor="ev-att-search">
            {t('ev.att.search')}
          </label>
          <input id="ev-att-search" type="search" className="field__input" value={query} onChange={(e) => setQuery(e.target.value)} data-testid="attendee-search" />
        </div>
      </section>
      {error !== null && <ErrorNotice error={error} />}
      {list.status === 'loading' && <Loading />}
      {list.status === 'error' && <ErrorNotice error={list.error} onRetry={load} />}
      {list.status === 'ready' && list.items.length === 0 && <EmptyState title={query.trim() ? t('ev.att.noMatch') : t('ev.att.empty')} />}
      {list.status === 'ready' && list.items.length > 0 && (
        <ul className="ev-attendees" data-testid="attendee-list">
          {list.items.map((attendee) => (
            <AttendeeRow key={attendee.user.id} attendee={attendee} busy={busy === attendee.user.id} canCheckIn={event.status !== 'cancelled'} windowOpen={checkInWindow.phase === 'open'} onToggle={() => toggle(attendee)} />
          ))}
        </ul>
      )}
    </div>
  );
}

interface AttendeeRowProps {
  attendee: Attendee;
  busy: boolean;
  canCheckIn: boolean;
  /** Outside the check-in window the toggle stays visible (it shows who arrived) but cannot be changed. */
  windowOpen: boolean;
  onToggle: () => void;
}

function AttendeeRow({ attendee, busy, canCheckIn, windowOpen, onToggle }: AttendeeRowProps) {
  const { t, formatDateTime } = useEvI18n();
  const status =
    attendee.status === 'waitlisted' ? t('ev.att.status.waitlisted', { position: attendee.position ?? '?' }) : t(`ev.att.status.${attendee.status}`);
  return (
    <li className="ev-attendee" data-testid="attendee" data-user-id={attendee.user.id} data-status={attendee.status}>
      <div className="ev-attendee__who">
        <strong>{attendee.user.displayName}</strong> <span className="post__handle">@{attendee.user.handle}</span>
        <div>
          <span className={`badge ev-badge ev-badge--${attendee.status}`}>{status}</span>
          {attendee.checkedInAt && <span className="ev-attendee__arrived"> {t('ev.att.checkedInAt', { time: formatDateTime(attendee.checkedInAt) })}</span>}
        </div>
      </div>
      {attendee.status === 'going' && canCheckIn && (
        <label className="ev-toggle">
          <input type="checkbox" checked={attendee.checkedInAt !== null} disabled={busy || !windowOpen} onChange={onToggle} data-testid="checkin-toggle" />
          <span>{attendee.checkedInAt ? t('ev.att.checkedIn') : t('ev.att.checkIn')}</span>
        </label>
      )}
    </li>
  );
}
