// Moves the head of an event's waitlist to going while there are free seats, in FIFO order, in the caller's
// transaction. Called after a going member leaves (rsvpToEvent) and after capacity rises (the event edit).
import type { Prisma } from '../db/generated/client';
import { notifyMany } from './notify';
import type { DomainEvent } from './outcome';

/** Attempts at the counter compare-and-set before giving up; only a concurrent writer on the event can make it miss. */
const MAX_ATTEMPTS = 5;

export interface PromoteInput {
  eventId: string;
  communityId: string;
  now: Date;
}

/**
 * Promotes waitlisted members (positions 1..k) to going while goingCount < capacity (or without limit), shifts the
 * rest of the line down by k so positions stay 1..n, updates the counters and writes one `event_promoted`
 * notification per promoted member. Returns the notifications' events; the caller announces `event:updated`.
 * A fixed number of statements for any k: read, counter compare-and-set, promote, shift, notify.
 */
export async function promoteWaitlisted(tx: Prisma.TransactionClient, input: PromoteInput): Promise<DomainEvent[]> {
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const event = await tx.event.findUnique({
      where: { id: input.eventId },
      select: { capacity: true, goingCount: true, waitlistCount: true, status: true, endsAt: true, title: true, startsAt: true, timezone: true },
    });
    // Nobody is admitted to a cancelled or finished event: the line simply stays where it is.
    if (!event || event.status !== 'scheduled' || event.endsAt.getTime() <= input.now.getTime()) return [];
    const room = event.capacity === null ? event.waitlistCount : Math.max(0, event.capacity - event.goingCount);
    const k = Math.min(room, event.waitlistCount);
    if (k === 0) return [];
    // The decision is only valid for the counters it was made from: the update matches them or nothing (on
    // PostgreSQL READ COMMITTED the WHERE is re-checked after the row lock, so two promoters cannot both win).
    const claimed = await tx.event.updateMany({
      where: { id: input.eventId, goingCount: event.goingCount, waitlistCount: event.waitlistCount },
      data: { goingCount: { increment: k }, waitlistCount: { decrement: k } },
    });
    if (claimed.count === 0) continue;
    const promoted = await tx.eventRsvp.updateManyAndReturn({
      where: { eventId: input.eventId, status: 'waitlisted', position: { lte: k } },
      data: { status: 'going', position: null, updatedAt: input.now },
      select: { userId: true },
    });
    // Counters and rows are written together everywhere; a mismatch means a bug, and rolling back beats drifting.
    if (promoted.length !== k) throw new Error(`waitlist of event ${input.eventId} out of step: promoted ${promoted.length}, expected ${k}`);
    if (event.waitlistCount > k) {
      await tx.eventRsvp.updateMany({ where: { eventId: input.eventId, status: 'waitlisted' }, data: { position: { decrement: k } } });
    }
    const data = { eventId: input.eventId, title: event.title, startsAt: event.startsAt.toISOString(), timezone: event.timezone };
    return notifyMany(
      tx,
      promoted.map((row) => ({ userId: row.userId, communityId: input.communityId, kind: 'event_promoted' as const, data, now: input.now })),
    );
  }
  throw new Error(`could not promote the waitlist of event ${input.eventId}: its counters kept changing`);
}
