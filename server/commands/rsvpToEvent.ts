// A member's answer to an event. The capacity rule lives in conditional writes on the Event row (a seat is taken only
// by an UPDATE whose WHERE says there is one and nobody waits), the member's own row is changed only from the state
// it was read in, and the whole transition is one transaction: it holds under any concurrency, on SQLite and on
// PostgreSQL READ COMMITTED alike. A write that finds the state moved rolls back and the transition is tried again.
import type { RsvpAnswer } from '../contracts/api';
import type { Db } from '../db/client';
import { isUniqueViolation } from '../db/errors';
import type { EventRsvp, Prisma } from '../db/generated/client';
import { fail } from '../errors';
import { newRsvpCode } from '../lib/rsvpCodes';
import type { Actor } from '../policies/actor';
import { authorize } from '../policies/community';
import type { DomainEvent, Outcome } from './outcome';
import { promoteWaitlisted } from './promoteWaitlisted';

/** Attempts before giving up; each retry means another writer changed this member's row (or a code collided). */
const MAX_ATTEMPTS = 8;

/** The state read before the transition no longer holds: roll back and start over from a fresh read. */
class StaleState extends Error {}

export interface RsvpInput {
  actor: Actor;
  event: { id: string; communityId: string; status: string; endsAt: Date };
  answer: RsvpAnswer;
}

type Counter = 'goingCount' | 'waitlistCount' | 'interestedCount' | 'checkedInCount';

/** Refuses answers to cancelled or finished events with the contract's 409 codes. */
export function assertOpenForRsvp(event: { status: string; endsAt: Date }, now: Date): void {
  if (event.status === 'cancelled') fail('event_cancelled');
  if (event.endsAt.getTime() <= now.getTime()) fail('event_ended');
}

/** Sets the caller's RSVP; returns the row as it now stands. The same answer twice changes nothing. */
export async function rsvpToEvent(deps: { db: Db; now: Date }, input: RsvpInput): Promise<Outcome<{ rsvp: EventRsvp }>> {
  // Leaving is always allowed to a member: a mute or suspension must not hold a seat someone in line is waiting for.
  authorize(input.actor, input.answer === 'not_going' ? 'event.rsvp_leave' : 'event.rsvp');
  assertOpenForRsvp(input.event, deps.now);
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    try {
      return await deps.db.$transaction((tx) => transition(tx, deps.now, { eventId: input.event.id, communityId: input.event.communityId, userId: input.actor.userId, answer: input.answer }), { maxWait: 15_000, timeout: 15_000 });
    } catch (err) {
      if (err instanceof StaleState || isUniqueViolation(err)) continue;
      throw err;
    }
  }
  throw new Error(`RSVP of ${input.actor.userId} to event ${input.event.id} kept colliding`);
}

/** The event was cancelled, ended or deleted after the route loaded it: the same answer as if it had been already. */
async function refuseClosed(tx: Prisma.TransactionClient, eventId: string, now: Date): Promise<never> {
  const event = await tx.event.findUnique({ where: { id: eventId }, select: { status: true, endsAt: true } });
  if (!event) fail('not_found');
  assertOpenForRsvp(event, now);
  throw new StaleState();
}

/** One member's move to a new answer; authorization is the caller's. */
interface Transition {
  eventId: string;
  communityId: string;
  userId: string;
  answer: RsvpAnswer;
}

