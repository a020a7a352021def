// The RSVP hot path on the SQL lane (server/db/sqlLane.ts), SQLite only. bench:events measured the Prisma version
// (rsvpToEvent.ts, kept as the portable one for PostgreSQL) at 6-8 ms of CPU per RSVP, about 130 RSVPs/s on this
// machine; the same statements as prepared better-sqlite3 statements cost microseconds (bench/README.md, Events).
// The rules are the same conditional writes: a seat is taken only by an UPDATE whose WHERE says there is one and
// nobody waits; the waitlist place is the counter the UPDATE returns. The work runs synchronously inside one lane
// transaction (its own savepoint), so nothing else on the connection runs between its read and its writes.
import type { RsvpAnswer } from '../contracts/api';
import { newId } from '../lib/ids';
import { newRsvpCode } from '../lib/rsvpCodes';
import { fromSqlDate, sqlDate, type SqlLane, type SqlRunner } from '../db/sqlLane';
import { fail } from '../errors';
import type { Actor } from '../policies/actor';
import { authorize } from '../policies/community';
import { notifyOnLane } from './notify';
import type { DomainEvent, Outcome } from './outcome';
import { assertOpenForRsvp } from './rsvpToEvent';

export interface LaneRsvpRow {
  id: string;
  eventId: string;
  userId: string;
  status: string;
  position: number | null;
  code: string;
  checkedInAt: Date | null;
  updatedAt: Date;
}

interface StoredRsvp {
  id: string;
  eventId: string;
  userId: string;
  status: string;
  position: number | null;
  code: string;
  checkedInAt: string | null;
  updatedAt: string;
}

const MINE = 'SELECT id, eventId, userId, status, position, code, checkedInAt, updatedAt FROM "EventRsvp" WHERE eventId = ? AND userId = ?';
const COUNTERS = 'goingCount = goingCount + ?, waitlistCount = waitlistCount + ?, interestedCount = interestedCount + ?, checkedInCount = checkedInCount + ?, updatedAt = ?';
const OPEN = `id = ? AND status = 'scheduled' AND endsAt > ?`;
const TAKE_SEAT = `UPDATE "Event" SET ${COUNTERS} WHERE ${OPEN} AND waitlistCount = 0 AND (capacity IS NULL OR goingCount < capacity)`;
const JOIN_LINE = `UPDATE "Event" SET ${COUNTERS} WHERE ${OPEN} RETURNING waitlistCount`;
const MOVE = `UPDATE "Event" SET ${COUNTERS} WHERE ${OPEN}`;
const ACTIVE_MEMBER = `SELECT 1 AS one FROM "Membership" WHERE communityId = ? AND userId = ? AND status = 'active'`;
const EVENT_STATE = 'SELECT status, endsAt, capacity, goingCount, waitlistCount, title, startsAt, timezone FROM "Event" WHERE id = ?';
const INSERT = 'INSERT INTO "EventRsvp" (id, eventId, userId, status, position, code, createdAt, updatedAt) VALUES (?, ?, ?, ?, ?, ?, ?, ?)';
const UPDATE = 'UPDATE "EventRsvp" SET status = ?, position = ?, updatedAt = ?, checkedInAt = CASE WHEN ? THEN NULL ELSE checkedInAt END, checkedInById = CASE WHEN ? THEN NULL ELSE checkedInById END WHERE id = ?';
const CLOSE_GAP = `UPDATE "EventRsvp" SET position = position - ? WHERE eventId = ? AND status = 'waitlisted' AND position > ?`;
const PROMOTE_COUNTERS = `UPDATE "Event" SET goingCount = goingCount + ?, waitlistCount = waitlistCount - ?, updatedAt = ? WHERE id = ?`;
const PROMOTE = `UPDATE "EventRsvp" SET status = 'going', position = NULL, updatedAt = ? WHERE eventId = ? AND status = 'waitlisted' AND position <= ? RETURNING userId`;

/** Attempts at a fresh check-in code when one collides with another RSVP's in the same event. */
const CODE_ATTEMPTS = 8;

function asRow(stored: StoredRsvp): LaneRsvpRow {
  return { ...stored, checkedInAt: fromSqlDate(stored.checkedInAt), updatedAt: fromSqlDate(stored.updatedAt) };
}

/** Sets the caller's RSVP on the SQL lane; the same contract as rsvpToEvent. */
export async function rsvpOnLane(deps: { sql: SqlLane; now: Date }, input: { actor: Actor; event: { id: string; communityId: string; status: string; endsAt: Date }; answer: RsvpAnswer }): Promise<Outcome<{ rsvp: LaneRsvpRow }>> {
  // Leaving is always allowed to a member: a mute or suspension must not hold a seat someone in line is waiting for.
  authorize(input.actor, input.answer === 'not_going' ? 'event.rsvp_leave' : 'event.rsvp');
  assertOpenForRsvp(input.event, deps.now);
  return deps.sql.write((q) => transition(q, { ...input, now: deps.now }));
}

