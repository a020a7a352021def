import type { SanctionKind } from '../contracts/api';
import type { Db } from '../db/client';
import type { Actor } from '../policies/actor';
import { asRole } from '../policies/roles';

/** Loads a user's role, ban status and sanctions in force in one community at `now`. */
export async function loadActor(db: Pick<Db, 'membership' | 'sanction'>, params: { communityId: string; userId: string; now: Date }): Promise<Actor> {
  const [membership, sanctions] = await Promise.all([
    db.membership.findUnique({ where: { communityId_userId: { communityId: params.communityId, userId: params.userId } } }),
    db.sanction.findMany({
      where: {
        communityId: params.communityId,
        userId: params.userId,
        liftedAt: null,
        OR: [{ endsAt: null }, { endsAt: { gt: params.now } }],
      },
      select: { kind: true },
    }),
  ]);
  const banned = membership?.status === 'banned';
  return {
    userId: params.userId,
    role: membership && !banned ? asRole(membership.role) : null,
    banned,
    sanctions: sanctions.map((s) => s.kind as SanctionKind),
  };
}
