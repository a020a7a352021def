// The app shell: language, session, and the screen for the current path.
import { lazy, Suspense } from 'react';
import { Header } from './components/Header';
import { ErrorNotice, Loading } from './components/Notice';
import { I18nProvider } from './i18n/I18nProvider';
import { AuthPage } from './pages/AuthPage';
import { CommunitiesPage } from './pages/CommunitiesPage';
import { CommunityPage } from './pages/CommunityPage';
import { NotFoundPage } from './pages/NotFoundPage';
import { RealtimeProvider } from './realtime/RealtimeProvider';
import { matchRoute, useLocation } from './router/router';
import { SessionProvider, useSession } from './session/SessionProvider';
import { ModerationScreen } from './moderation/ModerationScreen';
import { matchModerationRoute } from './moderation/routes';
import { matchEventRoute } from './events/routes';
import { matchSurveyRoute } from './surveys/routes';
import { matchFeedbackRoute } from './feedback/routes';
import { matchCalendarRoute } from './calendar/routes';

// The events screens bring luxon and a QR encoder: loaded on first use so the feed's bundle stays small.
const EventsScreen = lazy(() => import('./events/EventsScreen').then((module) => ({ default: module.EventsScreen })));
// The surveys screens bring recharts: loaded on first use too.
const SurveysScreen = lazy(() => import('./surveys/SurveysScreen').then((module) => ({ default: module.SurveysScreen })));
// The content calendar brings luxon like the events screens: loaded on first use.
const CalendarScreen = lazy(() => import('./calendar/CalendarScreen').then((module) => ({ default: module.CalendarScreen })));
const FeedbackScreen = lazy(() => import('./feedback/FeedbackScreen').then((module) => ({ default: module.FeedbackScreen })));

function Screen() {
  const location = useLocation();
  const moderation = matchModerationRoute(location);
  if (moderation) return <ModerationScreen key={moderation.slug} slug={moderation.slug} tab={moderation.tab} />;
  const events = matchEventRoute(location);
  if (events) {
    return (
      <Suspense fallback={<Loading />}>
        <EventsScreen route={events} />
      </Suspense>
    );
  }
  const surveys = matchSurveyRoute(location);
  if (surveys) {
    return (
      <Suspense fallback={<Loading />}>
        <SurveysScreen route={surveys} />
      </Suspense>
    );
  }
  const feedback = matchFeedbackRoute(location);
  if (feedback) {
    return (
      <Suspense fallback={<Loading />}>
        <FeedbackScreen route={feedback} />
      </Suspense>
    );
  }
  const calendar = matchCalendarRoute(location);
  if (calendar) {
    return (
      <Suspense fallback={<Loading />}>
        <CalendarScreen key={calendar.slug} route={calendar} />
      </Suspense>
    );
  }
  const route = matchRoute(location);
  switch (route.name) {
    case 'home':
      return <CommunitiesPage />;
    case 'community':
      return <CommunityPage key={route.slug} slug={route.slug} tag={route.tag} />;
    case 'notFound':
      return <NotFoundPage />;
  }
}

function Shell() {
  const session = useSession();
  const { state } = session;
  if (state.status === 'signedIn') {
    return (
      <RealtimeProvider userId={state.me.id}>
        <Header />
        <main className="main" id="main">
          <Screen />
        </main>
      </RealtimeProvider>
    );
  }
  return (
    <>
      <Header />
      <main className="main" id="main">
        {state.status === 'loading' && <Loading />}
        {state.status === 'failed' && <ErrorNotice error={state.error} onRetry={() => void session.refresh()} />}
        {state.status === 'signedOut' && <AuthPage />}
      </main>
    </>
  );
}

/** The whole web app. */
export function App() {
  return (
    <I18nProvider>
      <SessionProvider>
        <Shell />
      </SessionProvider>
    </I18nProvider>
  );
}
