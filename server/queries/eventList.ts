// A community's events by start, ascending, paged by (startsAt, id) on the index [communityId, startsAt, id]: the
// keyset continues exactly where the last page stopped, also when several events start at the same instant.
import type { Db } from '../db/client';
import type { CursorKey } from '../lib/cursor';

/** Ids and starts of up to `limit + 1` events starting in [from, to) after the cursor (the extra row says "more"). */
export function listCommunityEvents(db: Db, input: { communityId: string; from: Date; to: Date | null; after: CursorKey | null; limit: number }) {
  const { after } = input;
  return db.event.findMany({
    where: {
      communityId: input.communityId,
      startsAt: { gte: input.from, ...(input.to ? { lt: input.to } : {}) },
      ...(after ? { OR: [{ startsAt: { gt: after.at } }, { startsAt: after.at, id: { gt: after.id } }] } : {}),
    },
    orderBy: [{ startsAt: 'asc' }, { id: 'asc' }],
    take: input.limit + 1,
    select: { id: true, startsAt: true },
  });
}
