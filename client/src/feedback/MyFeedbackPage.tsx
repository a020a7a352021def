// /me/feedback: what I sent to my communities' teams, newest first, with status and the replies, updated live when
// a reply arrives. `?id=` (from the notification) scrolls to and marks one item.
import { useEffect } from 'react';
import type { Feedback } from '../../../server/contracts/surveys';
import { EmptyState, ErrorNotice, Loading } from '../components/Notice';
import { useI18n } from '../i18n/I18nProvider';
import { Link } from '../router/Link';
import { communityPath } from '../router/router';
import { useSession } from '../session/SessionProvider';
import { useFbI18n } from './i18n/useFbI18n';
import { Conversation } from './Conversation';
import { useMyFeedback } from './useMyFeedback';

function MyItem({ item, community, focused, replied }: { item: Feedback; community: string; focused: boolean; replied: boolean }) {
  const { t } = useFbI18n();
  const [before, after] = t('fb.my.in', { community: '\u0000' }).split('\u0000');
  return (
    <li
      id={`feedback-${item.id}`}
      className={`card fb-mine${focused ? ' fb-mine--focused' : ''}`}
      data-testid="fb-mine"
      data-feedback-id={item.id}
      data-status={item.status}
      data-replies={item.replies.length}
    >
      <p className="fb-mine__head">
        <span className={`badge fb-kind fb-kind--${item.kind}`}>{t(`fb.kind.${item.kind}`)}</span>
        <span className={`badge fb-status fb-status--${item.status}`} data-testid="fb-mine-status">
          {t(`fb.myStatus.${item.status}`)}
        </span>
        {replied && (
          <span className="badge fb-fresh" data-testid="fb-new-reply">
            {t('fb.my.newReply')}
          </span>
        )}
        <span className="fb-muted">
          {before}
          <Link to={communityPath(item.communitySlug)}>{community}</Link>
          {after}
        </span>
      </p>
      <Conversation item={item} side="member" />
      {item.replies.length === 0 && <p className="fb-muted">{t('fb.my.noReply')}</p>}
    </li>
  );
}

export function MyFeedbackPage({ focus }: { focus: string | null }) {
  const { t } = useFbI18n();
  const app = useI18n();
  const session = useSession();
  const mine = useMyFeedback();
  const names = new Map(session.state.status === 'signedIn' ? session.state.memberships.map((m) => [m.community.slug, m.community.name]) : []);

  const ready = mine.status === 'ready';
  useEffect(() => {
    if (ready && focus) document.getElementById(`feedback-${focus}`)?.scrollIntoView({ block: 'start' });
  }, [ready, focus]);

  return (
    <div className="fb-screen" data-testid="fb-my-page">
      <section className="card community-header">
        <Link to="/" className="community-header__back">
          {app.t('community.backToList')}
        </Link>
        <h1>{t('fb.my.title')}</h1>
        <p>{t('fb.my.intro')}</p>
      </section>
      {mine.status === 'loading' && <Loading />}
      {mine.status === 'error' && <ErrorNotice error={mine.error} onRetry={mine.reload} />}
      {ready && mine.items.length === 0 && (
        <EmptyState title={t('fb.my.empty')}>
          <p>{t('fb.my.emptyHint')}</p>
        </EmptyState>
      )}
      <ol className="fb-mine-list" data-testid="fb-mine-list">
        {mine.items.map((item) => (
          <MyItem key={item.id} item={item} community={names.get(item.communitySlug) ?? item.communitySlug} focused={item.id === focus} replied={mine.newReplies.includes(item.id)} />
        ))}
      </ol>
      {mine.nextCursor && (
        <button type="button" className="button button--secondary button--wide" onClick={mine.loadMore}>
          {app.t('common.loadMore')}
        </button>
      )}
    </div>
  );
}
