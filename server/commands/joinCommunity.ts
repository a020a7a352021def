import type { Db } from '../db/client';
import { isUniqueViolation } from '../db/errors';
import { fail } from '../errors';

/** Joins as a member; 403 banned for a banned user, 409 already_member for a second join. */
export async function joinCommunity(deps: { db: Db; now: Date }, input: { communityId: string; userId: string }) {
  const existing = await deps.db.membership.findUnique({
    where: { communityId_userId: { communityId: input.communityId, userId: input.userId } },
  });
  if (existing?.status === 'banned') fail('banned');
  if (existing) fail('already_member');
  try {
    return await deps.db.membership.create({ data: { communityId: input.communityId, userId: input.userId, joinedAt: deps.now } });
  } catch (err) {
    // Two joins racing: the loser sees the same answer as a sequential second join.
    if (isUniqueViolation(err)) fail('already_member');
    throw err;
  }
}
