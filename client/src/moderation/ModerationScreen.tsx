// /c/:slug/moderation: tabs for the queue (moderators), word rules (managers), the audit log and jobs (moderators).
import { useEffect, useState } from 'react';
import type { Community, Role } from '../../../server/contracts/api';
import { getCommunity } from '../api/communities';
import { EmptyState, ErrorNotice, Loading } from '../components/Notice';
import { Link } from '../router/Link';
import { communityPath } from '../router/router';
import { AuditLogPage } from './AuditLogPage';
import { JobsPage } from './JobsPage';
import { useModI18n } from './i18n/useModI18n';
import { ModerationConsole } from './queue/ModerationConsole';
import { moderationPath, type ModerationTab } from './routes';
import { WordRulesPage } from './WordRulesPage';
import { FeedbackInboxLink } from '../feedback/FeedbackLinks';
import './moderation.css';

const RANK: Record<Role, number> = { member: 0, moderator: 1, manager: 2, owner: 3 };

/** Whether a role may moderate (queue, decisions, audit log). */
export function canModerate(role: Role | null | undefined): boolean {
  return role ? RANK[role] >= RANK.moderator : false;
}
/** Whether a role may manage word rules. */
export function canManage(role: Role | null | undefined): boolean {
  return role ? RANK[role] >= RANK.manager : false;
}

export function ModerationScreen({ slug, tab }: { slug: string; tab: ModerationTab }) {
  const { t } = useModI18n();
  const [community, setCommunity] = useState<Community | null>(null);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    const controller = new AbortController();
    getCommunity(slug, controller.signal).then(setCommunity, (failure: unknown) => {
      if (!controller.signal.aborted) setError(failure);
    });
    return () => controller.abort();
  }, [slug]);

  if (error !== null) return <ErrorNotice error={error} />;
  if (!community) return <Loading />;
  const role = community.myRole;
  const back = (
    <Link to={communityPath(slug)} className="community-header__back">
      {t('mod.back')}
    </Link>
  );
  if (!role || !canModerate(role)) {
    return <EmptyState title={t('mod.forbidden')}>{back}</EmptyState>;
  }
  const tabs: { id: ModerationTab; label: string; show: boolean }[] = [
    { id: 'queue', label: t('mod.tab.queue'), show: true },
    { id: 'rules', label: t('mod.tab.rules'), show: canManage(role) },
    { id: 'log', label: t('mod.tab.log'), show: true },
    { id: 'jobs', label: t('mod.tab.jobs'), show: true },
  ];

  return (
    <div className="mod-screen" data-testid="mod-screen">
      <section className="card community-header">
        {back}
        <h1>
          {t('mod.title')} · {community.name}
        </h1>
        <nav className="mod-tabs" aria-label={t('mod.title')}>
          {tabs
            .filter((x) => x.show)
            .map((x) => (
              <Link key={x.id} to={moderationPath(slug, x.id)} className={`mod-tab${x.id === tab ? ' mod-tab--active' : ''}`} aria-current={x.id === tab ? 'page' : undefined} data-testid={`mod-tab-${x.id}`}>
                {x.label}
              </Link>
            ))}
          <FeedbackInboxLink slug={slug} className="mod-tab" />
        </nav>
      </section>
      {tab === 'queue' && <ModerationConsole slug={slug} role={role} />}
      {tab === 'rules' && (canManage(role) ? <WordRulesPage slug={slug} /> : <EmptyState title={t('mod.managersOnly')} />)}
      {tab === 'log' && <AuditLogPage slug={slug} />}
      {tab === 'jobs' && <JobsPage slug={slug} />}
    </div>
  );
}

/** A link to the moderation screen, shown only to moderators and above. */
export function ModerationLink({ slug, role }: { slug: string; role: Role | null }) {
  const { t } = useModI18n();
  if (!canModerate(role)) return null;
  return (
    <Link to={moderationPath(slug)} className="button button--secondary" data-testid="moderation-link">
      {t('mod.link')}
    </Link>
  );
}
