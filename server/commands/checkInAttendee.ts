// Marking arrivals at the door (and undoing a mistaken mark). The Event row's checkedInCount moves in the same
// transaction as the RSVP row, written first so that check-ins and RSVPs of one event queue on the same lock; the
// RSVP row changes only from the state that makes the count right (going and not yet in, or in), so a repeated or
// concurrent check-in counts once.
import type { Db } from '../db/client';
import type { EventRsvp, Prisma } from '../db/generated/client';
import { fail } from '../errors';
import { normalizeRsvpCode } from '../lib/rsvpCodes';
import type { Actor } from '../policies/actor';
import { authorize } from '../policies/community';
import type { Outcome } from './outcome';

/** Check-in opens this long before the start and closes this long after the end (late scans, paper lists typed in later). */
export const CHECKIN_WINDOW_MS = 24 * 3_600_000;

export interface CheckInInput {
  actor: Actor;
  event: { id: string; communityId: string; status: string; startsAt: Date; endsAt: Date };
  /** Whom: by user id (the attendee list) or by the code on their QR code (the door). */
  who: { userId: string } | { code: string };
}

/** No change was made: roll the counter back and report why from a fresh read. */
class NothingToDo extends Error {}

/** Refuses check-ins to cancelled events and outside the window around the event. */
function assertCheckInOpen(event: CheckInInput['event'], now: Date): void {
  if (event.status === 'cancelled') fail('event_cancelled');
  const t = now.getTime();
  if (t < event.startsAt.getTime() - CHECKIN_WINDOW_MS || t > event.endsAt.getTime() + CHECKIN_WINDOW_MS) fail('checkin_closed');
}

/**
 * The RSVP row a check-in names. Arrivals need an active membership: a banned member's code must not open the door
 * (a ban gives the seat back, and this also covers rows from before that rule). Undoing a mark needs no membership.
 */
function whereWho(event: CheckInInput['event'], who: CheckInInput['who'], arrived: boolean): Prisma.EventRsvpWhereInput {
  const row = 'userId' in who ? { eventId: event.id, userId: who.userId } : { eventId: event.id, code: normalizeRsvpCode(who.code) };
  return arrived ? { ...row, user: { memberships: { some: { communityId: event.communityId, status: 'active' } } } } : row;
}

/** Marks a going member as arrived; marking twice returns the first mark unchanged. */
export async function checkInAttendee(deps: { db: Db; now: Date }, input: CheckInInput): Promise<Outcome<{ rsvp: EventRsvp }>> {
  return mark(deps, input, { arrived: true });
}

/** Takes a mistaken check-in back; undoing one that is not there is a no-op. */
export async function undoCheckIn(deps: { db: Db; now: Date }, input: CheckInInput): Promise<Outcome<{ rsvp: EventRsvp }>> {
  return mark(deps, input, { arrived: false });
}

async function mark(deps: { db: Db; now: Date }, input: CheckInInput, to: { arrived: boolean }): Promise<Outcome<{ rsvp: EventRsvp }>> {
  authorize(input.actor, 'event.attendees');
  assertCheckInOpen(input.event, deps.now);
  const eventId = input.event.id;
  try {
    const rsvp = await deps.db.$transaction(
      async (tx) => {
        await tx.event.update({ where: { id: eventId }, data: { checkedInCount: to.arrived ? { increment: 1 } : { decrement: 1 } } });
        const target = await tx.eventRsvp.findFirst({ where: whereWho(input.event, input.who, to.arrived), select: { id: true } });
        if (!target) throw new NothingToDo();
        const [row] = await tx.eventRsvp.updateManyAndReturn({
          where: { id: target.id, status: 'going', checkedInAt: to.arrived ? null : { not: null } },
          data: to.arrived ? { checkedInAt: deps.now, checkedInById: input.actor.userId } : { checkedInAt: null, checkedInById: null },
        });
        if (!row) throw new NothingToDo();
        return row;
      },
      { maxWait: 15_000, timeout: 15_000 },
    );
    return { value: { rsvp }, events: [{ type: 'event:updated', communityId: input.event.communityId, eventId }], jobs: [] };
  } catch (err) {
    if (!(err instanceof NothingToDo)) throw err;
  }
  // Rolled back: say why from what is there now. An unknown code (or one of a member no longer active) is not found; a
  // member who is not going cannot come in.
  const row = await deps.db.eventRsvp.findFirst({ where: whereWho(input.event, input.who, to.arrived) });
  if (!row) fail('userId' in input.who ? 'rsvp_not_going' : 'not_found');
  if (row.status !== 'going') fail('rsvp_not_going');
  return { value: { rsvp: row }, events: [], jobs: [] };
}
