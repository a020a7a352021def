// The moderator console: the live open queue, oldest first, the selected item's pane, and keyboard triage.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ModerationItem, Role } from '../../../../server/contracts/api';
import { EmptyState, ErrorNotice, Loading } from '../../components/Notice';
import { useMe } from '../../session/SessionProvider';
import { claimItem } from '../api';
import { useModI18n } from '../i18n/useModI18n';
import { HelpOverlay } from './HelpOverlay';
import { ItemPane, type ItemPaneHandle } from './ItemPane';
import { useQueue } from './useQueue';

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/** The queue and the item pane. */
export function ModerationConsole({ slug, role }: { slug: string; role: Role }) {
  const { t, tn, formatNumber } = useModI18n();
  const me = useMe();
  const queue = useQueue(slug, role);
  const { items } = queue.state;
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [claimError, setClaimError] = useState<unknown>(null);
  const [help, setHelp] = useState(false);
  const pane = useRef<ItemPaneHandle>(null);
  const selected = items.find((item) => item.id === selectedId) ?? null;

  const select = useCallback(
    (item: ModerationItem) => {
      setSelectedId(item.id);
      setClaimError(null);
      if (item.state !== 'open' || item.claimedBy?.user.id === me.id) return;
      claimItem(item.id).then(
        (claimed) => queue.apply(claimed),
        (failure: unknown) => setClaimError(failure),
      );
    },
    [me.id, queue.apply],
  );

  const onDecided = (item: ModerationItem, decided: boolean): void => {
    queue.apply(item, item.post);
    if (!decided) return;
    const index = items.findIndex((i) => i.id === item.id);
    const next = items.slice(index + 1).find((i) => i.state === 'open') ?? items.slice(0, index).find((i) => i.state === 'open');
    if (next) select(next);
  };

  // Latest values for the key handler, which is attached once.
  const latest = useRef({ items, selectedId, select });
  useEffect(() => {
    latest.current = { items, selectedId, select };
  });

  useEffect(() => {
    const onKey = (event: KeyboardEvent): void => {
      if (event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target)) return;
      const { items: list, selectedId: current, select: choose } = latest.current;
      const index = list.findIndex((i) => i.id === current);
      switch (event.key) {
        case 'j':
        case 'k': {
          const to = index === -1 ? 0 : index + (event.key === 'j' ? 1 : -1);
          const target = list[Math.max(0, Math.min(list.length - 1, to))];
          if (target && target.id !== current) choose(target);
          break;
        }
        case 'a':
          pane.current?.decide('approve');
          break;
        case 'e':
          pane.current?.decide('escalate');
          break;
        case 'r':
          pane.current?.focusReason();
          break;
        case '?':
          setHelp((open) => !open);
          break;
        case 'Escape':
          setHelp(false);
          return;
        default:
          return;
      }
      event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  useEffect(() => {
    if (selectedId) document.querySelector(`[data-testid="mod-queue-item"][data-item-id="${CSS.escape(selectedId)}"]`)?.scrollIntoView({ block: 'nearest' });
  }, [selectedId]);

  return (
    <div className="mod-console" data-testid="mod-console" data-realtime={queue.room}>
      <section className="card mod-queue" aria-labelledby="mod-queue-title">
        <header className="mod-queue__header">
          <h2 id="mod-queue-title">{t('queue.title')}</h2>
          <span className="badge" data-testid="mod-open-count" data-count={queue.state.open}>
            {tn('queue.openCount', queue.state.open)}
          </span>
          {queue.state.escalated > 0 && <span className="badge">{t('queue.escalatedCount', { count: formatNumber(queue.state.escalated) })}</span>}
          <span className={`mod-live mod-live--${queue.room}`} data-testid="mod-live">
            {queue.room === 'joined' ? t('queue.live') : queue.room === 'reconnecting' ? t('queue.offline') : ''}
          </span>
        </header>
        <p className="mod-muted">{t('queue.keysHint')}</p>
        {queue.error !== null && <ErrorNotice error={queue.error} onRetry={queue.reload} />}
        {queue.loading && items.length === 0 && queue.error === null && <Loading />}
        {!queue.loading && items.length === 0 && queue.error === null && <EmptyState title={t('queue.empty')} />}
        <ol className="mod-queue__list" data-testid="mod-queue">
          {items.map((item) => {
            const resolved = item.state !== 'open';
            const by = item.resolution?.by;
            const action = item.resolution ? t(`action.${item.resolution.action === 'remove' ? 'remove' : item.resolution.action === 'escalate' ? 'escalate' : 'approve'}`) : '';
            return (
              <li key={item.id}>
                <button
                  type="button"
                  className={`mod-queue__item${resolved ? ' mod-queue__item--resolved' : ''}${item.id === selectedId ? ' mod-queue__item--selected' : ''}`}
                  aria-current={item.id === selectedId ? 'true' : undefined}
                  onClick={() => select(item)}
                  data-testid="mod-queue-item"
                  data-item-id={item.id}
                  data-post-id={item.postId}
                  data-state={item.state}
                >
                  <span className="mod-queue__excerpt">{(item.post?.title ?? item.post?.body ?? '').slice(0, 120)}</span>
                  <span className="mod-queue__meta">
                    {item.post && <span>@{item.post.author.handle}</span>}
                    {item.escalated && !resolved && <span className="badge">{t('queue.escalated')}</span>}
                    {item.reportCount > 0 && <span>{tn('queue.reports', item.reportCount)}</span>}
                    {!resolved && item.claimedBy && (
                      <span data-testid="mod-claimed-by">
                        {item.claimedBy.user.id === me.id ? t('queue.claimedByYou') : t('queue.claimedBy', { name: item.claimedBy.user.displayName })}
                      </span>
                    )}
                    {resolved && (
                      <span data-testid="mod-decided-by">
                        {by ? t('queue.decidedBy', { action, name: by.id === me.id ? me.displayName : by.displayName }) : t('queue.decidedBySomeone', { action })}
                      </span>
                    )}
                  </span>
                </button>
              </li>
            );
          })}
        </ol>
      </section>
      {selected ? (
        <ItemPane key={selected.id} ref={pane} item={selected} claimError={claimError} onDecided={onDecided} />
      ) : (
        <section className="card mod-pane mod-muted">{t('queue.selectHint')}</section>
      )}
      {help && <HelpOverlay onClose={() => setHelp(false)} />}
    </div>
  );
}
