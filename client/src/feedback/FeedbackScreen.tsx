// Dispatches the feedback routes: loads the community for my role (send form, inbox) and shows not-found,
// members-only and staff-only states once, here.
import type { Community } from '../../../server/contracts/api';
import { ApiRequestError } from '../api/errors';
import { EmptyState, ErrorNotice, Loading } from '../components/Notice';
import { useCommunity } from '../events/useCommunity';
import { useI18n } from '../i18n/I18nProvider';
import { Link } from '../router/Link';
import { communityPath } from '../router/router';
import { useFbI18n } from './i18n/useFbI18n';
import { InboxPage } from './InboxPage';
import { MyFeedbackPage } from './MyFeedbackPage';
import { canUseInbox } from './roles';
import type { FeedbackRoute } from './routes';
import { SendFeedbackPage } from './SendFeedbackPage';
import './feedback.css';

/** The screen for a feedback route. */
export function FeedbackScreen({ route }: { route: FeedbackRoute }) {
  if (route.name === 'mine') return <MyFeedbackPage focus={route.focus} />;
  return <CommunityScoped key={`${route.slug}:${route.name}`} route={route} />;
}

function Failure({ error }: { error: unknown }) {
  const { t } = useFbI18n();
  const app = useI18n();
  if (error instanceof ApiRequestError && (error.status === 404 || error.status === 403)) {
    return (
      <EmptyState title={t('fb.notFound')}>
        <Link to="/">{app.t('community.backToList')}</Link>
      </EmptyState>
    );
  }
  return <ErrorNotice error={error} />;
}

function Refused({ community, title }: { community: Community; title: string }) {
  return (
    <EmptyState title={title}>
      <Link to={communityPath(community.slug)}>{community.name}</Link>
    </EmptyState>
  );
}

function CommunityScoped({ route }: { route: Exclude<FeedbackRoute, { name: 'mine' }> }) {
  const { t } = useFbI18n();
  const loaded = useCommunity(route.slug);
  if (loaded.status === 'loading') return <Loading />;
  if (loaded.status === 'error') return <Failure error={loaded.error} />;
  const { community } = loaded;
  const role = community.myRole;
  if (role === null) return <Refused community={community} title={t('fb.membersOnly')} />;
  if (route.name === 'send') return <SendFeedbackPage community={community} />;
  if (!canUseInbox(role)) return <Refused community={community} title={t('fb.staffOnly')} />;
  return <InboxPage community={community} role={role} />;
}
