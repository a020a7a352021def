// A manager cancels an event: one conditional write (scheduled and not ended -> cancelled), so a second cancel, or a
// cancel racing an edit, gets a clear 409 instead of a second notice. Members hear of it through the `cancelled`
// job (a notification to everyone who answered) and `event:updated`; reminders already queued find the event
// cancelled and send nothing.
import type { Db } from '../db/client';
import { inWriteTransaction } from '../db/transaction';
import type { Actor } from '../policies/actor';
import { authorize } from '../policies/community';
import { auditFields } from './createEvent';
import type { Outcome } from './outcome';
import { recordAudit } from './recordAudit';
import { assertChangeable, explainMiss } from './updateEvent';

/** Cancels a scheduled event that has not ended; 409 event_cancelled or event_ended otherwise. */
export async function cancelEvent(
  deps: { db: Db; now: Date },
  input: { actor: Actor; event: { id: string; communityId: string; status: string; endsAt: Date } },
): Promise<Outcome<{ id: string }>> {
  authorize(input.actor, 'event.manage');
  const { event } = input;
  assertChangeable(event, deps.now);
  await inWriteTransaction(deps.db, async (tx) => {
    const before = await tx.event.findUniqueOrThrow({ where: { id: event.id } });
    const written = await tx.event.updateMany({
      where: { id: event.id, status: 'scheduled', endsAt: { gt: deps.now } },
      data: { status: 'cancelled', cancelledAt: deps.now, sequence: { increment: 1 }, updatedAt: deps.now },
    });
    if (written.count === 0) await explainMiss(tx, event.id, deps.now);
    const after = await tx.event.findUniqueOrThrow({ where: { id: event.id } });
    await recordAudit(tx, {
      communityId: event.communityId,
      actorId: input.actor.userId,
      action: 'event.cancel',
      targetType: 'event',
      targetId: event.id,
      before: auditFields(before),
      after: auditFields(after),
      now: deps.now,
    });
  });
  return {
    value: { id: event.id },
    events: [{ type: 'event:updated', communityId: event.communityId, eventId: event.id }],
    jobs: [{ queue: 'events', name: 'cancelled', data: { eventId: event.id }, delayMs: 0 }],
  };
}
