// The e-mail seam of event notices (reminders, cancellations). Rukun has no mailer yet: the digests issue adds SMTP.
// Until then this records nothing and no e-mail is sent; members get the in-app notification only.
//
// It is called inside the same transaction as the EventReminderDelivery rows and notifications of a batch, so
// whatever it writes shares their exactly-once guarantee. The digests work should extend this one function: write
// one outbox row per recipient here (in the recipient's `locale`, "id" or "en"), and let a mail worker send the
// outbox after commit. Sending mail from inside the transaction would send again for a batch that rolls back.
import type { NotificationKind } from '../contracts/api';
import type { Tx } from '../db/transaction';

export interface EventNoticeEmailInput {
  kind: NotificationKind;
  /** The notification's data (the same fields the client renders). */
  data: Record<string, unknown>;
  recipients: readonly { userId: string; locale: string; notificationId: string }[];
  now: Date;
}

/** Records the e-mails owed for one batch of event notices; a no-op until SMTP exists (the digests issue). */
export async function recordEventNoticeEmails(_tx: Tx, _input: EventNoticeEmailInput): Promise<void> {
  // Deliberately empty: see the file comment.
}
