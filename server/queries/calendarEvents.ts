// The events that go into iCalendar files: a community's (per community .ics) and a member's own (personal feed).
// Both cover a window around now: calendars keep what they already have, so a bounded file loses nothing, and
// cancelled events stay in it (STATUS:CANCELLED) so subscribed calendars remove them.
import type { Db } from '../db/client';
import type { CalendarEventInput } from '../calendar/buildCalendar';

const DAY = 86_400_000;
/** Events that ended up to 30 days ago and those starting up to a year ahead. */
export const CALENDAR_PAST_DAYS = 30;
export const CALENDAR_AHEAD_DAYS = 365;
/** A bound on one file, far above what a community plans in a year, so no request reads without limit. */
export const CALENDAR_MAX_EVENTS = 1000;

const CALENDAR_FIELDS = {
  id: true,
  title: true,
  description: true,
  startsAt: true,
  endsAt: true,
  timezone: true,
  location: true,
  onlineUrl: true,
  status: true,
  sequence: true,
  createdAt: true,
  updatedAt: true,
} as const;

/** The window a calendar file covers at `now`. */
export function calendarWindow(now: Date): { from: Date; to: Date } {
  return { from: new Date(now.getTime() - CALENDAR_PAST_DAYS * DAY), to: new Date(now.getTime() + CALENDAR_AHEAD_DAYS * DAY) };
}

/** A community's events in the window, cancelled ones included, ascending by start. */
export function listCommunityCalendarEvents(db: Db, input: { communityId: string; now: Date }): Promise<CalendarEventInput[]> {
  const { from, to } = calendarWindow(input.now);
  return db.event.findMany({
    where: { communityId: input.communityId, startsAt: { lte: to }, endsAt: { gte: from } },
    select: CALENDAR_FIELDS,
    orderBy: [{ startsAt: 'asc' }, { id: 'asc' }],
    take: CALENDAR_MAX_EVENTS,
  });
}

/**
 * The events in the window that `userId` is going to or waitlisted for, only in communities where they are still an
 * active member: leaving or being banned takes that community's events out of the feed at its next fetch.
 */
export function listFeedEvents(db: Db, input: { userId: string; now: Date }): Promise<CalendarEventInput[]> {
  const { from, to } = calendarWindow(input.now);
  return db.event.findMany({
    where: {
      startsAt: { lte: to },
      endsAt: { gte: from },
      rsvps: { some: { userId: input.userId, status: { in: ['going', 'waitlisted'] } } },
      community: { memberships: { some: { userId: input.userId, status: 'active' } } },
    },
    select: CALENDAR_FIELDS,
    orderBy: [{ startsAt: 'asc' }, { id: 'asc' }],
    take: CALENDAR_MAX_EVENTS,
  });
}

/** The owner of a feed token's hash (and the language of the feed's name); null for an unknown or revoked token. */
export function findFeedOwner(db: Db, tokenHash: string) {
  return db.calendarFeed.findUnique({ where: { tokenHash }, select: { userId: true, user: { select: { locale: true } } } });
}
