// The replies under a post, oldest first, with older ones on demand and a reply form for members.
import type { Post } from '../../../server/contracts/api';
import type { ThreadState } from '../feed/feedTypes';
import type { Feed } from '../feed/useFeed';
import { useI18n } from '../i18n/I18nProvider';
import { Composer } from './Composer';
import { ErrorNotice, Loading } from './Notice';
import { PostCard } from './PostCard';

export interface ThreadProps {
  parent: Post;
  thread: ThreadState;
  feed: Feed;
  slug: string;
  meId: string;
  member: boolean;
}

/** An open thread. */
export function Thread({ parent, thread, feed, slug, meId, member }: ThreadProps) {
  const { t } = useI18n();
  const oldestFirst = [...thread.items].reverse();
  return (
    <section className="thread" aria-label={t('thread.label')} data-testid="thread">
      {thread.status === 'loading' && <Loading />}
      {thread.status === 'error' && <ErrorNotice error={thread.error} onRetry={() => feed.openThread(parent.id)} />}
      {thread.status === 'ready' && thread.nextCursor && (
        <button
          type="button"
          className="button button--ghost"
          disabled={thread.loadingMore}
          onClick={() => feed.loadOlderReplies(parent.id)}
        >
          {t('thread.older')}
        </button>
      )}
      {thread.status === 'ready' && thread.items.length === 0 && <p className="thread__empty">{t('thread.empty')}</p>}
      <div className="thread__replies" aria-live="polite">
        {oldestFirst.map((reply) => (
          <PostCard key={reply.id} post={reply} feed={feed} slug={slug} meId={meId} member={member} variant="reply" />
        ))}
      </div>
      {member && (
        <Composer
          variant="reply"
          draftKey={`rukun.draft:${slug}:${parent.id}`}
          onSubmit={({ body }) => feed.submit({ body, parentId: parent.id })}
        />
      )}
    </section>
  );
}
