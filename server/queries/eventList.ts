// A community's events by start, ascending, paged by (startsAt, id) on the index [communityId, startsAt, id]: the
// keyset continues exactly where the last page stopped, also when several events start at the same instant.
import type { Db } from '../db/client';
import type { CursorKey } from '../lib/cursor';
import { EVENT_LIMITS } from '../lib/eventRules';

/**
 * Ids and starts of up to `limit + 1` events that overlap [from, to) after the cursor (the extra row says "more"):
 * a multi-day event that began before `from` and is still running belongs to the range, as in a calendar. No
 * event lasts longer than the longest allowed duration, so the start bound keeps the query on the index.
 */
export function listCommunityEvents(db: Db, input: { communityId: string; from: Date; to: Date | null; after: CursorKey | null; limit: number }) {
  const { after } = input;
  return db.event.findMany({
    where: {
      communityId: input.communityId,
      startsAt: { gte: new Date(input.from.getTime() - EVENT_LIMITS.durationMaxMs), ...(input.to ? { lt: input.to } : {}) },
      endsAt: { gt: input.from },
      ...(after ? { OR: [{ startsAt: { gt: after.at } }, { startsAt: after.at, id: { gt: after.id } }] } : {}),
    },
    orderBy: [{ startsAt: 'asc' }, { id: 'asc' }],
    take: input.limit + 1,
    select: { id: true, startsAt: true },
  });
}
