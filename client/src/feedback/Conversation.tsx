// A feedback item's conversation: the member's message, then the team's replies in order. Shared by the inbox pane
// and "my feedback" (which names the team's replies from the member's side).
import type { ReactNode } from 'react';
import type { Feedback } from '../../../server/contracts/surveys';
import { spansFor } from '../moderation/highlight';
import type { HeldReason } from './conflict';
import { useFbI18n } from './i18n/useFbI18n';

/** The body with the checker's matched spans marked, as the moderation queue marks them in posts. */
function Marked({ text, reasons }: { text: string; reasons: readonly HeldReason[] }) {
  const spans = spansFor(
    reasons.flatMap((r) => (r.start !== null && r.end !== null ? [{ source: r.source, start: r.start, end: r.end, score: 0, revision: 0 }] : [])),
    'body',
    text.length,
  );
  const parts: ReactNode[] = [];
  let at = 0;
  spans.forEach((span, index) => {
    if (span.start > at) parts.push(text.slice(at, span.start));
    parts.push(
      <mark key={index} className="mod-match" data-testid="match-highlight">
        {text.slice(span.start, span.end)}
      </mark>,
    );
    at = span.end;
  });
  if (at < text.length) parts.push(text.slice(at));
  return <p className="fb-text">{parts}</p>;
}

export function Conversation({ item, side, reasons = [] }: { item: Feedback; side: 'staff' | 'member'; reasons?: readonly HeldReason[] }) {
  const { t, formatDateTime } = useFbI18n();
  return (
    <ol className="fb-thread" data-testid="fb-thread">
      <li className="fb-msg fb-msg--member" data-testid="fb-message">
        <p className="fb-msg__meta">
          {side === 'member' ? t('fb.reply.you') : t('fb.item.from', { name: item.author.displayName, handle: item.author.handle })} ·{' '}
          <time dateTime={item.createdAt}>{formatDateTime(item.createdAt)}</time>
        </p>
        <Marked text={item.body} reasons={reasons} />
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
