// A manager edits an event. The write is conditional on the event being the one the edit was checked against
// (same `sequence`), still scheduled and not ended, so two editors or an edit racing a cancellation cannot both win,
// on SQLite or PostgreSQL alike. Every edit bumps `sequence` (iCalendar SEQUENCE), so calendars pick it up.
import type { Db } from '../db/client';
import type { Prisma } from '../db/generated/client';
import { inWriteTransaction, type Tx } from '../db/transaction';
import { fail } from '../errors';
import type { Actor } from '../policies/actor';
import { authorize } from '../policies/community';
import { parseReminders } from '../presenters/presentEvent';
import { auditFields } from './createEvent';
import type { DomainEvent, Outcome } from './outcome';
import { planEventReminders } from './planEventReminders';
import { promoteWaitlisted } from './promoteWaitlisted';
import { recordAudit } from './recordAudit';

/** Fields an edit may set; null clears location, onlineUrl and capacity. Absent fields stay as they are. */
export interface EventPatch {
  title?: string | undefined;
  description?: string | undefined;
  startsAt?: Date | undefined;
  endsAt?: Date | undefined;
  timezone?: string | undefined;
  location?: string | null | undefined;
  onlineUrl?: string | null | undefined;
  capacity?: number | null | undefined;
  reminders?: number[] | undefined;
}

/** The stored event an edit starts from (as loadVisibleEvent returns it). */
export interface EditableEvent {
  id: string;
  communityId: string;
  status: string;
  sequence: number;
  startsAt: Date;
  endsAt: Date;
  capacity: number | null;
  reminders: string;
}

/** 409 for an event that no longer takes edits: cancelled, or its end has passed. */
export function assertChangeable(event: { status: string; endsAt: Date }, now: Date): void {
  if (event.status === 'cancelled') fail('event_cancelled');
  if (event.endsAt.getTime() <= now.getTime()) fail('event_ended');
}

/** Why a conditional write on an event matched nothing: it was cancelled, it ended, or someone else changed it. */
export async function explainMiss(tx: Pick<Tx, 'event'>, eventId: string, now: Date): Promise<never> {
  const fresh = await tx.event.findUnique({ where: { id: eventId }, select: { status: true, endsAt: true } });
  if (!fresh) fail('not_found');
  assertChangeable(fresh, now);
  return fail('version_conflict');
}

/** Whether more members may now be going than before: the capacity rose or the limit was lifted. */
export function capacityRose(before: number | null, after: number | null): boolean {
  if (before === null) return false;
  return after === null || after > before;
}

/** The columns an edit writes: only the fields it names (undefined leaves a column alone, null clears it). */
function patchData(patch: EventPatch, reminders: number[] | undefined): Prisma.EventUpdateManyMutationInput {
  const { reminders: _offsets, ...fields } = patch;
  // Prisma leaves a column alone for an undefined value.
  return { ...fields, ...(reminders !== undefined ? { reminders: JSON.stringify(reminders) } : {}) };
}

function sameList(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((value, i) => value === b[i]);
}

/**
 * Applies `patch` to `event` when it is still at `event.sequence` (and at `expectedSequence`, the one the editor
 * loaded, when given); 409 version_conflict otherwise. Re-plans reminders when the start or the offsets change (jobs
 * planned for the old start find it stale and do nothing) and, when room was made, promotes the waitlist.
 */
export async function updateEvent(
  deps: { db: Db; now: Date },
  input: { actor: Actor; event: EditableEvent; patch: EventPatch; expectedSequence?: number | undefined },
): Promise<Outcome<{ id: string }>> {
  authorize(input.actor, 'event.manage');
  const { event, patch } = input;
  assertChangeable(event, deps.now);
  if (input.expectedSequence !== undefined && input.expectedSequence !== event.sequence) fail('version_conflict');
  const reminders = patch.reminders ? [...new Set(patch.reminders)].sort((a, b) => b - a) : undefined;
  const result = await inWriteTransaction(deps.db, async (tx) => {
    const before = await tx.event.findUniqueOrThrow({ where: { id: event.id } });
    const written = await tx.event.updateMany({
      where: { id: event.id, sequence: event.sequence, status: 'scheduled', endsAt: { gt: deps.now } },
      data: { ...patchData(patch, reminders), sequence: { increment: 1 }, updatedAt: deps.now },
    });
    if (written.count === 0) return explainMiss(tx, event.id, deps.now);
    const after = await tx.event.findUniqueOrThrow({ where: { id: event.id } });
    await recordAudit(tx, {
      communityId: event.communityId,
      actorId: input.actor.userId,
      action: 'event.update',
      targetType: 'event',
      targetId: event.id,
      before: auditFields(before),
      after: auditFields(after),
      now: deps.now,
    });
    // Promotion reads the counters this transaction now sees, so it admits exactly as many as the new room allows.
    const promoted: DomainEvent[] = capacityRose(before.capacity, after.capacity)
      ? await promoteWaitlisted(tx, { eventId: event.id, communityId: event.communityId, now: deps.now })
      : [];
    return { before, after, promoted };
  });
  const { before, after } = result;
  const moved = before.startsAt.getTime() !== after.startsAt.getTime();
  const offsetsChanged = !sameList(parseReminders(before.reminders), parseReminders(after.reminders));
  return {
    value: { id: event.id },
    events: [{ type: 'event:updated', communityId: event.communityId, eventId: event.id }, ...result.promoted],
    jobs: [
      ...(moved || offsetsChanged ? planEventReminders({ id: after.id, startsAt: after.startsAt, reminders: parseReminders(after.reminders), status: after.status, sequence: after.sequence }, deps.now) : []),
      // Going and waitlisted members hear of a new start (server/commands/sendEventMoved.ts).
      ...(moved
        ? [{ queue: 'events' as const, name: 'moved' as const, data: { eventId: after.id, startsAt: after.startsAt.toISOString(), previousStartsAt: before.startsAt.toISOString(), sequence: after.sequence }, delayMs: 0 }]
        : []),
    ],
  };
}
