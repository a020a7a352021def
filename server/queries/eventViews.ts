// Events as the contract shows them, for routes (with the caller's own RSVP) and for broadcasts (myRsvp null).
// A fixed number of queries for any number of events (events, viewer's RSVPs, creators): never one per event.
import type { CommunityEvent } from '../contracts/api';
import type { Db } from '../db/client';
import { presentEvent } from '../presenters/presentEvent';
import { presentRsvp } from '../presenters/presentRsvp';
import { presentUser } from '../presenters/presentUser';

const userFields = { id: true, handle: true, displayName: true, locale: true, createdAt: true } as const;

/** The events with these ids that exist, in the order given, each with `viewerId`'s own RSVP (null when no viewer). */
export async function loadEventViews(db: Db, input: { eventIds: string[]; viewerId: string | null; now: Date }): Promise<CommunityEvent[]> {
  if (input.eventIds.length === 0) return [];
  const [rows, rsvps] = await Promise.all([
    db.event.findMany({ where: { id: { in: input.eventIds } }, include: { community: { select: { slug: true } } } }),
    input.viewerId ? db.eventRsvp.findMany({ where: { eventId: { in: input.eventIds }, userId: input.viewerId } }) : Promise.resolve([]),
  ]);
  const creators = await db.user.findMany({ where: { id: { in: [...new Set(rows.map((row) => row.createdById))] } }, select: userFields });
  const creatorById = new Map(creators.map((user) => [user.id, presentUser(user)]));
  const byId = new Map(rows.map((row) => [row.id, row]));
  const mine = new Map(rsvps.map((rsvp) => [rsvp.eventId, rsvp]));
  return input.eventIds.flatMap((id) => {
    const row = byId.get(id);
    const createdBy = row && creatorById.get(row.createdById);
    if (!row || !createdBy) return [];
    const own = mine.get(id);
    return [presentEvent({ row, communitySlug: row.community.slug, createdBy, myRsvp: own ? presentRsvp(own) : null, now: input.now })];
  });
}

/** One event as every member sees it (myRsvp null), or null when it no longer exists. */
export async function loadEventBroadcast(db: Db, eventId: string, now: Date): Promise<CommunityEvent | null> {
  const [event] = await loadEventViews(db, { eventIds: [eventId], viewerId: null, now });
  return event ?? null;
}
