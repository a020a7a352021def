// /c/:slug/events: the community's upcoming events as cards or as a month calendar, live, with "New event" for
// managers and a way to My events.
import { useMemo } from 'react';
import type { Community } from '../../../server/contracts/api';
import { EmptyState, ErrorNotice, Loading } from '../components/Notice';
import { useI18n } from '../i18n/I18nProvider';
import { Link } from '../router/Link';
import { communityPath } from '../router/router';
import { EventCard } from './EventCard';
import { monthOf, monthRange } from './eventTime';
import { useEvI18n } from './i18n/useEvI18n';
import { MonthCalendar } from './MonthCalendar';
import { canManageEvents } from './roles';
import { eventsPath, myEventsPath, newEventPath } from './routes';
import { useEventList } from './useEventList';
import { viewerZone } from './zones';

export interface EventListPageProps {
  community: Community;
  view: 'list' | 'calendar';
  month: string | null;
}

/** The events screen of a community. */
export function EventListPage({ community, view, month }: EventListPageProps) {
  const { t } = useEvI18n();
  const app = useI18n();
  const slug = community.slug;
  const zone = viewerZone();
  const shownMonth = month ?? monthOf(new Date(), zone);
  const range = useMemo(() => (view === 'calendar' ? monthRange(shownMonth) : null), [view, shownMonth]);
  const list = useEventList({ slug, role: community.myRole, range });
  const { state } = list;

  return (
    <div className="ev-screen" data-testid="events-screen" data-realtime={list.room}>
      <section className="card community-header">
        <Link to={communityPath(slug)} className="community-header__back">
          {t('ev.back')}
        </Link>
        <h1>
          {t('ev.title')} · {community.name}
        </h1>
        <div className="ev-toolbar">
          <nav className="mod-tabs" aria-label={t('ev.viewLabel')}>
            <Link to={eventsPath(slug)} className={`mod-tab${view === 'list' ? ' mod-tab--active' : ''}`} aria-current={view === 'list' ? 'page' : undefined} data-testid="events-view-list">
              {t('ev.viewList')}
            </Link>
            <Link to={eventsPath(slug, { view: 'calendar', month })} className={`mod-tab${view === 'calendar' ? ' mod-tab--active' : ''}`} aria-current={view === 'calendar' ? 'page' : undefined} data-testid="events-view-calendar">
              {t('ev.viewCalendar')}
            </Link>
          </nav>
          <Link to={myEventsPath} className="button button--ghost" data-testid="my-events-link">
            {t('ev.myEvents')}
          </Link>
          {canManageEvents(community.myRole) && (
            <Link to={newEventPath(slug)} className="button" data-testid="new-event">
              {t('ev.new')}
            </Link>
          )}
        </div>
      </section>
      {list.room === 'reconnecting' && (
        <p className="feed__offline" role="status">
          {t('ev.reconnecting')}
        </p>
      )}
      {state.status === 'loading' && <Loading />}
      {state.status === 'error' && <ErrorNotice error={state.error} onRetry={list.reload} />}
      {state.status === 'ready' && view === 'calendar' && (
        <MonthCalendar slug={slug} month={shownMonth} today={monthOf(new Date(), zone) === shownMonth ? todayIn(zone) : ''} events={state.items} />
      )}
      {state.status === 'ready' && view === 'list' && (
        <section aria-labelledby="events-upcoming">
          <h2 id="events-upcoming" className="visually-hidden">
            {t('ev.upcoming')}
          </h2>
          {state.items.length === 0 ? (
            <EmptyState title={t('ev.empty')}>{canManageEvents(community.myRole) && <p>{t('ev.emptyManager')}</p>}</EmptyState>
          ) : (
            <ul className="ev-list" data-testid="event-list">
              {state.items.map((event) => (
                <EventCard key={event.id} event={event} />
              ))}
            </ul>
          )}
          {state.nextCursor && (
            <button type="button" className="button button--secondary button--wide" onClick={list.loadMore}>
              {app.t('common.loadMore')}
            </button>
          )}
        </section>
      )}
    </div>
  );
}

function todayIn(zone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
}