function transition(q: SqlRunner, input: { actor: Actor; event: { id: string; communityId: string }; answer: RsvpAnswer; now: Date }): Outcome<{ rsvp: LaneRsvpRow }> {
  const eventId = input.event.id;
  const userId = input.actor.userId;
  const at = sqlDate(input.now);
  // The actor was read before this write: a ban committed in between (it gives the member's seats back) must not be
  // undone by a seat taken now. Inside the lane write nothing else runs, so this check is exact. Leaving needs none.
  if (input.answer !== 'not_going' && !q.get(ACTIVE_MEMBER, input.event.communityId, userId)) fail('not_found');
  // Read and writes below run synchronously in one lane write, with nothing else on the connection in between: no
  // check-in or promotion can land between this read and the counter deltas computed from it (unlike the Prisma
  // version on PostgreSQL, which therefore compares status, position and checkedInAt in its conditional write).
  const current = q.get<StoredRsvp>(MINE, eventId, userId);
  const old = current?.status ?? null;
  if (current && (old === input.answer || (input.answer === 'going' && old === 'waitlisted'))) return { value: { rsvp: asRow(current) }, events: [], jobs: [] };

  // Counter deltas: [going, waitlist, interested, checkedIn] for leaving the old answer, then entering the new one.
  const d = [old === 'going' ? -1 : 0, old === 'waitlisted' ? -1 : 0, old === 'interested' ? -1 : 0, old === 'going' && current?.checkedInAt ? -1 : 0];
  let status: string = input.answer;
  let position: number | null = null;
  if (input.answer === 'going') {
    const seated = q.run(TAKE_SEAT, (d[0] ?? 0) + 1, d[1] ?? 0, d[2] ?? 0, d[3] ?? 0, at, eventId, at);
    if (seated === 0) {
      const line = q.get<{ waitlistCount: number }>(JOIN_LINE, d[0] ?? 0, (d[1] ?? 0) + 1, d[2] ?? 0, d[3] ?? 0, at, eventId, at);
      if (!line) refuseClosed(q, eventId, input.now);
      status = 'waitlisted';
      position = line.waitlistCount;
    }
  } else {
    if (input.answer === 'interested') d[2] = (d[2] ?? 0) + 1;
    if (q.run(MOVE, d[0] ?? 0, d[1] ?? 0, d[2] ?? 0, d[3] ?? 0, at, eventId, at) === 0) refuseClosed(q, eventId, input.now);
  }

  if (current) {
    const leftGoing = old === 'going' ? 1 : 0;
    q.run(UPDATE, status, position, at, leftGoing, leftGoing, current.id);
  } else {
    insertWithFreshCode(q, { eventId, userId, status, position, at });
  }
  const events: DomainEvent[] = [{ type: 'event:updated', communityId: input.event.communityId, eventId }];
  if (old === 'waitlisted' && current?.position != null) q.run(CLOSE_GAP, 1, eventId, current.position);
  if (old === 'going') events.push(...promoteOnLane(q, { eventId, communityId: input.event.communityId, now: input.now }));
  const row = q.get<StoredRsvp>(MINE, eventId, userId);
  if (!row) throw new Error('the RSVP just written is missing');
  return { value: { rsvp: asRow(row) }, events, jobs: [] };
}

/** A failed INSERT rolls back alone (statement-level), so a colliding code is simply drawn again. */
function insertWithFreshCode(q: SqlRunner, row: { eventId: string; userId: string; status: string; position: number | null; at: string }): void {
  for (let attempt = 0; ; attempt++) {
    try {
      q.run(INSERT, newId(), row.eventId, row.userId, row.status, row.position, newRsvpCode(), row.at, row.at);
      return;
    } catch (err) {
      const code = (err as { code?: unknown }).code;
      if (code !== 'SQLITE_CONSTRAINT_UNIQUE' || attempt >= CODE_ATTEMPTS) throw err;
    }
  }
}

function refuseClosed(q: SqlRunner, eventId: string, now: Date): never {
  const event = q.get<{ status: string; endsAt: string }>(EVENT_STATE, eventId);
  if (!event) fail('not_found');
  assertOpenForRsvp({ status: event.status, endsAt: fromSqlDate(event.endsAt) }, now);
  throw new Error(`event ${eventId} refused a write while open`);
}

/** promoteWaitlisted.ts on the lane: the head of the line into free seats, the rest moved up, one notice each. */
export function promoteOnLane(q: SqlRunner, input: { eventId: string; communityId: string; now: Date }): DomainEvent[] {
  const event = q.get<{ status: string; endsAt: string; capacity: number | null; goingCount: number; waitlistCount: number; title: string; startsAt: string; timezone: string }>(EVENT_STATE, input.eventId);
  if (!event || event.status !== 'scheduled' || fromSqlDate(event.endsAt).getTime() <= input.now.getTime()) return [];
  const room = event.capacity === null ? event.waitlistCount : Math.max(0, event.capacity - event.goingCount);
  const k = Math.min(room, event.waitlistCount);
  if (k === 0) return [];
  const at = sqlDate(input.now);
  q.run(PROMOTE_COUNTERS, k, k, at, input.eventId);
  const promoted = q.all<{ userId: string }>(PROMOTE, at, input.eventId, k);
  if (promoted.length !== k) throw new Error(`waitlist of event ${input.eventId} out of step: promoted ${promoted.length}, expected ${k}`);
  q.run(CLOSE_GAP, k, input.eventId, k);
  const data = { eventId: input.eventId, title: event.title, startsAt: fromSqlDate(event.startsAt).toISOString(), timezone: event.timezone };
  return promoted.map((row) => notifyOnLane(q, { userId: row.userId, communityId: input.communityId, kind: 'event_promoted', data, now: input.now }));
}
