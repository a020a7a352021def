// Instance administrators: an account-level role, granted by the operator (the admin CLI or RUKUN_ADMINS), never
// through the HTTP API. It opens the queue dashboard and nothing else; community roles are unrelated.
import type { Db } from '../db/client';

/** Who granted the role: the CLI's grants last until revoked, RUKUN_ADMINS's only while the handle is listed. */
export type AdminSource = 'cli' | 'env';

export type AdminChange =
  | { outcome: 'granted' | 'revoked' | 'unchanged'; handle: string; userId: string }
  | { outcome: 'unknown_handle'; handle: string };

/** Grants the role to the account with `handle`; a grant by the CLI outlives the RUKUN_ADMINS one it replaces. */
export async function grantInstanceAdmin(deps: { db: Db }, input: { handle: string; source: AdminSource }): Promise<AdminChange> {
  const user = await deps.db.user.findUnique({ where: { handle: input.handle }, select: { id: true, isAdmin: true, adminSource: true } });
  if (!user) return { outcome: 'unknown_handle', handle: input.handle };
  // An operator's explicit grant is never downgraded to a listed one, which a later start would take back.
  const keep = user.isAdmin && (user.adminSource === input.source || user.adminSource === 'cli');
  if (keep) return { outcome: 'unchanged', handle: input.handle, userId: user.id };
  await deps.db.user.update({ where: { id: user.id }, data: { isAdmin: true, adminSource: input.source } });
  return { outcome: user.isAdmin ? 'unchanged' : 'granted', handle: input.handle, userId: user.id };
}

/** Takes the role from the account with `handle`, however it was granted. */
export async function revokeInstanceAdmin(deps: { db: Db }, input: { handle: string }): Promise<AdminChange> {
  const user = await deps.db.user.findUnique({ where: { handle: input.handle }, select: { id: true, isAdmin: true } });
  if (!user) return { outcome: 'unknown_handle', handle: input.handle };
  if (!user.isAdmin) return { outcome: 'unchanged', handle: input.handle, userId: user.id };
  await deps.db.user.update({ where: { id: user.id }, data: { isAdmin: false, adminSource: null } });
  return { outcome: 'revoked', handle: input.handle, userId: user.id };
}

/**
 * Makes the database agree with RUKUN_ADMINS at start-up: listed accounts become admins, and admins the list granted
 * earlier but no longer names lose the role. Returns every change, for the log.
 */
export async function applyListedAdmins(deps: { db: Db }, handles: string[]): Promise<AdminChange[]> {
  const changes: AdminChange[] = [];
  for (const handle of handles) changes.push(await grantInstanceAdmin(deps, { handle, source: 'env' }));
  const dropped = await deps.db.user.findMany({ where: { isAdmin: true, adminSource: 'env', handle: { notIn: handles } }, select: { handle: true } });
  for (const { handle } of dropped) changes.push(await revokeInstanceAdmin(deps, { handle }));
  return changes;
}
