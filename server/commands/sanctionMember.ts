import type { SanctionKind } from '../contracts/api';
import type { Db } from '../db/client';
import { inWriteTransaction, type Tx } from '../db/transaction';
import { fail } from '../errors';
import type { Actor } from '../policies/actor';
import { authorizeSanction } from '../policies/community';
import { asRole } from '../policies/roles';
import { notify } from './notify';
import { accessChanged, type DomainEvent, type Outcome } from './outcome';
import { recordAudit } from './recordAudit';
import { releaseMemberSeats } from './rsvpToEvent';

export interface SanctionInput {
  actor: Actor;
  community: { id: string; name: string };
  userId: string;
  kind: SanctionKind;
  reason: string;
  durationMinutes?: number;
}

/**
 * Sanctions a member inside the caller's transaction: the sanction, a ban's end of membership and of the member's
 * seats and waitlist places in upcoming events, audit, notice. `released` holds the domain events of the seats given
 * back (event:updated per event, promotion notices): the caller announces them with the rest.
 */
export async function applySanction(tx: Tx, input: SanctionInput & { now: Date; itemId?: string }) {
  const membership = await tx.membership.findUnique({
    where: { communityId_userId: { communityId: input.community.id, userId: input.userId } },
  });
  if (!membership) fail('not_found');
  authorizeSanction(input.actor, { role: membership.status === 'banned' ? null : asRole(membership.role) }, input.kind);
  const endsAt = input.durationMinutes && input.kind !== 'warn' ? new Date(input.now.getTime() + input.durationMinutes * 60_000) : null;
  const sanction = await tx.sanction.create({
    data: {
      communityId: input.community.id,
      userId: input.userId,
      kind: input.kind,
      reason: input.reason,
      createdById: input.actor.userId,
      createdAt: input.now,
      endsAt,
    },
  });
  if (input.kind === 'ban') await tx.membership.update({ where: { id: membership.id }, data: { status: 'banned', role: 'member' } });
  // A banned member can no longer see the event or change the answer: a kept seat would be held forever.
  const released = input.kind === 'ban' ? await releaseMemberSeats(tx, { communityId: input.community.id, userId: input.userId, now: input.now }) : [];
  await recordAudit(tx, {
    communityId: input.community.id,
    actorId: input.actor.userId,
    action: `sanction.${input.kind}`,
    targetType: 'user',
    targetId: input.userId,
    reason: input.reason,
    // The member's standing on both sides: a ban also ends the membership and drops the role.
    before: { role: membership.role, status: membership.status },
    after: {
      sanctionId: sanction.id,
      kind: input.kind,
      endsAt,
      itemId: input.itemId ?? null,
      role: input.kind === 'ban' ? 'member' : membership.role,
      status: input.kind === 'ban' ? 'banned' : membership.status,
    },
    now: input.now,
  });
  const event: DomainEvent = await notify(tx, {
    userId: input.userId,
    communityId: input.community.id,
    kind: 'sanctioned',
    data: { communityName: input.community.name, kind: input.kind, reason: input.reason, endsAt: endsAt?.toISOString() ?? null },
    now: input.now,
  });
  return { sanction, event, released };
}

/** Sanctions a member; a ban also ends the membership. The member is told why, in a notification. */
export async function sanctionMember(deps: { db: Db; now: Date }, input: SanctionInput) {
  return inWriteTransaction(deps.db, async (tx) => {
    const { sanction, event, released } = await applySanction(tx, { ...input, now: deps.now });
    return { value: sanction, events: [event, accessChanged(input.community.id, input.userId), ...released], jobs: [] } satisfies Outcome<typeof sanction>;
  });
}
