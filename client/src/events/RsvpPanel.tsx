// Going / Interested / Not going with my current answer pressed, my status ("Waitlist #2") announced politely when
// it changes (a promotion arrives live), and closed states that say why. On the waitlist the Going button reads
// "On the waitlist (#1)" in the waitlist colour: she asked for a seat but has none yet. A cancelled event shows no
// buttons at all, only what happened and what her answer was.
import { useEffect, useRef, useState } from 'react';
import type { CommunityEvent, RsvpAnswer } from '../../../server/contracts/api';
import { ErrorNotice } from '../components/Notice';
import { rsvp } from './api';
import { MyRsvpBadge } from './EventBadges';
import { useEvI18n } from './i18n/useEvI18n';

const ANSWERS: readonly RsvpAnswer[] = ['going', 'interested', 'not_going'];

export interface RsvpPanelProps {
  event: CommunityEvent;
  /** Whether I may answer at all (members; the server still refuses sanctioned ones). */
  member: boolean;
  onAnswered: (event: CommunityEvent) => void;
}

/** The RSVP buttons and my status. */
export function RsvpPanel({ event, member, onAnswered }: RsvpPanelProps) {
  const { t } = useEvI18n();
  const [sending, setSending] = useState<RsvpAnswer | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [announcement, setAnnouncement] = useState('');
  const mine = event.myRsvp;
  const previous = useRef(mine?.status ?? null);

  useEffect(() => {
    const now = mine?.status ?? null;
    if (previous.current === 'waitlisted' && now === 'going') setAnnouncement(t('ev.rsvp.promoted'));
    previous.current = now;
  }, [mine?.status, t]);

  if (event.status === 'cancelled') return <CancelledPanel event={event} />;

  const closed = event.status !== 'scheduled';
  const full = event.capacity !== null && event.counts.going >= event.capacity;
  const pressed = (answer: RsvpAnswer): boolean =>
    answer === 'going' ? mine?.status === 'going' || mine?.status === 'waitlisted' : mine?.status === answer;

  const answer = (status: RsvpAnswer): void => {
    setSending(status);
    setError(null);
    setAnnouncement('');
    rsvp(event.id, status)
      .then((result) => onAnswered({ ...result.event, myRsvp: result.rsvp }), setError)
      .finally(() => setSending(null));
  };

  return (
    <section className="card ev-rsvp" aria-labelledby="ev-rsvp-title" data-testid="rsvp-panel" data-my-status={mine?.status ?? 'none'}>
      <div className="ev-rsvp__head">
        <h2 id="ev-rsvp-title">{t('ev.rsvp.label')}</h2>
        <MyRsvpBadge rsvp={mine} showNotGoing />
      </div>
      {event.status === 'ended' && <p className="notice ev-notice--ended">{t('ev.endedNotice')}</p>}
      <div className="ev-rsvp__buttons" role="group" aria-labelledby="ev-rsvp-title">
        {ANSWERS.map((status) => (
          <button
            key={status}
            type="button"
            className={`button ${pressed(status) ? '' : 'button--secondary'} ev-rsvp__button${status === 'going' && mine?.status === 'waitlisted' ? ' ev-rsvp__button--waitlisted' : ''}`}
            aria-pressed={pressed(status)}
            disabled={closed || !member || sending !== null}
            onClick={() => answer(status)}
            data-testid={`rsvp-${status}`}
          >
            {sending === status
              ? t('ev.rsvp.sending')
              : status === 'going' && mine?.status === 'waitlisted'
                ? t('ev.rsvp.onWaitlist', { position: mine.position ?? '?' })
                : status === 'going' && full && !pressed('going')
                  ? t('ev.rsvp.joinWaitlist')
                  : t(`ev.rsvp.${status}`)}
          </button>
        ))}
      </div>
      {mine?.status === 'waitlisted' && mine.position !== null && !closed && (
        <p className="ev-rsvp__hint">{t('ev.rsvp.waitlistHint', { position: mine.position })}</p>
      )}
      <p className="visually-hidden" role="status" aria-live="polite" data-testid="rsvp-announcer">
        {announcement}
      </p>
      {announcement && <p className="notice ev-notice--good">{announcement}</p>}
      {error !== null && <ErrorNotice error={error} />}
    </section>
  );
}

/** A cancelled event's answer box: "This event has been cancelled — you were going." and nothing to press. */
function CancelledPanel({ event }: { event: CommunityEvent }) {
  const { t } = useEvI18n();
  const was = event.myRsvp?.status;
  const text =
    was === 'going'
      ? t('ev.cancelled.wasGoing')
      : was === 'waitlisted'
        ? t('ev.cancelled.wasWaitlisted')
        : was === 'interested'
          ? t('ev.cancelled.wasInterested')
          : t('ev.cancelledNotice');
  return (
    <section className="card ev-rsvp" data-testid="rsvp-panel" data-my-status={was ?? 'none'}>
      <p className="notice notice--error ev-rsvp__cancelled" data-testid="cancelled-notice">
        {text}
      </p>
    </section>
  );
}
