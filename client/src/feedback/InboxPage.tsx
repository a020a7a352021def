// The staff inbox of a community (moderators and up): tabs by status with counts (plus held feedback), filters,
// "waiting longer than N hours" highlighted and first, the list live, and the selected item's pane beside it (under
// it on a phone).
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import type { Community, Role } from '../../../server/contracts/api';
import type { Feedback, FeedbackKind } from '../../../server/contracts/surveys';
import { EmptyState, ErrorNotice, Loading } from '../components/Notice';
import { useI18n } from '../i18n/I18nProvider';
import { Link } from '../router/Link';
import { communityPath } from '../router/router';
import { useMe } from '../session/SessionProvider';
import { FEEDBACK_KINDS, INBOX_TABS, type InboxTab } from './api';
import { FeedbackPane } from './FeedbackPane';
import { useFbI18n } from './i18n/useFbI18n';
import { hasLeft, tabOf, type InboxView } from './inboxState';
import { useInbox } from './useInbox';
import { useNow } from './useNow';
import { isOverdue, isWaiting, waitedSince, waitedText } from './waiting';

const WAITING_LIMITS = [4, 8, 24, 48, 72] as const;

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}
const DEFAULT_LIMIT = 24;

function InboxRow({ item, view, now, selected, fresh, onSelect }: { item: Feedback; view: InboxView; now: number; selected: boolean; fresh: boolean; onSelect: () => void }) {
  const { t, tn } = useFbI18n();
  const me = useMe();
  const left = hasLeft(item, view);
  const overdue = !left && isOverdue(item, now, view.waitingHours);
  const classes = ['fb-row', left && 'fb-row--left', overdue && 'fb-row--overdue', selected && 'fb-row--selected', fresh && 'fb-row--fresh'].filter(Boolean).join(' ');
  return (
    <li>
      <button type="button" className={classes} onClick={onSelect} aria-current={selected ? 'true' : undefined} data-testid="fb-row" data-feedback-id={item.id} data-status={tabOf(item)} data-overdue={overdue ? 'true' : 'false'}>
        <span className="fb-row__excerpt">{item.body.slice(0, 160)}</span>
        <span className="fb-row__meta">
          <span className={`badge fb-kind fb-kind--${item.kind}`}>{t(`fb.kind.${item.kind}`)}</span>
          <span>@{item.author.handle}</span>
          {left ? (
            <span data-testid="fb-row-left">{t('fb.inbox.moved', { status: t(`fb.status.${tabOf(item)}`) })}</span>
          ) : isWaiting(item) && !(fresh && waitedSince(item.createdAt, now).unit === 'justNow') ? (
            <span className={overdue ? 'fb-wait fb-wait--overdue' : 'fb-wait'} data-testid="fb-row-waited">
              {waitedText(waitedSince(item.createdAt, now), t, tn)}
            </span>
          ) : (
            item.status !== 'resolved' && <span>{t('fb.inbox.answered')}</span>
          )}
          {item.assignee && <span data-testid="fb-row-assignee">{item.assignee.id === me.id ? t('fb.inbox.assignedToYou') : t('fb.inbox.assignedTo', { name: item.assignee.displayName })}</span>}
          {fresh && (
            <span className="badge fb-fresh" data-testid="fb-row-fresh">
              {t('fb.inbox.justArrived')}
            </span>
          )}
        </span>
      </button>
    </li>
  );
}

