import type { Db } from '../db/client';

/** Revokes one session: its token stops working at once, everywhere. */
export async function logoutSession(deps: { db: Db; now: Date }, sessionId: string): Promise<void> {
  await deps.db.session.updateMany({ where: { id: sessionId, revokedAt: null }, data: { revokedAt: deps.now } });
}
