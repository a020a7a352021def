// Events read on the SQL lane, for the paths every RSVP pays (bench:events, bench/README.md "Events"): the visible-event
// check before it, the view it answers with (event, community slug and creator in one statement, plus the viewer's
// RSVP) and the `event:updated` broadcast after it. Same results as visibleEvent.ts and eventViews.ts on Prisma.
import type { CommunityEvent } from '../contracts/api';
import type { Deps } from '../deps';
import { fromSqlDate, type SqlLane } from '../db/sqlLane';
import { fail } from '../errors';
import { loadActor } from './actor';
import { presentEvent } from '../presenters/presentEvent';
import { presentRsvp } from '../presenters/presentRsvp';
import { presentUser } from '../presenters/presentUser';

interface Joined {
  id: string;
  title: string;
  description: string;
  startsAt: string;
  endsAt: string;
  timezone: string;
  location: string | null;
  onlineUrl: string | null;
  capacity: number | null;
  reminders: string;
  status: string;
  sequence: number;
  goingCount: number;
  waitlistCount: number;
  interestedCount: number;
  checkedInCount: number;
  createdAt: string;
  updatedAt: string;
  cancelledAt: string | null;
  slug: string;
  creatorId: string;
  creatorHandle: string;
  creatorName: string;
  creatorLocale: string;
  creatorCreatedAt: string;
}

const EVENT = `SELECT e.id, e.title, e.description, e.startsAt, e.endsAt, e.timezone, e.location, e.onlineUrl, e.capacity, e.reminders,
  e.status, e.sequence, e.goingCount, e.waitlistCount, e.interestedCount, e.checkedInCount, e.createdAt, e.updatedAt, e.cancelledAt,
  c.slug, u.id AS creatorId, u.handle AS creatorHandle, u.displayName AS creatorName, u.locale AS creatorLocale, u.createdAt AS creatorCreatedAt
  FROM "Event" e JOIN "Community" c ON c.id = e.communityId JOIN "User" u ON u.id = e.createdById WHERE e.id = ?`;
const MINE = 'SELECT eventId, userId, status, position, code, checkedInAt, updatedAt FROM "EventRsvp" WHERE eventId = ? AND userId = ?';

const VISIBLE = 'SELECT id, communityId, status, startsAt, endsAt FROM "Event" WHERE id = ?';

/** loadVisibleEvent's rule (404 for non-members and the banned) with the fields an RSVP needs, on the lane. */
export async function loadVisibleEventOnLane(deps: Pick<Deps, 'sql' | 'now'>, input: { userId: string; eventId: string }) {
  const row = await deps.sql.read((q) => q.get<{ id: string; communityId: string; status: string; startsAt: string; endsAt: string }>(VISIBLE, input.eventId));
  if (!row) fail('not_found');
  const actor = await loadActor(deps.sql, { communityId: row.communityId, userId: input.userId, now: deps.now() });
  if (actor.banned || actor.role === null) fail('not_found');
  return { event: { ...row, startsAt: fromSqlDate(row.startsAt), endsAt: fromSqlDate(row.endsAt) }, actor };
}

/** The event as every member sees it (myRsvp null), for the `event:updated` broadcast; null when it is gone. */
export function loadEventBroadcastOnLane(sql: SqlLane, eventId: string, now: Date): Promise<CommunityEvent | null> {
  return loadEventViewOnLane(sql, { eventId, viewerId: null, now });
}

/** The event with `viewerId`'s own RSVP (null without a viewer), or null when it no longer exists. */
export function loadEventViewOnLane(sql: SqlLane, input: { eventId: string; viewerId: string | null; now: Date }): Promise<CommunityEvent | null> {
  return sql.read((q) => {
    const row = q.get<Joined>(EVENT, input.eventId);
    if (!row) return null;
    const mine = input.viewerId === null ? undefined : q.get<{ eventId: string; userId: string; status: string; position: number | null; code: string; checkedInAt: string | null; updatedAt: string }>(MINE, input.eventId, input.viewerId);
    return presentEvent({
      row: {
        ...row,
        startsAt: fromSqlDate(row.startsAt),
        endsAt: fromSqlDate(row.endsAt),
        createdAt: fromSqlDate(row.createdAt),
        updatedAt: fromSqlDate(row.updatedAt),
        cancelledAt: fromSqlDate(row.cancelledAt),
      },
      communitySlug: row.slug,
      createdBy: presentUser({ id: row.creatorId, handle: row.creatorHandle, displayName: row.creatorName, locale: row.creatorLocale, createdAt: fromSqlDate(row.creatorCreatedAt) }),
      myRsvp: mine ? presentRsvp({ ...mine, checkedInAt: fromSqlDate(mine.checkedInAt), updatedAt: fromSqlDate(mine.updatedAt) }) : null,
      now: input.now,
    });
  });
}
