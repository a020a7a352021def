// A community's live feed: the composer, my waiting posts, the published ones, and "load more".
import { useState } from 'react';
import type { Community, Post } from '../../../server/contracts/api';
import { communityZone } from '../calendar/communityZone';
import { useFeed } from '../feed/useFeed';
import { useI18n } from '../i18n/I18nProvider';
import { useMe } from '../session/SessionProvider';
import { Composer } from './Composer';
import { EmptyState, ErrorNotice, Loading } from './Notice';
import { PostCard } from './PostCard';

/** The feed of a community, optionally filtered by a hashtag. */
export function CommunityFeed({ community, tag }: { community: Community; tag: string | null }) {
  const { t } = useI18n();
  const me = useMe();
  const [announcement, setAnnouncement] = useState('');
  const member = community.myRole !== null;
  const onLivePost = (post: Post): void => setAnnouncement(t('feed.newPost', { name: post.author.displayName }));
  const feed = useFeed({ slug: community.slug, tag, role: community.myRole, meId: me.id, onLivePost });
  const { state } = feed;
  const waiting = state.pending.filter((post) => tag === null || post.tags.includes(tag));
  const card = (post: Post) => (
    <PostCard key={post.id} post={post} feed={feed} slug={community.slug} meId={me.id} member={member} variant="post" />
  );

  return (
    <section className="feed" aria-labelledby="feed-title" data-testid="feed" data-realtime={feed.room}>
      <h2 id="feed-title" className="visually-hidden">
        {t('feed.title')}
      </h2>
      {member && (
        <Composer
          variant="post"
          draftKey={`rukun.draft:${community.slug}`}
          onSubmit={({ body, title, publishAt }) => feed.submit({ body, title, publishAt })}
          scheduleZone={communityZone(community)}
        />
      )}
      <p className="visually-hidden" role="status" aria-live="polite" data-testid="feed-announcer">
        {announcement}
      </p>
      {feed.room === 'reconnecting' && (
        <p className="feed__offline" role="status">
          {t('feed.reconnecting')}
        </p>
      )}
      {state.status === 'loading' && <Loading />}
      {state.status === 'error' && <ErrorNotice error={state.error} onRetry={feed.retry} />}
      {state.status === 'ready' && (
        <>
          {waiting.length > 0 && (
            <div className="feed__list feed__list--waiting" aria-label={t('feed.waitingTitle')} data-testid="pending-list">
              {waiting.map(card)}
            </div>
          )}
          {state.items.length === 0 && waiting.length === 0 && (
            <EmptyState title={tag ? t('feed.emptyTag', { tag }) : t('feed.empty')}>
              {member && <p>{t('feed.emptyHint')}</p>}
            </EmptyState>
          )}
          <div className="feed__list" data-testid="feed-list">
            {state.items.map(card)}
          </div>
          {state.moreError !== null && <ErrorNotice error={state.moreError} onRetry={feed.loadMore} />}
          {state.nextCursor && (
            <button
              type="button"
              className="button button--secondary button--wide"
              onClick={feed.loadMore}
              disabled={state.loadingMore}
              data-testid="feed-load-more"
            >
              {state.loadingMore ? t('common.loading') : t('common.loadMore')}
            </button>
          )}
        </>
      )}
    </section>
  );
}
