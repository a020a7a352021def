// /me/events: my upcoming events across communities (going, waitlisted, interested), plus my calendar feed.
import { useEffect, useState } from 'react';
import type { CommunityEvent } from '../../../server/contracts/api';
import { EmptyState, ErrorNotice, Loading } from '../components/Notice';
import { listMyEvents } from './api';
import { CalendarFeedPanel } from './CalendarFeedPanel';
import { EventCard } from './EventCard';
import { useEvI18n } from './i18n/useEvI18n';

type State = { status: 'loading' } | { status: 'error'; error: unknown } | { status: 'ready'; items: CommunityEvent[] };

/** My events. */
export function MyEventsPage() {
  const { t } = useEvI18n();
  const [state, setState] = useState<State>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    listMyEvents(controller.signal).then(
      (items) => setState({ status: 'ready', items }),
      (error: unknown) => {
        if (!controller.signal.aborted) setState({ status: 'error', error });
      },
    );
    return () => controller.abort();
  }, [attempt]);

  return (
    <div className="ev-screen" data-testid="my-events">
      <section className="card">
        <h1>{t('ev.myEvents')}</h1>
      </section>
      {state.status === 'loading' && <Loading />}
      {state.status === 'error' && <ErrorNotice error={state.error} onRetry={() => setAttempt((n) => n + 1)} />}
      {state.status === 'ready' && state.items.length === 0 && <EmptyState title={t('ev.myEmpty')} />}
      {state.status === 'ready' && state.items.length > 0 && (
        <ul className="ev-list" data-testid="event-list">
          {state.items.map((event) => (
            <EventCard key={event.id} event={event} showCommunity />
          ))}
        </ul>
      )}
      <CalendarFeedPanel />
    </div>
  );
}
