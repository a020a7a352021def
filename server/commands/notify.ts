// Notifications are rows written inside the caller's transaction; the event announcing them is returned.
import { newId } from '../lib/ids';
import type { NotificationKind } from '../contracts/api';
import type { Prisma } from '../db/generated/client';
import { sqlDate, type SqlRunner } from '../db/sqlLane';
import type { DomainEvent } from './outcome';


export interface NotificationInput {
  userId: string;
  communityId: string | null;
  kind: NotificationKind;
  data: Record<string, unknown>;
  now: Date;
}

/** Writes a notification in the given transaction and returns the event that delivers it live. */
export async function notify(tx: Prisma.TransactionClient, input: NotificationInput): Promise<DomainEvent> {
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

const INSERT_NOTIFICATION = 'INSERT INTO "Notification" (id, userId, communityId, kind, data, createdAt) VALUES (?, ?, ?, ?, ?, ?)';

/** The same, inside a transaction on the SQL lane (the flagging worker's). */
export function notifyOnLane(q: SqlRunner, input: NotificationInput): DomainEvent {
  const id = newId();
  q.run(INSERT_NOTIFICATION, id, input.userId, input.communityId, input.kind, JSON.stringify(input.data), sqlDate(input.now));
  return { type: 'notification', userId: input.userId, notificationId: id };
}

/** Writes one notification per input in a single statement (any number of rows) and returns their events. */
export async function notifyMany(tx: Prisma.TransactionClient, inputs: NotificationInput[]): Promise<DomainEvent[]> {
  if (inputs.length === 0) return [];
  const rows = await tx.notification.createManyAndReturn({
    data: inputs.map((input) => ({
      userId: input.userId,
      communityId: input.communityId,
      kind: input.kind,
      data: JSON.stringify(input.data),
      createdAt: input.now,
    })),
    select: { id: true, userId: true },
  });
  return rows.map((row) => ({ type: 'notification', userId: row.userId, notificationId: row.id }));
}