export function InboxPage({ community, role }: { community: Community; role: Role }) {
  const { t, tn, formatNumber } = useFbI18n();
  const app = useI18n();
  const me = useMe();
  const now = useNow();
  const ids = useId();
  const [tab, setTab] = useState<InboxTab>('new');
  const [kind, setKind] = useState<FeedbackKind | null>(null);
  const [assignee, setAssignee] = useState<'me' | 'none' | null>(null);
  const [waitingHours, setWaitingHours] = useState<number>(DEFAULT_LIMIT);
  const [onlyOverdue, setOnlyOverdue] = useState(false);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  // The open item as last seen, so it stays open even when a fresh page no longer lists it (someone else moved it).
  const [pinned, setPinned] = useState<Feedback | null>(null);
  const view = useMemo<InboxView>(() => ({ tab, kind, assignee, waitingHours, onlyOverdue, meId: me.id }), [tab, kind, assignee, waitingHours, onlyOverdue, me.id]);
  const inbox = useInbox(community.slug, role, view);
  const { items, counts, fresh } = inbox.state;
  const selected = items.find((item) => item.id === selectedId) ?? (pinned && pinned.id === selectedId ? pinned : null);
  const overdueCount = items.filter((item) => !hasLeft(item, view) && isOverdue(item, now, waitingHours)).length;
  const filtered = kind !== null || assignee !== null || onlyOverdue;

  useEffect(() => {
    if (selectedId) document.querySelector('[data-testid="fb-pane"]')?.scrollIntoView({ block: 'nearest' });
  }, [selectedId]);

  // Keys as in the moderation console: j/k move through the list, t takes the open item, r goes to the reply box.
  const latest = useRef({ items, selectedId, select: (_item: Feedback): void => undefined });
  useEffect(() => {
    const onKey = (event: KeyboardEvent): void => {
      if (event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target)) return;
      const { items: list, selectedId: current, select: choose } = latest.current;
      const index = list.findIndex((item) => item.id === current);
      if (event.key === 'j' || event.key === 'k') {
        const to = index === -1 ? 0 : index + (event.key === 'j' ? 1 : -1);
        const target = list[Math.max(0, Math.min(list.length - 1, to))];
        if (target && target.id !== current) choose(target);
      } else if (event.key === 't') {
        document.querySelector<HTMLButtonElement>('[data-testid="fb-assign"]')?.click();
      } else if (event.key === 'r') {
        document.querySelector<HTMLTextAreaElement>('[data-testid="fb-reply-input"]')?.focus();
      } else return;
      event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const select = (item: Feedback): void => {
    setSelectedId(item.id);
    setPinned(item);
    inbox.markSeen(item.id);
  };

  useEffect(() => {
    latest.current = { items, selectedId, select };
  });

  const onChanged = (item: Feedback): void => {
    inbox.apply(item);
    setPinned((shown) => (shown && shown.id === item.id && (shown.version ?? 0) > (item.version ?? 0) ? shown : item));
  };

  const limitText = (hours: number): string => tn('fb.inbox.waitingHours', hours);

  return (
    <div className="fb-screen" data-testid="fb-inbox" data-realtime={inbox.room}>
      <section className="card community-header">
        <Link to={communityPath(community.slug)} className="community-header__back">
          {t('fb.back')}
        </Link>
        <h1>{t('fb.inbox.title', { community: community.name })}</h1>
        <nav className="mod-tabs fb-tabs" aria-label={t('fb.inbox.tabs')}>
          {INBOX_TABS.map((id) => (
            <button
              key={id}
              type="button"
              className={`mod-tab fb-tab${id === tab ? ' mod-tab--active' : ''}`}
              aria-pressed={id === tab}
              onClick={() => {
                setTab(id);
                setSelectedId(null);
              }}
              data-testid={`fb-tab-${id}`}
              data-count={counts[id]}
            >
              {t(`fb.status.${id}`)} <span className="fb-tab__count">{formatNumber(counts[id])}</span>
            </button>
          ))}
        </nav>
      </section>

      <div className="fb-console">
        <section className="card fb-list-card" aria-labelledby="fb-list-title">
          <header className="fb-list-card__header">
            <h2 id="fb-list-title">{t(`fb.status.${tab}`)}</h2>
            {overdueCount > 0 && (
              <span className="badge fb-overdue-badge" data-testid="fb-overdue-count">
                {tn('fb.inbox.overdueCount', overdueCount, { hours: limitText(waitingHours) })}
              </span>
            )}
            <span className={`mod-live mod-live--${inbox.room}`} data-testid="fb-live">
              {inbox.room === 'joined' ? t('fb.inbox.live') : inbox.room === 'reconnecting' ? t('fb.inbox.offline') : ''}
            </span>
          </header>
          <fieldset className="fb-filters">
            <legend className="fb-sr">{t('fb.inbox.filters')}</legend>
            <div className="fb-filter">
              <label htmlFor={`${ids}-kind`}>{t('fb.inbox.kind')}</label>
              <select id={`${ids}-kind`} value={kind ?? ''} onChange={(event) => setKind((event.target.value || null) as FeedbackKind | null)} data-testid="fb-filter-kind">
                <option value="">{t('fb.inbox.kindAll')}</option>
                {FEEDBACK_KINDS.map((k) => (
                  <option key={k} value={k}>
                    {t(`fb.kind.${k}`)}
                  </option>
                ))}
              </select>
            </div>
            <div className="fb-filter">
              <label htmlFor={`${ids}-assignee`}>{t('fb.inbox.assignee')}</label>
              <select id={`${ids}-assignee`} value={assignee ?? ''} onChange={(event) => setAssignee((event.target.value || null) as 'me' | 'none' | null)} data-testid="fb-filter-assignee">
                <option value="">{t('fb.inbox.assigneeAll')}</option>
                <option value="me">{t('fb.inbox.assigneeMe')}</option>
                <option value="none">{t('fb.inbox.assigneeNone')}</option>
              </select>
            </div>
            <div className="fb-filter">
              <label htmlFor={`${ids}-hours`}>{t('fb.inbox.waitingLimit')}</label>
              <select id={`${ids}-hours`} value={waitingHours} onChange={(event) => setWaitingHours(Number(event.target.value))} data-testid="fb-filter-hours">
                {WAITING_LIMITS.map((hours) => (
                  <option key={hours} value={hours}>
                    {limitText(hours)}
                  </option>
                ))}
              </select>
            </div>
            {tab !== 'resolved' && (
              <label className="fb-check">
                <input type="checkbox" checked={onlyOverdue} onChange={(event) => setOnlyOverdue(event.target.checked)} data-testid="fb-filter-overdue" />
                {t('fb.inbox.onlyOverdue', { hours: limitText(waitingHours) })}
              </label>
            )}
          </fieldset>
          <p className="fb-muted fb-keys">{t('fb.inbox.keysHint')}</p>
          {inbox.error !== null && <ErrorNotice error={inbox.error} onRetry={inbox.reload} />}
          {inbox.loading && items.length === 0 && inbox.error === null && <Loading />}
          {!inbox.loading && items.length === 0 && inbox.error === null && (
            <EmptyState title={filtered ? t('fb.inbox.emptyFiltered') : t(`fb.inbox.empty.${tab}`)} />
          )}
          <p className="fb-sr" aria-live="polite">
            {fresh.length > 0 ? t('fb.inbox.newArrived') : ''}
          </p>
          <ol className="fb-rows" data-testid="fb-rows">
            {items.map((item) => (
              <InboxRow key={item.id} item={item} view={view} now={now} selected={item.id === selectedId} fresh={fresh.includes(item.id)} onSelect={() => select(item)} />
            ))}
          </ol>
          {inbox.state.nextCursor && (
            <button type="button" className="button button--secondary button--wide" onClick={inbox.loadMore}>
              {app.t('common.loadMore')}
            </button>
          )}
        </section>
        {selected ? (
          <FeedbackPane key={selected.id} item={selected} now={now} onChanged={onChanged} onClose={() => setSelectedId(null)} />
        ) : (
          <section className="card fb-pane fb-pane--placeholder fb-muted" data-testid="fb-placeholder">{t('fb.inbox.selectHint')}</section>
        )}
      </div>
    </div>
  );
}
