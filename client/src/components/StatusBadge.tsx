// Says where my post is on its way: being checked, waiting for a moderator, scheduled, hidden.
import type { Post } from '../../../server/contracts/api';
import { useI18n } from '../i18n/I18nProvider';
import type { PlainKey } from '../i18n/types';

function badgeKey(post: Post): PlainKey | null {
  switch (post.status) {
    case 'published':
      return null;
    case 'pending':
      return post.review === 'awaiting_review' ? 'status.awaitingReview' : 'status.checking';
    case 'scheduled':
      return 'status.scheduled';
    case 'hidden':
      return 'status.hidden';
    case 'removed':
      return 'status.removed';
    case 'deleted':
      return 'status.deleted';
  }
}

/** The badge of a post that is not published; nothing for a published one. */
export function StatusBadge({ post }: { post: Post }) {
  const { t } = useI18n();
  const key = badgeKey(post);
  if (!key) return null;
  const waiting = post.review === 'awaiting_review' || post.status === 'hidden';
  return (
    <span
      className={waiting ? 'badge badge--waiting' : 'badge badge--checking'}
      data-testid="post-status"
      data-status={post.status}
      data-review={post.review ?? ''}
    >
      {t(key)}
    </span>
  );
}