async function transition(tx: Prisma.TransactionClient, now: Date, input: Transition): Promise<Outcome<{ rsvp: EventRsvp }>> {
  const { eventId, userId } = input;
  // The actor was read before this transaction: a ban committed since (it gives the member's seats back) must not be
  // undone by a seat taken now. Exact on SQLite (one writer at a time); on PostgreSQL a ban committing between this
  // read and our commit can still slip by, and the attendee list and check-in require an active membership anyway.
  if (input.answer !== 'not_going') {
    const member = await tx.membership.findFirst({ where: { communityId: input.communityId, userId, status: 'active' }, select: { id: true } });
    if (!member) fail('not_found');
  }
  const current = await tx.eventRsvp.findUnique({ where: { eventId_userId: { eventId, userId } } });
  const old = current?.status ?? null;
  // Asking to go while waiting keeps the place in line; repeating an answer is a no-op.
  if (old === input.answer || (input.answer === 'going' && old === 'waitlisted')) return { value: { rsvp: current as EventRsvp }, events: [], jobs: [] };

  // Counters for leaving the old answer; the Event row is written first, so writers of one event queue on its lock.
  const leave: Partial<Record<Counter, { decrement: number }>> = {};
  if (old === 'going') leave.goingCount = { decrement: 1 };
  if (old === 'going' && current?.checkedInAt) leave.checkedInCount = { decrement: 1 };
  if (old === 'waitlisted') leave.waitlistCount = { decrement: 1 };
  if (old === 'interested') leave.interestedCount = { decrement: 1 };
  const open = { id: eventId, status: 'scheduled', endsAt: { gt: now } };

  let status: string = input.answer;
  let position: number | null = null;
  if (input.answer === 'going') {
    // A seat only when one is free and nobody is waiting for it (FIFO: no jumping the line).
    const seated = await tx.event.updateMany({
      where: { ...open, waitlistCount: 0, OR: [{ capacity: null }, { goingCount: { lt: tx.event.fields.capacity } }] },
      data: { ...leave, goingCount: { increment: 1 } },
    });
    if (seated.count === 0) {
      const [line] = await tx.event.updateManyAndReturn({ where: open, data: { ...leave, waitlistCount: { increment: 1 } }, select: { waitlistCount: true } });
      if (!line) return refuseClosed(tx, eventId, now);
      status = 'waitlisted';
      position = line.waitlistCount;
    }
  } else {
    const data = input.answer === 'interested' ? { ...leave, interestedCount: { increment: 1 } } : leave;
    const changed = Object.keys(data).length === 0 ? { count: 1 } : await tx.event.updateMany({ where: open, data });
    if (changed.count === 0) return refuseClosed(tx, eventId, now);
  }

  const fields = { status, position, updatedAt: now, ...(old === 'going' ? { checkedInAt: null, checkedInById: null } : {}) };
  let rsvp: EventRsvp;
  if (!current) {
    rsvp = await tx.eventRsvp.create({ data: { eventId, userId, code: newRsvpCode(), createdAt: now, ...fields } });
  } else {
    // Only from the state it was read in: a promotion, a shift or a check-in in between makes this match nothing. The
    // read came before the Event row's lock, and the counter deltas above (checkedInCount too) were computed from it.
    const [row] = await tx.eventRsvp.updateManyAndReturn({
      where: { id: current.id, status: current.status, position: current.position, checkedInAt: current.checkedInAt },
      data: fields,
    });
    if (!row) throw new StaleState();
    rsvp = row;
  }

  const events: DomainEvent[] = [{ type: 'event:updated', communityId: input.communityId, eventId }];
  if (old === 'waitlisted' && current?.position != null) {
    // Close the gap: everyone behind moves up one place.
    await tx.eventRsvp.updateMany({ where: { eventId, status: 'waitlisted', position: { gt: current.position } }, data: { position: { decrement: 1 } } });
  }
  if (old === 'going') events.push(...(await promoteWaitlisted(tx, { eventId, communityId: input.communityId, now })));
  return { value: { rsvp }, events, jobs: [] };
}

/**
 * Gives back the member's going and waitlisted places in the community's upcoming events (scheduled, not ended) as
 * if they had answered not_going: the gap in the line closes, the first in line is promoted and notified. Runs in the
 * caller's transaction (a ban: server/commands/sanctionMember.ts), so the member loses the membership and the seats
 * together. Returns the domain events to announce: one event:updated per touched event and the promotion notices.
 */
export async function releaseMemberSeats(tx: Prisma.TransactionClient, input: { communityId: string; userId: string; now: Date }): Promise<DomainEvent[]> {
  const held = await tx.eventRsvp.findMany({
    where: { userId: input.userId, status: { in: ['going', 'waitlisted'] }, event: { communityId: input.communityId, status: 'scheduled', endsAt: { gt: input.now } } },
    select: { eventId: true },
    // A fixed order, so two transactions releasing seats of the same events lock their rows in the same order.
    orderBy: { eventId: 'asc' },
  });
  const events: DomainEvent[] = [];
  for (const { eventId } of held) {
    // The Event row is locked before the member's row is read: every writer of an event's RSVP rows writes the Event
    // row first, so nothing moves the row read below until this transaction ends (on PostgreSQL READ COMMITTED too),
    // and the transition cannot meet a stale state. An event that closed meanwhile keeps its rows, as a close does.
    const locked = await tx.event.updateMany({ where: { id: eventId, status: 'scheduled', endsAt: { gt: input.now } }, data: { updatedAt: input.now } });
    if (locked.count === 0) continue;
    const outcome = await transition(tx, input.now, { eventId, communityId: input.communityId, userId: input.userId, answer: 'not_going' });
    events.push(...outcome.events);
  }
  return events;
}
