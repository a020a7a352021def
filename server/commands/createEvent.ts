// A manager creates an event: the row, its audit entry, its reminder jobs and the announcement, from one commit.
import type { Db } from '../db/client';
import { inWriteTransaction } from '../db/transaction';
import type { Actor } from '../policies/actor';
import { authorize } from '../policies/community';
import type { Outcome } from './outcome';
import { planEventReminders } from './planEventReminders';
import { recordAudit } from './recordAudit';

/** The fields of a new event, already validated (routes/events/eventSchemas.ts). */
export interface NewEvent {
  title: string;
  description?: string | undefined;
  startsAt: Date;
  endsAt: Date;
  timezone: string;
  location?: string | null | undefined;
  onlineUrl?: string | null | undefined;
  capacity?: number | null | undefined;
  reminders?: number[] | undefined;
}

/** What the audit log keeps of an event's editable fields (before and after a change). */
export function auditFields(event: { title: string; startsAt: Date; endsAt: Date; timezone: string; location: string | null; onlineUrl: string | null; capacity: number | null; reminders: string; status: string; sequence: number }) {
  return {
    title: event.title,
    startsAt: event.startsAt.toISOString(),
    endsAt: event.endsAt.toISOString(),
    timezone: event.timezone,
    location: event.location,
    onlineUrl: event.onlineUrl,
    capacity: event.capacity,
    reminders: event.reminders,
    status: event.status,
    sequence: event.sequence,
  };
}

/** Creates a scheduled event in the actor's community; returns its id, reminder jobs and `event:updated`. */
export async function createEvent(deps: { db: Db; now: Date }, input: { actor: Actor; communityId: string; event: NewEvent }): Promise<Outcome<{ id: string }>> {
  authorize(input.actor, 'event.manage');
  const { event } = input;
  // Stored largest first, as the contract shows them, so the stored text and the presented list agree.
  const reminders = [...new Set(event.reminders ?? [])].sort((a, b) => b - a);
  const row = await inWriteTransaction(deps.db, async (tx) => {
    const created = await tx.event.create({
      data: {
        communityId: input.communityId,
        createdById: input.actor.userId,
        title: event.title,
        description: event.description ?? '',
        startsAt: event.startsAt,
        endsAt: event.endsAt,
        timezone: event.timezone,
        location: event.location ?? null,
        onlineUrl: event.onlineUrl ?? null,
        capacity: event.capacity ?? null,
        reminders: JSON.stringify(reminders),
        createdAt: deps.now,
        updatedAt: deps.now,
      },
    });
    await recordAudit(tx, {
      communityId: input.communityId,
      actorId: input.actor.userId,
      action: 'event.create',
      targetType: 'event',
      targetId: created.id,
      after: auditFields(created),
      now: deps.now,
    });
    return created;
  });
  return {
    value: { id: row.id },
    events: [{ type: 'event:updated', communityId: input.communityId, eventId: row.id }],
    jobs: planEventReminders({ id: row.id, startsAt: row.startsAt, reminders, status: row.status, sequence: row.sequence }, deps.now),
  };
}
