// Dispatches the surveys routes: loads what each screen needs (the community for my role, the survey when the path
// names one) and shows not-found and failure states once, here.
import { useEffect, useState } from 'react';
import type { Community } from '../../../server/contracts/api';
import type { Survey } from '../../../server/contracts/surveys';
import { ApiRequestError } from '../api/errors';
import { EmptyState, ErrorNotice, Loading } from '../components/Notice';
import { useI18n } from '../i18n/I18nProvider';
import { Link } from '../router/Link';
import { communityPath } from '../router/router';
import { useCommunity } from '../events/useCommunity';
import { getSurvey } from './api';
import { useSvI18n } from './i18n/useSvI18n';
import type { SurveyRoute } from './routes';
import { SurveyBuilderPage } from './SurveyBuilderPage';
import { SurveyListPage } from './SurveyListPage';
import { SurveyPage } from './SurveyPage';
import { ResultsPage } from './ResultsPage';
import './surveys.css';

/** The screen for a surveys route. */
export function SurveysScreen({ route }: { route: SurveyRoute }) {
  switch (route.name) {
    case 'list':
    case 'new':
      return <CommunityScoped key={`${route.slug}:${route.name}`} route={route} />;
    default:
      return <SurveyScoped key={`${route.id}:${route.name}`} route={route} />;
  }
}

function Failure({ error }: { error: unknown }) {
  const { t } = useSvI18n();
  const app = useI18n();
  if (error instanceof ApiRequestError && (error.status === 404 || error.status === 403)) {
    return (
      <EmptyState title={t('sv.notFound')}>
        <Link to="/">{app.t('community.backToList')}</Link>
      </EmptyState>
    );
  }
  return <ErrorNotice error={error} />;
}

function NotMember({ community }: { community: Community }) {
  const { t } = useSvI18n();
  return (
    <EmptyState title={t('sv.membersOnly')}>
      <Link to={communityPath(community.slug)}>{community.name}</Link>
    </EmptyState>
  );
}

function CommunityScoped({ route }: { route: Extract<SurveyRoute, { name: 'list' | 'new' }> }) {
  const loaded = useCommunity(route.slug);
  if (loaded.status === 'loading') return <Loading />;
  if (loaded.status === 'error') return <Failure error={loaded.error} />;
  const { community } = loaded;
  if (community.myRole === null) return <NotMember community={community} />;
  if (route.name === 'new') return <SurveyBuilderPage community={community} />;
  return <SurveyListPage community={community} />;
}

type SurveyState = { status: 'loading' } | { status: 'error'; error: unknown } | { status: 'ready'; survey: Survey };

function SurveyScoped({ route }: { route: Exclude<SurveyRoute, { name: 'list' | 'new' }> }) {
  const [state, setState] = useState<SurveyState>({ status: 'loading' });
  useEffect(() => {
    const controller = new AbortController();
    getSurvey(route.id, controller.signal).then(
      (survey) => setState({ status: 'ready', survey }),
      (error: unknown) => {
        if (!controller.signal.aborted) setState({ status: 'error', error });
      },
    );
    return () => controller.abort();
  }, [route.id]);
  const loaded = useCommunity(state.status === 'ready' ? state.survey.communitySlug : null);
  if (state.status === 'error') return <Failure error={state.error} />;
  if (state.status === 'loading' || loaded.status === 'loading') return <Loading />;
  if (loaded.status === 'error') return <Failure error={loaded.error} />;
  const { survey } = state;
  const { community } = loaded;
  switch (route.name) {
    case 'edit':
      return <SurveyBuilderPage community={community} survey={survey} />;
    case 'results':
      return <ResultsPage survey={survey} community={community} />;
    case 'survey':
      return <SurveyPage initial={survey} community={community} />;
  }
}
