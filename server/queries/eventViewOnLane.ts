// One event as the contract shows it, read on the SQL lane in one statement (event, community slug, creator) plus the
// viewer's RSVP: the RSVP route answers with it on every request (bench:events, bench/README.md "Events").
import type { CommunityEvent } from '../contracts/api';
import { fromSqlDate, type SqlLane } from '../db/sqlLane';
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

/** The event with `viewerId`'s own RSVP, or null when it no longer exists. */
export function loadEventViewOnLane(sql: SqlLane, input: { eventId: string; viewerId: string; now: Date }): Promise<CommunityEvent | null> {
  return sql.read((q) => {
    const row = q.get<Joined>(EVENT, input.eventId);
    if (!row) return null;
    const mine = q.get<{ eventId: string; userId: string; status: string; position: number | null; code: string; checkedInAt: string | null; updatedAt: string }>(MINE, input.eventId, input.viewerId);
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
