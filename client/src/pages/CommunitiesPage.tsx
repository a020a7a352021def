// All communities, newest first, with a create form and join buttons.
import type { Community } from '../../../server/contracts/api';
import { CommunityCard } from '../components/CommunityCard';
import { CreateCommunityForm } from '../components/CreateCommunityForm';
import { EmptyState, ErrorNotice, Loading } from '../components/Notice';
import { useI18n } from '../i18n/I18nProvider';
import { communityPath, navigate } from '../router/router';
import { useSession } from '../session/SessionProvider';
import { useCommunityList } from './useCommunityList';

/** The communities screen. */
export function CommunitiesPage() {
  const { t } = useI18n();
  const session = useSession();
  const { list, reload, loadMore } = useCommunityList();

  const afterJoin = (slug: string): void => {
    void session.refresh();
    navigate(communityPath(slug));
  };

  const afterCreate = (community: Community): void => {
    void session.refresh();
    navigate(communityPath(community.slug));
  };

  return (
    <div className="communities">
      <h1>{t('communities.title')}</h1>
      <CreateCommunityForm onCreated={afterCreate} />
      <section aria-labelledby="community-list-title">
        <h2 id="community-list-title">{t('communities.listTitle')}</h2>
        {list.status === 'loading' && <Loading />}
        {list.status === 'error' && <ErrorNotice error={list.error} onRetry={reload} />}
        {list.status === 'ready' && list.page.items.length === 0 && <EmptyState title={t('communities.empty')} />}
        {list.status === 'ready' && (
          <>
            <ul className="community-list" data-testid="community-list">
              {list.page.items.map((community) => (
                <CommunityCard key={community.id} community={community} onJoined={afterJoin} />
              ))}
            </ul>
            {list.moreError !== null && <ErrorNotice error={list.moreError} onRetry={loadMore} />}
            {list.page.nextCursor && (
              <button type="button" className="button button--secondary" onClick={loadMore} disabled={list.loadingMore}>
                {list.loadingMore ? t('common.loading') : t('common.loadMore')}
              </button>
            )}
          </>
        )}
      </section>
    </div>
  );
}
