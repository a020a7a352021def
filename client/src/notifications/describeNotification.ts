// The sentence for a notification, by its kind, in the reader's language. The Record over the server's
// NotificationKind makes a new kind without a sentence a compile error; kinds unknown at run time read generically.
import type { Notification, NotificationKind, Role, SanctionKind } from '../../../server/contracts/api';
import type { Translate } from '../i18n/types';
import { myFeedbackPath } from '../feedback/routes';

export interface NotificationText {
  text: string;
  /** The moderator's reason, when the notification carries one. */
  reason: string | null;
  /** Where the notification leads (the event page for event notifications), or null. */
  href: string | null;
}

interface Facts {
  community: string;
  data: Record<string, unknown>;
  t: Translate;
}

const text = (data: Record<string, unknown>, key: string): string | null => {
  const value = data[key];
  return typeof value === 'string' && value.trim() ? value : null;
};

const isRole = (value: unknown): value is Role =>
  value === 'member' || value === 'moderator' || value === 'manager' || value === 'owner';

function sanctioned({ community, data, t }: Facts): string {
  const kind: SanctionKind | null =
    data.kind === 'warn' || data.kind === 'mute' || data.kind === 'suspend' || data.kind === 'ban' ? data.kind : null;
  if (kind === 'warn') return t('notification.sanctioned_warn', { community });
  if (kind === 'mute') return t('notification.sanctioned_mute', { community });
  if (kind === 'suspend') return t('notification.sanctioned_suspend', { community });
  if (kind === 'ban') return t('notification.sanctioned_ban', { community });
  return t('notification.sanctioned', { community });
}

const DESCRIBE: Record<NotificationKind, (facts: Facts) => string> = {
  post_held: ({ community, t }) => t('notification.post_held', { community }),
  post_approved: ({ community, t }) => t('notification.post_approved', { community }),
  post_removed: ({ community, t }) => t('notification.post_removed', { community }),
  report_resolved: ({ community, data, t }) =>
    data.outcome === 'remove'
      ? t('notification.report_resolved_removed', { community })
      : t('notification.report_resolved', { community }),
  sanctioned,
  sanction_lifted: ({ community, t }) => t('notification.sanction_lifted', { community }),
  event_promoted: ({ data, t }) => t('notification.event_promoted', { title: text(data, 'title') ?? '' }),
  event_reminder: ({ data, t }) => t('notification.event_reminder', { title: text(data, 'title') ?? '' }),
  event_cancelled: ({ data, t }) => t('notification.event_cancelled', { title: text(data, 'title') ?? '' }),
  event_moved: ({ data, t }) => t('notification.event_moved', { title: text(data, 'title') ?? '' }),
  feedback_reply: ({ community, t }) => t('notification.feedback_reply', { community }),
  role_changed: ({ community, data, t }) => {
    const role = isRole(data.to) ? t(`role.${data.to}`) : null;
    return role ? t('notification.role_changed_to', { community, role }) : t('notification.role_changed', { community });
  },
};

function isKnownKind(kind: string): kind is NotificationKind {
  return Object.hasOwn(DESCRIBE, kind);
}

const EVENT_KINDS: ReadonlySet<string> = new Set(['event_promoted', 'event_reminder', 'event_cancelled', 'event_moved']);

/** The in-app path a notification leads to: the event page for event notifications, my feedback for a reply, else null. */
export function notificationHref(notification: Pick<Notification, 'kind' | 'data'>): string | null {
  if (notification.kind === 'feedback_reply') return myFeedbackPath(text(notification.data, 'feedbackId'));
  const eventId = text(notification.data, 'eventId');
  return EVENT_KINDS.has(notification.kind) && eventId ? `/events/${encodeURIComponent(eventId)}` : null;
}

/** Notification excerpts stay one line long. */
const EXCERPT_LENGTH = 80;

/** The start of a staff reply (data.excerpt) on one line, shortened to EXCERPT_LENGTH code points. */
function excerptOf(data: Record<string, unknown>): string | null {
  const raw = text(data, 'excerpt');
  if (!raw) return null;
  const points = Array.from(raw.replace(/\s+/g, ' ').trim());
  return points.length > EXCERPT_LENGTH ? `${points.slice(0, EXCERPT_LENGTH - 1).join('').trimEnd()}…` : points.join('');
}

/** A staff reply to my feedback quotes the start of the reply when the notification carries it. */
function withExcerpt(notification: Notification, community: string, sentence: string, t: Translate): string {
  if (notification.kind !== 'feedback_reply') return sentence;
  const excerpt = excerptOf(notification.data);
  return excerpt ? t('notification.feedback_reply_excerpt', { community, excerpt }) : sentence;
}

/** What a notification says, with the reason a moderator gave if any. */
export function describeNotification(notification: Notification, t: Translate): NotificationText {
  const { data } = notification;
  const community = text(data, 'communityName') ?? notification.communitySlug ?? '';
  const sentence = isKnownKind(notification.kind)
    ? DESCRIBE[notification.kind]({ community, data, t })
    : t('notification.generic');
  return { text: withExcerpt(notification, community, sentence, t), reason: text(data, 'reason'), href: notificationHref(notification) };
}
