// The moderators' attendee list and a member's own upcoming events.
import type { Attendee, RsvpStatus } from '../contracts/api';
import type { Db } from '../db/client';
import { presentAttendee } from '../presenters/presentAttendee';

const userFields = { id: true, handle: true, displayName: true, locale: true, createdAt: true } as const;

/** Going first (by name), then the waitlist by position, then interested (by name); not_going only when asked for. */
const STATUS_ORDER: Record<string, number> = { going: 0, waitlisted: 1, interested: 2, not_going: 3 };

/** Lower-cased and accent-free, so "andi" finds "Ándi" on SQLite and PostgreSQL alike (the filter runs here). */
function fold(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}

/** An event's attendees in door order, optionally one status and a name or handle search; active members only. */
export async function listAttendees(db: Db, input: { eventId: string; communityId: string; q?: string; status?: RsvpStatus | 'not_going' }): Promise<Attendee[]> {
  const rows = await db.eventRsvp.findMany({
    where: {
      eventId: input.eventId,
      status: input.status ?? { in: ['going', 'waitlisted', 'interested'] },
      // Banned members are not at the door (their seats are given back by the ban; this covers older rows too).
      user: { memberships: { some: { communityId: input.communityId, status: 'active' } } },
    },
    select: { status: true, position: true, checkedInAt: true, user: { select: userFields } },
  });
  const needle = input.q ? fold(input.q) : '';
  const matched = needle ? rows.filter((row) => fold(row.user.handle).includes(needle) || fold(row.user.displayName).includes(needle)) : rows;
  matched.sort(
    (a, b) =>
      (STATUS_ORDER[a.status] ?? 9) - (STATUS_ORDER[b.status] ?? 9) ||
      (a.position ?? 0) - (b.position ?? 0) ||
      a.user.displayName.localeCompare(b.user.displayName) ||
      a.user.handle.localeCompare(b.user.handle),
  );
  return matched.map(presentAttendee);
}

/** One attendee row by (event, user), or null. */
export async function loadAttendee(db: Db, input: { eventId: string; userId: string }): Promise<Attendee | null> {
  const row = await db.eventRsvp.findUnique({
    where: { eventId_userId: input },
    select: { status: true, position: true, checkedInAt: true, user: { select: userFields } },
  });
  return row ? presentAttendee(row) : null;
}

/** Ids of the events I answered going, waitlisted or interested that have not ended, in communities I still belong to, soonest first. */
export async function myUpcomingEventIds(db: Db, input: { userId: string; now: Date; limit: number }): Promise<string[]> {
  const rows = await db.eventRsvp.findMany({
    where: {
      userId: input.userId,
      status: { in: ['going', 'waitlisted', 'interested'] },
      event: { endsAt: { gt: input.now }, community: { memberships: { some: { userId: input.userId, status: 'active' } } } },
    },
    select: { eventId: true },
    orderBy: [{ event: { startsAt: 'asc' } }, { eventId: 'asc' }],
    take: input.limit,
  });
  return rows.map((row) => row.eventId);
}
