// A feedback item's conversation: the member's message, then the team's replies in order. Shared by the inbox pane
// and "my feedback" (which names the team's replies from the member's side).
import type { Feedback } from '../../../server/contracts/surveys';
import { useFbI18n } from './i18n/useFbI18n';

export function Conversation({ item, side }: { item: Feedback; side: 'staff' | 'member' }) {
  const { t, formatDateTime } = useFbI18n();
  return (
    <ol className="fb-thread" data-testid="fb-thread">
      <li className="fb-msg fb-msg--member" data-testid="fb-message">
        <p className="fb-msg__meta">
          {side === 'member' ? t('fb.reply.you') : t('fb.item.from', { name: item.author.displayName, handle: item.author.handle })} ·{' '}
          <time dateTime={item.createdAt}>{formatDateTime(item.createdAt)}</time>
        </p>
        <p className="fb-text">{item.body}</p>
      </li>
      {item.replies.map((reply) => (
        <li key={reply.id} className="fb-msg fb-msg--staff" data-testid="fb-reply">
          <p className="fb-msg__meta">
            {t('fb.reply.by', { name: reply.author.displayName })} · <time dateTime={reply.createdAt}>{formatDateTime(reply.createdAt)}</time>
          </p>
          <p className="fb-text">{reply.body}</p>
        </li>
      ))}
    </ol>
  );
}
