// The bell: unread count, and a panel listing notifications. Opening it marks what it shows as read.
import { useEffect, useId, useRef, useState } from 'react';
import type { Notification } from '../../../server/contracts/api';
import { useI18n } from '../i18n/I18nProvider';
import { describeNotification } from '../notifications/describeNotification';
import { useNotifications } from '../notifications/useNotifications';
import { Link } from '../router/Link';
import { TimeStamp } from './TimeStamp';

function NotificationItem({ notification, onOpen }: { notification: Notification; onOpen: () => void }) {
  const { t } = useI18n();
  const { text, reason, href } = describeNotification(notification, t);
  return (
    <li className={notification.readAt ? 'bell__item' : 'bell__item bell__item--unread'}>
      <p>
        {href ? (
          <Link to={href} onClick={onOpen} className="bell__link" data-testid="notification-link">
            {text}
          </Link>
        ) : (
          text
        )}
      </p>
      {reason && <p className="bell__reason">{t('notification.reason', { reason })}</p>}
      <p className="bell__meta">
        <TimeStamp iso={notification.createdAt} />
      </p>
    </li>
  );
}

function BellIcon() {
  return (
    <svg className="bell__icon" viewBox="0 0 24 24" width="22" height="22" aria-hidden="true" focusable="false">
      <path
        d="M12 3a6 6 0 0 0-6 6v3.6L4.3 15.4A1 1 0 0 0 5.2 17h13.6a1 1 0 0 0 .9-1.6L18 12.6V9a6 6 0 0 0-6-6Zm0 19a3 3 0 0 0 2.8-2H9.2a3 3 0 0 0 2.8 2Z"
        fill="currentColor"
      />
    </svg>
  );
}

/** The notifications button and its panel. */
export function NotificationBell() {
  const { t, tn, formatNumber } = useI18n();
  const notifications = useNotifications();
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const root = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return undefined;
    const onKey = (event: KeyboardEvent): void => {
      if (event.key === 'Escape') setOpen(false);
    };
    const onPointer = (event: PointerEvent): void => {
      if (event.target instanceof Node && !root.current?.contains(event.target)) setOpen(false);
    };
    document.addEventListener('keydown', onKey);
    document.addEventListener('pointerdown', onPointer);
    return () => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('pointerdown', onPointer);
    };
  }, [open]);

  const toggle = (): void => {
    setOpen((was) => !was);
    if (!open) notifications.markAllRead().catch(() => undefined);
  };

  return (
    <div className="bell" ref={root}>
      <button
        type="button"
        className="bell__button"
        aria-expanded={open}
        aria-controls={panelId}
        aria-label={tn('notifications.unread', notifications.unread)}
        data-testid="notifications-bell"
        onClick={toggle}
      >
        <BellIcon />
        {notifications.unread > 0 && (
          <span className="bell__count" data-testid="notifications-count">
            {formatNumber(notifications.unread)}
          </span>
        )}
      </button>
      {open && (
        <div className="bell__panel" id={panelId} role="region" aria-label={t('notifications.title')}>
          <h2 className="bell__title">{t('notifications.title')}</h2>
          {notifications.status === 'error' && <p className="bell__empty">{t('notifications.failed')}</p>}
          {notifications.status !== 'error' && notifications.items.length === 0 && (
            <p className="bell__empty">{t('notifications.empty')}</p>
          )}
          <ul className="bell__list">
            {notifications.items.map((item) => (
              <NotificationItem key={item.id} notification={item} onOpen={() => setOpen(false)} />
            ))}
          </ul>
          {notifications.nextCursor && (
            <button type="button" className="button button--secondary" onClick={notifications.loadMore}>
              {t('common.loadMore')}
            </button>
          )}
        </div>
      )}
    </div>
  );
}
