import type { SanctionKind } from '../contracts/api';
import { sqlDate, type SqlLane } from '../db/sqlLane';
import type { Actor } from '../policies/actor';
import { asRole } from '../policies/roles';

const MEMBERSHIP = 'SELECT role, status FROM "Membership" WHERE communityId = ? AND userId = ?';
const SANCTIONS_IN_FORCE = `SELECT kind FROM "Sanction" WHERE communityId = ? AND userId = ? AND liftedAt IS NULL AND (endsAt IS NULL OR endsAt > ?)`;

/** Loads a user's role, ban status and sanctions in force in one community at `now`. */
export function loadActor(sql: SqlLane, params: { communityId: string; userId: string; now: Date }): Promise<Actor> {
  return sql.read((q) => {
    const membership = q.get<{ role: string; status: string }>(MEMBERSHIP, params.communityId, params.userId);
    const sanctions = q.all<{ kind: string }>(SANCTIONS_IN_FORCE, params.communityId, params.userId, sqlDate(params.now));
    const banned = membership?.status === 'banned';
    return {
      userId: params.userId,
      role: membership && !banned ? asRole(membership.role) : null,
      banned,
      sanctions: sanctions.map((s) => s.kind as SanctionKind),
    };
  });
}
