// One post or reply: author, time, title, body, its status while not published, reactions and its thread.
import { useState } from 'react';
import type { Post } from '../../../server/contracts/api';
import type { Feed } from '../feed/useFeed';
import { useI18n } from '../i18n/I18nProvider';
import { ReportButton } from '../moderation/ReportDialog';
import { ErrorNotice } from './Notice';
import { PostBody } from './PostBody';
import { ReactionBar } from './ReactionBar';
import { StatusBadge } from './StatusBadge';
import { Thread } from './Thread';
import { TimeStamp } from './TimeStamp';

export interface PostCardProps {
  post: Post;
  feed: Feed;
  slug: string;
  meId: string;
  /** Members may react and reply; others only read. */
  member: boolean;
  variant: 'post' | 'reply';
}

/** A post in the feed or a reply in a thread. */
export function PostCard({ post, feed, slug, meId, member, variant }: PostCardProps) {
  const { t, tn } = useI18n();
  const [error, setError] = useState<unknown>(null);
  const published = post.status === 'published';
  const thread = feed.state.threads[post.id];
  const mine = post.author.id === meId;

  const remove = (): void => {
    if (!window.confirm(t('post.deleteConfirm'))) return;
    feed.remove(post).catch(setError);
  };
  const toggleThread = (): void => (thread ? feed.closeThread(post.id) : feed.openThread(post.id));
  const Heading = variant === 'post' ? 'h3' : 'h4';

  return (
    <article
      className={`post post--${variant}${published ? '' : ' post--unpublished'}`}
      data-testid={variant === 'post' ? 'feed-item' : 'reply-item'}
      data-post-id={post.id}
      data-status={post.status}
      aria-label={t('post.by', { name: post.author.displayName })}
    >
      <header className="post__header">
        <span className="post__author">{post.author.displayName}</span>
        <span className="post__handle">@{post.author.handle}</span>
        <TimeStamp iso={post.publishedAt ?? post.createdAt} />
        {post.editedAt && <span className="post__edited">{t('post.edited')}</span>}
        <StatusBadge post={post} />
      </header>
      {post.title && <Heading className="post__title">{post.title}</Heading>}
      <PostBody slug={slug} body={post.body} tags={post.tags} />
      <footer className="post__footer">
        {published && <ReactionBar post={post} onReact={feed.react} onError={setError} readOnly={!member} />}
        <div className="post__actions">
          {published && variant === 'post' && (
            <button
              type="button"
              className="button button--ghost"
              aria-expanded={Boolean(thread)}
              onClick={toggleThread}
              data-testid="thread-toggle"
            >
              {thread ? t('thread.hide') : tn('thread.replies', post.replyCount)}
            </button>
          )}
          {published && member && !mine && <ReportButton postId={post.id} />}
          {mine && (
            <button type="button" className="button button--ghost button--danger" onClick={remove} data-testid="post-delete">
              {t('post.delete')}
            </button>
          )}
        </div>
      </footer>
      {error !== null && <ErrorNotice error={error} />}
      {thread && <Thread parent={post} thread={thread} feed={feed} slug={slug} meId={meId} member={member} />}
    </article>
  );
}
