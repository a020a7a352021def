// Notifications are rows written inside the caller's transaction; the event announcing them is returned.
import type { Prisma } from '../db/generated/client';
import type { DomainEvent } from './outcome';

export type NotificationKind =
  | 'post_held'
  | 'role_changed'
  | 'sanctioned'
  | 'sanction_lifted'
  | 'post_approved'
  | 'post_removed'
  | 'report_resolved';

/** Writes a notification in the given transaction and returns the event that delivers it live. */
export async function notify(
  tx: Prisma.TransactionClient,
  input: { userId: string; communityId: string | null; kind: NotificationKind; data: Record<string, unknown>; now: Date },
): Promise<DomainEvent> {
  const row = await tx.notification.create({
    data: {
      userId: input.userId,
      communityId: input.communityId,
      kind: input.kind,
      data: JSON.stringify(input.data),
      createdAt: input.now,
    },
  });
  return { type: 'notification', userId: input.userId, notificationId: row.id };
}
