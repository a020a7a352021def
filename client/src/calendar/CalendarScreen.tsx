// The content calendar of a community, for its managers: a week or a month of scheduled posts and events in the
// community's zone, a form to schedule a post, and each scheduled post opened to move or cancel it. Live: a post
// that goes out (or is moved elsewhere) updates the view without a reload.
import { useCallback, useEffect, useState } from 'react';
import type { Community, Post } from '../../../server/contracts/api';
import { ErrorNotice, Loading } from '../components/Notice';
import { canManageEvents } from '../events/roles';
import { useCommunity } from '../events/useCommunity';
import { useCommunityRoom } from '../realtime/useCommunityRoom';
import { Link } from '../router/Link';
import { communityPath, navigate } from '../router/router';
import { getCalendar, type CalendarPage } from './api';
import { communityZone } from './communityZone';
import { CalendarDays } from './CalendarDays';
import { useCalI18n } from './i18n/useCalI18n';
import { NewScheduledPost } from './NewScheduledPost';
import { calendarPath, type CalendarRoute } from './routes';
import { dayOf, excerpt, periodDays, periodLabel, periodRange, shiftAnchor, today, type CalendarView } from './scheduleTime';
import { zoneLabel } from '../events/zones';
import './calendar.css';

/** The screen for /c/:slug/calendar. */
export function CalendarScreen({ route }: { route: CalendarRoute }) {
  const { t } = useCalI18n();
  const state = useCommunity(route.slug);
  if (state.status === 'loading') return <Loading />;
  if (state.status === 'error') return <ErrorNotice error={state.error} />;
  if (!canManageEvents(state.community.myRole)) {
    return (
      <section className="cal-screen">
        <p>{t('cal.managersOnly')}</p>
        <Link to={communityPath(route.slug)}>{t('cal.back')}</Link>
      </section>
    );
  }
  return <ContentCalendar community={state.community} route={route} />;
}

type Load = { status: 'loading' } | { status: 'error'; error: unknown } | { status: 'ready'; page: CalendarPage };

function ContentCalendar({ community, route }: { community: Community; route: CalendarRoute }) {
  const { t, locale } = useCalI18n();
  const zone = communityZone(community);
  const anchor = route.at ?? today(new Date(), zone);
  const days = periodDays(route.view, anchor);
  const { from, to } = periodRange(days, zone);
  const [load, setLoad] = useState<Load>({ status: 'loading' });
  const [message, setMessage] = useState('');

  const reload = useCallback(() => {
    getCalendar(community.slug, { from, to }).then(
      (page) => setLoad({ status: 'ready', page }),
      (error: unknown) => setLoad({ status: 'error', error }),
    );
  }, [community.slug, from, to]);
  useEffect(reload, [reload]);

  const onPublished = (post: Post): void => {
    if (post.publishAt) setMessage(t('cal.wentLive', { excerpt: excerpt(post) }));
    reload();
  };
  const room = useCommunityRoom({ slug: community.slug, role: community.myRole, handlers: { onPublished, onUpdated: reload, onRemoved: reload, onJoined: reload } });

  const go = (options: { view?: CalendarView; at?: string | null }): void =>
    navigate(calendarPath(community.slug, { view: options.view ?? route.view, at: options.at === undefined ? anchor : options.at }));

  return (
    <section className="cal-screen" data-testid="content-calendar" data-realtime={room}>
      <Link to={communityPath(community.slug)} className="cal-back">
        {t('cal.back')}
      </Link>
      <h1 className="cal-title">{t('cal.title', { community: community.name })}</h1>
      <p className="field__hint">{t('cal.zoneNote', { zone: zoneLabel(zone) })}</p>
      <p className="cal-live" role="status" aria-live="polite" data-testid="calendar-live">
        {message}
      </p>
      {room === 'reconnecting' && <p role="status">{t('cal.reconnecting')}</p>}
      <NewScheduledPost
        slug={community.slug}
        zone={zone}
        onScheduled={(post, when) => {
          setMessage(t('cal.scheduledFor', { time: when }));
          reload();
          // Show the week (or month) it goes out in.
          if (post.publishAt) go({ at: dayOf(post.publishAt, zone) });
        }}
      />
      <div className="cal-toolbar" role="group" aria-label={t('cal.viewLabel')}>
        <button type="button" className="button button--secondary" aria-pressed={route.view === 'week'} onClick={() => go({ view: 'week' })}>
          {t('cal.week')}
        </button>
        <button type="button" className="button button--secondary" aria-pressed={route.view === 'month'} onClick={() => go({ view: 'month' })}>
          {t('cal.month')}
        </button>
        <span className="cal-toolbar__nav">
          <button type="button" className="button button--ghost" onClick={() => go({ at: shiftAnchor(route.view, anchor, -1) })} aria-label={t('cal.previous')}>
            ‹
          </button>
          <button type="button" className="button button--ghost" onClick={() => go({ at: null })}>
            {t('cal.today')}
          </button>
          <button type="button" className="button button--ghost" onClick={() => go({ at: shiftAnchor(route.view, anchor, 1) })} aria-label={t('cal.next')}>
            ›
          </button>
        </span>
      </div>
      <h2 className="cal-period" data-testid="calendar-period">
        {periodLabel(route.view, days, locale)}
      </h2>
      {load.status === 'loading' && <Loading />}
      {load.status === 'error' && <ErrorNotice error={load.error} onRetry={reload} />}
      {load.status === 'ready' && (
        <CalendarDays days={days} page={load.page} zone={zone} compact={route.view === 'month'} onChanged={(text) => { setMessage(text); reload(); }} />
      )}
    </section>
  );
}

export default CalendarScreen;
