import type { Db } from '../db/client';

/** Marks the caller's own notifications read; ids of other users' notifications are ignored. */
export async function markNotificationsRead(deps: { db: Db; now: Date }, input: { userId: string; ids: string[] }): Promise<void> {
  await deps.db.notification.updateMany({
    where: { id: { in: input.ids }, userId: input.userId, readAt: null },
    data: { readAt: deps.now },
  });
}
