// The e-mail side of event notices (reminders, cancellations, moves).
//
// It is called inside the same transaction as the EventReminderDelivery rows and notifications of a batch, so the
// outbox rows it writes share their exactly-once guarantee: one MailDelivery per recipient, keyed by (kind, the
// notice's delivery key, member), in the recipient's `locale`. The mail worker sends them after commit (the batch
// asks for a `mail` job when this wrote anything). Sending from inside the transaction would send again for a batch
// that rolls back. With e-mail off (no SMTP_URL) nothing is written, so nothing piles up to be sent later.
//
// Event notices obey one per-community switch, `events` (digests have their own, `digest`): a member who switched it
// off gets the in-app notification only.
import type { NotificationKind } from '../contracts/api';
import type { Tx } from '../db/transaction';
import { isMailKind } from '../mail/kinds';
import { recordMail } from '../mail/outbox';

export interface EventNoticeEmailInput {
  kind: NotificationKind;
  /** The notice's delivery key (event, notice kind, offset or sequence, start): unique per notice. */
  refId: string;
  communityId: string;
  /** The notification's data (the same fields the client renders). */
  data: Record<string, unknown>;
  recipients: readonly { userId: string; locale: string; notificationId: string }[];
  now: Date;
}

/** Records the e-mails owed for one batch of event notices; returns how many (0 when e-mail is off). */
export async function recordEventNoticeEmails(tx: Tx, input: EventNoticeEmailInput, options: { emailEnabled: boolean }): Promise<number> {
  if (!options.emailEnabled || !isMailKind(input.kind)) return 0;
  return recordMail(tx, { kind: input.kind, refId: input.refId, communityId: input.communityId, recipients: input.recipients, data: input.data, now: input.now });
}
