import type { Role } from '../contracts/api';
import type { Db } from '../db/client';
import { inWriteTransaction } from '../db/transaction';
import { fail } from '../errors';
import type { Actor } from '../policies/actor';
import { authorizeRoleChange } from '../policies/community';
import { asRole } from '../policies/roles';
import { notify } from './notify';
import { accessChanged, type Outcome } from './outcome';
import { recordAudit } from './recordAudit';

/** Changes a member's role within the actor's rights and tells the member. */
export async function changeRole(
  deps: { db: Db; now: Date },
  input: { actor: Actor; community: { id: string; slug: string; name: string }; userId: string; role: Role },
): Promise<Outcome<{ role: Role; userId: string }>> {
  return inWriteTransaction(deps.db, async (tx) => {
    const membership = await tx.membership.findUnique({
      where: { communityId_userId: { communityId: input.community.id, userId: input.userId } },
    });
    if (!membership || membership.status !== 'active') fail('not_found');
    authorizeRoleChange(input.actor, { role: asRole(membership.role) }, input.role);
    if (membership.role === input.role) return { value: { role: input.role, userId: input.userId }, events: [], jobs: [] };
    await tx.membership.update({ where: { id: membership.id }, data: { role: input.role } });
    await recordAudit(tx, {
      communityId: input.community.id,
      actorId: input.actor.userId,
      action: 'role.change',
      targetType: 'user',
      targetId: input.userId,
      before: { role: membership.role },
      after: { role: input.role },
      now: deps.now,
    });
    const event = await notify(tx, {
      userId: input.userId,
      communityId: input.community.id,
      kind: 'role_changed',
      data: { communityName: input.community.name, from: membership.role, to: input.role },
      now: deps.now,
    });
    return { value: { role: input.role, userId: input.userId }, events: [event, accessChanged(input.community.id, input.userId)], jobs: [] };
  });
}
