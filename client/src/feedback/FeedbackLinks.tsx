// The ways into feedback from a community's screen and from the moderator console.
import type { Role } from '../../../server/contracts/api';
import { Link } from '../router/Link';
import { useFbI18n } from './i18n/useFbI18n';
import { canUseInbox } from './roles';
import { feedbackInboxPath, myFeedbackPath, sendFeedbackPath } from './routes';

/** "Kirim masukan" and "Masukan saya" for members, and "Kotak masukan" for moderators and up. */
export function FeedbackLinks({ slug, role }: { slug: string; role: Role | null }) {
  const { t } = useFbI18n();
  if (role === null) return null;
  return (
    <>
      <Link to={sendFeedbackPath(slug)} className="button button--secondary" data-testid="feedback-link">
        {t('fb.link')}
      </Link>
      <Link to={myFeedbackPath()} className="button button--secondary" data-testid="my-feedback-link">
        {t('fb.myLink')}
      </Link>
      {canUseInbox(role) && <FeedbackInboxLink slug={slug} />}
    </>
  );
}

/** A link to a community's feedback inbox (the moderator console shows it next to its tabs). */
export function FeedbackInboxLink({ slug, className = 'button button--secondary' }: { slug: string; className?: string }) {
  const { t } = useFbI18n();
  return (
    <Link to={feedbackInboxPath(slug)} className={className} data-testid="feedback-inbox-link">
      {t('fb.inboxLink')}
    </Link>
  );
}
