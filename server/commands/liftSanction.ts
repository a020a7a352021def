import type { Role, SanctionKind } from '../contracts/api';
import type { Db } from '../db/client';
import type { SqlLane } from '../db/sqlLane';
import { inWriteTransaction } from '../db/transaction';
import { fail } from '../errors';
import { authorizeSanction } from '../policies/community';
import { asRole } from '../policies/roles';
import { loadActor } from '../queries/actor';
import { notify } from './notify';
import { accessChanged, type Outcome } from './outcome';
import { recordAudit } from './recordAudit';

/** Lifts a sanction; lifting a ban lets the user join again. 404 for sanctions the caller may not see. */
export async function liftSanction(deps: { db: Db; sql: SqlLane; now: Date }, input: { sanctionId: string; actorId: string }): Promise<Outcome<null>> {
  return inWriteTransaction(deps.db, async (tx) => {
    const sanction = await tx.sanction.findUnique({ where: { id: input.sanctionId }, include: { community: true } });
    if (!sanction) fail('not_found');
    const actor = await loadActor(deps.sql, { communityId: sanction.communityId, userId: input.actorId, now: deps.now });
    if (actor.role === null || actor.role === 'member') fail('not_found');
    // Lifting follows the rank rules of imposing, against the target's standing now; nobody lifts their own.
    if (sanction.userId === input.actorId) fail('forbidden');
    const target = await tx.membership.findUnique({ where: { communityId_userId: { communityId: sanction.communityId, userId: sanction.userId } } });
    authorizeSanction(actor, { role: targetRole(target) }, sanction.kind as SanctionKind);
    if (sanction.liftedAt) fail('sanction_lifted');
    await tx.sanction.update({ where: { id: sanction.id }, data: { liftedAt: deps.now, liftedById: input.actorId } });
    if (sanction.kind === 'ban') {
      await tx.membership.deleteMany({ where: { communityId: sanction.communityId, userId: sanction.userId, status: 'banned' } });
    }
    await recordAudit(tx, {
      communityId: sanction.communityId,
      actorId: input.actorId,
      action: 'sanction.lift',
      targetType: 'sanction',
      targetId: sanction.id,
      before: { kind: sanction.kind, userId: sanction.userId, endsAt: sanction.endsAt, liftedAt: null },
      after: { kind: sanction.kind, userId: sanction.userId, endsAt: sanction.endsAt, liftedAt: deps.now, liftedById: input.actorId },
      now: deps.now,
    });
    const event = await notify(tx, {
      userId: sanction.userId,
      communityId: sanction.communityId,
      kind: 'sanction_lifted',
      data: { communityName: sanction.community.name, kind: sanction.kind },
      now: deps.now,
    });
    return { value: null, events: [event, accessChanged(sanction.communityId, sanction.userId)], jobs: [] };
  });
}

/** The rank a sanction's target holds: a banned user, or one who left, counts as a member. */
function targetRole(membership: { role: string; status: string } | null): Role {
  return membership && membership.status !== 'banned' ? asRole(membership.role) : 'member';
}
