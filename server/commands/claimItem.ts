import type { Db } from '../db/client';
import { fail } from '../errors';
import type { Actor } from '../policies/actor';
import { authorize } from '../policies/community';
import type { Outcome } from './outcome';

export const CLAIM_MS = 5 * 60_000;

/**
 * Claims an item for five minutes. Claims are advisory leases shown to other moderators; they do not change the
 * item's version, so a claim never makes someone else's decision stale. Re-claiming your own claim renews it.
 */
export async function claimItem(deps: { db: Db; now: Date }, input: { actor: Actor; item: { id: string; communityId: string; state: string } }): Promise<Outcome<null>> {
  authorize(input.actor, 'queue.view');
  if (input.item.state !== 'open') fail('item_resolved');
  const now = deps.now;
  // One conditional UPDATE: free, expired, or already mine. Two moderators racing cannot both win it.
  const { count } = await deps.db.moderationItem.updateMany({
    where: {
      id: input.item.id,
      state: 'open',
      OR: [{ claimedById: null }, { claimedUntil: { lte: now } }, { claimedById: input.actor.userId }],
    },
    data: { claimedById: input.actor.userId, claimedUntil: new Date(now.getTime() + CLAIM_MS) },
  });
  if (count === 0) {
    const current = await deps.db.moderationItem.findUnique({ where: { id: input.item.id } });
    fail(current?.state === 'open' ? 'already_claimed' : 'item_resolved');
  }
  return { value: null, events: [{ type: 'queue:item_updated', communityId: input.item.communityId, itemId: input.item.id }], jobs: [] };
}
