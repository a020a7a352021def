// Who the instance administrators are (see server/commands/instanceAdmins.ts for how the role is granted).
import type { Db } from '../db/client';

/** The instance administrators, by handle. */
export async function listInstanceAdmins(deps: { db: Db }): Promise<{ handle: string; source: string | null }[]> {
  const rows = await deps.db.user.findMany({ where: { isAdmin: true }, select: { handle: true, adminSource: true }, orderBy: { handle: 'asc' } });
  return rows.map((r) => ({ handle: r.handle, source: r.adminSource }));
}

/** Whether the user is an instance administrator now (read per request, so a revocation counts at once). */
export async function isInstanceAdmin(deps: { db: Db }, userId: string): Promise<boolean> {
  const user = await deps.db.user.findUnique({ where: { id: userId }, select: { isAdmin: true } });
  return user?.isAdmin === true;
}
