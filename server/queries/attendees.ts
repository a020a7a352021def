// The moderators' attendee list and a member's own upcoming events.
import type { Attendee, RsvpStatus } from '../contracts/api';
import type { Db } from '../db/client';
import type { Prisma } from '../db/generated/client';
import { fail } from '../errors';
import { presentAttendee } from '../presenters/presentAttendee';

const userFields = { id: true, handle: true, displayName: true, locale: true, createdAt: true } as const;

/** The attendee list's groups in door order; not_going only when asked for by `status`. */
const DOOR_ORDER = ['going', 'waitlisted', 'interested'] as const;

export const ATTENDEES_DEFAULT_LIMIT = 200;
export const ATTENDEES_MAX_LIMIT = 500;
/** Rows read per query while a search filters them here (the fold below is not something SQL can do portably). */
const SEARCH_BATCH = 500;

/** Lower-cased and accent-free, so "andi" finds "Ándi" on SQLite and PostgreSQL alike (the filter runs here). */
function fold(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}

/** Where a page ended: the group, then (display name, user id) in name-ordered groups or the waitlist position. */
type AttendeeKey = { status: string; name: string; userId: string } | { status: 'waitlisted'; position: number };

function encodeKey(key: AttendeeKey): string {
  return Buffer.from(JSON.stringify('position' in key ? [key.status, key.position] : [key.status, key.name, key.userId])).toString('base64url');
}

/** A tampered cursor, or one from another `status` filter, is a 400, never a crash. */
function decodeKey(cursor: string, groups: readonly string[]): AttendeeKey {
  try {
    const v: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(v) && typeof v[0] === 'string' && groups.includes(v[0])) {
      if (v[0] === 'waitlisted' && v.length === 2 && Number.isInteger(v[1])) return { status: 'waitlisted', position: v[1] as number };
      if (v[0] !== 'waitlisted' && v.length === 3 && typeof v[1] === 'string' && typeof v[2] === 'string') return { status: v[0], name: v[1], userId: v[2] };
    }
  } catch {
    // fall through to the 400 below
  }
  return fail('bad_request', { details: [{ path: 'query.cursor', message: 'invalid cursor' }] });
}

const select = { status: true, position: true, checkedInAt: true, user: { select: userFields } } as const;
type AttendeeRow = Prisma.EventRsvpGetPayload<{ select: typeof select }>;

function keyOf(row: AttendeeRow): AttendeeKey {
  return row.status === 'waitlisted' ? { status: 'waitlisted', position: row.position ?? 0 } : { status: row.status, name: row.user.displayName, userId: row.user.id };
}

/** The group's order (waitlist by position, the others by name then user id) and the rows after `key` in it. */
function groupQuery(status: string, key: AttendeeKey | null): { where: Prisma.EventRsvpWhereInput; orderBy: Prisma.EventRsvpOrderByWithRelationInput[] } {
  if (status === 'waitlisted') return { where: key && 'position' in key ? { position: { gt: key.position } } : {}, orderBy: [{ position: 'asc' }] };
  const where: Prisma.EventRsvpWhereInput =
    key && 'name' in key ? { OR: [{ user: { displayName: { gt: key.name } } }, { user: { displayName: key.name }, userId: { gt: key.userId } }] } : {};
  return { where, orderBy: [{ user: { displayName: 'asc' } }, { userId: 'asc' }] };
}

/**
 * An event's attendees in door order, one page at a time: going (by name), then the waitlist by position, then
 * interested (by name); `status` narrows it to one group (not_going only this way), `q` searches names and handles.
 * Active members only. Keyset paging, so a page costs the same however long the list is; a search reads the groups
 * in batches and filters them here until the page is full.
 */
export async function listAttendees(
  db: Db,
  input: { eventId: string; communityId: string; q?: string; status?: RsvpStatus | 'not_going'; limit?: number; cursor?: string },
): Promise<{ items: Attendee[]; nextCursor: string | null }> {
  const limit = Math.min(input.limit ?? ATTENDEES_DEFAULT_LIMIT, ATTENDEES_MAX_LIMIT);
  const groups: readonly string[] = input.status ? [input.status] : DOOR_ORDER;
  const after = input.cursor ? decodeKey(input.cursor, groups) : null;
  const needle = input.q ? fold(input.q) : '';
  // One row past the page tells whether there is a next one.
  const found: AttendeeRow[] = [];
  for (let g = after ? groups.indexOf(after.status) : 0; g < groups.length && found.length <= limit; g++) {
    const status = groups[g] as string;
    let key = after?.status === status ? after : null;
    for (;;) {
      const take = needle ? SEARCH_BATCH : limit + 1 - found.length;
      const { where, orderBy } = groupQuery(status, key);
      const batch = await db.eventRsvp.findMany({
        where: {
          eventId: input.eventId,
          status,
          // Banned members are not at the door (their seats are given back by the ban; this covers older rows too).
          user: { memberships: { some: { communityId: input.communityId, status: 'active' } } },
          ...where,
        },
        select,
        orderBy,
        take,
      });
      for (const row of batch) {
        if (!needle || fold(row.user.handle).includes(needle) || fold(row.user.displayName).includes(needle)) found.push(row);
        if (found.length > limit) break;
      }
      const last = batch[batch.length - 1];
      if (found.length > limit || batch.length < take || !last) break;
      key = keyOf(last);
    }
  }
  const page = found.slice(0, limit);
  const last = page[page.length - 1];
  return { items: page.map(presentAttendee), nextCursor: found.length > limit && last ? encodeKey(keyOf(last)) : null };
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
