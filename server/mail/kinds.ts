// What e-mail Rukun sends and which per-community switch each message obeys.

/** The switches a member has per community: digest e-mails, and event notices (reminders, cancellations, moves). */
export const EMAIL_PREFERENCE_KINDS = ['digest', 'events'] as const;
export type EmailPreferenceKind = (typeof EMAIL_PREFERENCE_KINDS)[number];

/** Outbox kinds: the event notices' notification kinds, and `digest` (the digests work writes those rows). */
export const MAIL_KINDS = ['event_reminder', 'event_cancelled', 'event_moved', 'digest'] as const;
export type MailKind = (typeof MAIL_KINDS)[number];

/** Whether `kind` is an outbox kind this version knows. */
export function isMailKind(kind: string): kind is MailKind {
  return (MAIL_KINDS as readonly string[]).includes(kind);
}

/** The switch a message of `kind` obeys: event notices share one per community, digests have their own. */
export function preferenceKindOf(kind: MailKind): EmailPreferenceKind {
  return kind === 'digest' ? 'digest' : 'events';
}

/** Outbox kinds that obey the switch `kind`. */
export function mailKindsOf(kind: EmailPreferenceKind): MailKind[] {
  return MAIL_KINDS.filter((k) => preferenceKindOf(k) === kind);
}
