// Dispatches the events routes: loads what each screen needs (the community for my role, the event when the path
// names one) and shows not-found and failure states once, here.
import { useEffect, useState } from 'react';
import type { Community, CommunityEvent } from '../../../server/contracts/api';
import { ApiRequestError } from '../api/errors';
import { EmptyState, ErrorNotice, Loading } from '../components/Notice';
import { useI18n } from '../i18n/I18nProvider';
import { Link } from '../router/Link';
import { communityPath } from '../router/router';
import { getEvent } from './api';
import { AttendeesPage } from './AttendeesPage';
import { CheckInPage } from './CheckInPage';
import { EventFormPage } from './EventFormPage';
import { EventListPage } from './EventListPage';
import { EventPage } from './EventPage';
import { useEvI18n } from './i18n/useEvI18n';
import { MyEventsPage } from './MyEventsPage';
import type { EventRoute } from './routes';
import { useCommunity } from './useCommunity';
import './events.css';

/** The screen for an events route. */
export function EventsScreen({ route }: { route: EventRoute }) {
  switch (route.name) {
    case 'mine':
      return <MyEventsPage />;
    case 'list':
    case 'new':
      return <CommunityScoped key={route.slug} route={route} />;
    default:
      return <EventScoped key={`${route.id}:${route.name}`} route={route} />;
  }
}

function Failure({ error }: { error: unknown }) {
  const { t } = useEvI18n();
  const app = useI18n();
  if (error instanceof ApiRequestError && (error.status === 404 || error.status === 403)) {
    return (
      <EmptyState title={t('ev.notFound')}>
        <Link to="/">{app.t('community.backToList')}</Link>
      </EmptyState>
    );
  }
  return <ErrorNotice error={error} />;
}

function NotMember({ community }: { community: Community }) {
  const { t } = useEvI18n();
  return (
    <EmptyState title={t('ev.membersOnly')}>
      <Link to={communityPath(community.slug)}>{community.name}</Link>
    </EmptyState>
  );
}

function CommunityScoped({ route }: { route: Extract<EventRoute, { name: 'list' | 'new' }> }) {
  const loaded = useCommunity(route.slug);
  if (loaded.status === 'loading') return <Loading />;
  if (loaded.status === 'error') return <Failure error={loaded.error} />;
  const { community } = loaded;
  if (community.myRole === null) return <NotMember community={community} />;
  if (route.name === 'new') return <EventFormPage community={community} />;
  return <EventListPage community={community} view={route.view} month={route.month} />;
}

type EventState = { status: 'loading' } | { status: 'error'; error: unknown } | { status: 'ready'; event: CommunityEvent };

function EventScoped({ route }: { route: Exclude<EventRoute, { name: 'list' | 'new' | 'mine' }> }) {
  const [state, setState] = useState<EventState>({ status: 'loading' });
  useEffect(() => {
    const controller = new AbortController();
    getEvent(route.id, controller.signal).then(
      (event) => setState({ status: 'ready', event }),
      (error: unknown) => {
        if (!controller.signal.aborted) setState({ status: 'error', error });
      },
    );
    return () => controller.abort();
  }, [route.id]);
  const loaded = useCommunity(state.status === 'ready' ? state.event.communitySlug : null);
  if (state.status === 'error') return <Failure error={state.error} />;
  if (state.status === 'loading' || loaded.status === 'loading') return <Loading />;
  if (loaded.status === 'error') return <Failure error={loaded.error} />;
  const { event } = state;
  const { community } = loaded;
  switch (route.name) {
    case 'edit':
      return <EventFormPage community={community} event={event} />;
    case 'attendees':
      return <AttendeesPage initial={event} community={community} />;
    case 'checkin':
      return <CheckInPage initial={event} community={community} />;
    case 'event':
      return <EventPage initial={event} community={community} />;
  }
}

