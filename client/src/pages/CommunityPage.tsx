// A community: its name and description, joining, the hashtag filter and the live feed.
import { useCallback, useEffect, useState } from 'react';
import type { Community } from '../../../server/contracts/api';
import { ApiRequestError } from '../api/errors';
import { getCommunity, joinCommunity } from '../api/communities';
import { CommunityFeed } from '../components/CommunityFeed';
import { ROLE_KEYS } from '../components/CommunityCard';
import { EmptyState, ErrorNotice, Loading } from '../components/Notice';
import { useI18n } from '../i18n/I18nProvider';
import { Link } from '../router/Link';
import { communityPath } from '../router/router';
import { useSession } from '../session/SessionProvider';
import { ModerationLink } from '../moderation/ModerationScreen';
import { EventsLink } from '../events/EventsLink';
import { CalendarLink } from '../calendar/CalendarLink';
import { SurveysLink } from '../surveys/SurveysLink';
import { FeedbackLinks } from '../feedback/FeedbackLinks';

type Loaded = { status: 'loading' } | { status: 'error'; error: unknown } | { status: 'ready'; community: Community };

/** The community screen. */
export function CommunityPage({ slug, tag }: { slug: string; tag: string | null }) {
  const { t, tn } = useI18n();
  const session = useSession();
  const [loaded, setLoaded] = useState<Loaded>({ status: 'loading' });
  const [joinError, setJoinError] = useState<unknown>(null);
  const [joining, setJoining] = useState(false);

  const load = useCallback(
    (signal?: AbortSignal) =>
      getCommunity(slug, signal).then(
        (community) => setLoaded({ status: 'ready', community }),
        (error: unknown) => {
          if (!signal?.aborted) setLoaded({ status: 'error', error });
        },
      ),
    [slug],
  );

  useEffect(() => {
    const controller = new AbortController();
    setLoaded({ status: 'loading' });
    void load(controller.signal);
    return () => controller.abort();
  }, [load]);

  const join = (): void => {
    setJoining(true);
    setJoinError(null);
    joinCommunity(slug)
      .then(() => Promise.all([load(), session.refresh()]))
      .catch(setJoinError)
      .finally(() => setJoining(false));
  };

  if (loaded.status === 'loading') return <Loading />;
  if (loaded.status === 'error') {
    if (loaded.error instanceof ApiRequestError && loaded.error.status === 404) {
      return (
        <EmptyState title={t('community.notFound')}>
          <Link to="/">{t('community.backToList')}</Link>
        </EmptyState>
      );
    }
    return <ErrorNotice error={loaded.error} onRetry={() => void load()} />;
  }

  const { community } = loaded;
  return (
    <div className="community-page">
      <section className="card community-header" aria-labelledby="community-title">
        <Link to="/" className="community-header__back">
          {t('community.backToList')}
        </Link>
        <h1 id="community-title" data-testid="community-title">
          {community.name}
        </h1>
        {community.description && <p>{community.description}</p>}
        <p className="community__meta">
          {tn('community.members', community.memberCount)}
          {community.myRole && <span className="badge badge--role"> {t(ROLE_KEYS[community.myRole])}</span>}
        </p>
        <div className="community-header__links">
          <EventsLink slug={community.slug} role={community.myRole} />
          <CalendarLink slug={community.slug} role={community.myRole} />
          <SurveysLink slug={community.slug} role={community.myRole} />
          <ModerationLink slug={community.slug} role={community.myRole} />
          <FeedbackLinks slug={community.slug} role={community.myRole} />
        </div>
        {!community.myRole && (
          <div className="community-header__join">
            <p>{t('community.joinToPost')}</p>
            <button type="button" className="button" onClick={join} disabled={joining} data-testid="community-join">
              {joining ? t('community.joining') : t('community.join')}
            </button>
          </div>
        )}
        {joinError !== null && <ErrorNotice error={joinError} />}
      </section>
      {tag && (
        <p className="tag-filter" data-testid="tag-filter">
          {t('feed.filteredBy', { tag })}{' '}
          <Link to={communityPath(slug)} className="tag-filter__clear">
            {t('feed.clearFilter')}
          </Link>
        </p>
      )}
      <CommunityFeed key={community.slug} community={community} tag={tag} />
    </div>
  );
}
