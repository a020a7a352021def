// /events/:id/checkin (moderators): type the code under a member's QR code; shows who was checked in, the last few
// arrivals, and "N of M attendees checked in". Camera scanning is left to the phone's own camera app: the QR code is
// a link to this screen with ?code=..., which prefills the field (never submits by itself: the moderator confirms).
// Outside the check-in window the field is disabled and the screen says when it opens or when it closed.
import { useState, type FormEvent } from 'react';
import type { Attendee, Community, CommunityEvent } from '../../../server/contracts/api';
import { EmptyState, ErrorNotice } from '../components/Notice';
import { Link } from '../router/Link';
import { checkIn } from './api';
import { codeFromSearch } from './checkInLink';
import { useCheckInWindow } from './checkInWindow';
import { CheckInWindowNotice } from './CheckInWindowNotice';
import { EventStateBadge } from './EventBadges';
import { useEvI18n } from './i18n/useEvI18n';
import { canSeeAttendees } from './roles';
import { eventPath } from './routes';
import { useLiveEvent } from './useLiveEvent';

/** The check-in screen. */
export function CheckInPage({ initial, community }: { initial: CommunityEvent; community: Community }) {
  const { t } = useEvI18n();
  if (!canSeeAttendees(community.myRole)) {
    return (
      <EmptyState title={t('ev.att.forbidden')}>
        <Link to={eventPath(initial.id)}>{t('ev.form.discard')}</Link>
      </EmptyState>
    );
  }
  return <CheckInDesk initial={initial} community={community} />;
}

function CheckInDesk({ initial, community }: { initial: CommunityEvent; community: Community }) {
  const { t, formatNumber } = useEvI18n();
  const live = useLiveEvent({ initial, role: community.myRole });
  const { event } = live;
  const [prefilled] = useState(() => codeFromSearch(window.location.search));
  const [code, setCode] = useState(prefilled);
  const checkInWindow = useCheckInWindow(event);
  const closed = checkInWindow.phase !== 'open';
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [recent, setRecent] = useState<Attendee[]>([]);
  const last = recent[0];

  const submit = (formEvent: FormEvent): void => {
    formEvent.preventDefault();
    const typed = code.trim();
    if (!typed || closed) return;
    setBusy(true);
    setError(null);
    checkIn(event.id, { code: typed })
      .then((result) => {
        live.accept({ ...result.event, myRsvp: event.myRsvp });
        setRecent((was) => [result.attendee, ...was.filter((a) => a.user.id !== result.attendee.user.id)].slice(0, 10));
        setCode('');
      }, setError)
      .finally(() => setBusy(false));
  };

  return (
    <div className="ev-screen" data-testid="checkin-page" data-realtime={live.room}>
      <form className="card" onSubmit={submit}>
        <Link to={eventPath(event.id)} className="community-header__back">
          ← {event.title}
        </Link>
        <h1>
          {t('ev.ci.title')} <EventStateBadge event={event} />
        </h1>
        <p className="ev-summary" data-testid="checkin-summary">
          {t('ev.att.summary', { checkedIn: formatNumber(event.counts.checkedIn), going: formatNumber(event.counts.going) })}
        </p>
        <CheckInWindowNotice event={event} window={checkInWindow} />
        <div className="field">
          <label className="field__label" htmlFor="ev-ci-code">
            {t('ev.ci.code')}
          </label>
          <div className="ev-feed__row">
            <input
              id="ev-ci-code"
              className="field__input ev-ci__code"
              value={code}
              onChange={(e) => setCode(e.target.value)}
              disabled={closed}
              autoComplete="off"
              autoCapitalize="characters"
              spellCheck={false}
              aria-describedby="ev-ci-hint"
              data-testid="checkin-input"
            />
            <button type="submit" className="button ev-ci__submit" disabled={busy || closed || !code.trim()} data-testid="checkin-submit">
              {t('ev.ci.submit')}
            </button>
          </div>
          <p className="field__hint" id="ev-ci-hint">
            {t('ev.ci.codeHint')}
          </p>
          {prefilled && code === prefilled && !last && <p className="field__hint" data-testid="checkin-prefilled">{t('ev.ci.prefilled')}</p>}
        </div>
        <p role="status" aria-live="polite" className={last ? 'notice ev-notice--good' : 'visually-hidden'} data-testid="checkin-result">
          {last ? t('ev.ci.done', { name: last.user.displayName, handle: last.user.handle }) : ''}
        </p>
        {error !== null && <ErrorNotice error={error} />}
        <Link to={eventPath(event.id, 'attendees')}>{t('ev.ci.toList')}</Link>
      </form>
      {recent.length > 0 && (
        <section className="card" aria-labelledby="ev-ci-recent">
          <h2 id="ev-ci-recent">{t('ev.ci.recent')}</h2>
          <ul className="ev-attendees">
            {recent.map((attendee) => (
              <li key={attendee.user.id} className="ev-attendee">
                <strong>{attendee.user.displayName}</strong> <span className="post__handle">@{attendee.user.handle}</span>
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
