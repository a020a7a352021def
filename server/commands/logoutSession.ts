import type { Db } from '../db/client';
import type { Outcome } from './outcome';

/** Revokes one session: its token stops working at once, everywhere, and its open sockets are disconnected. */
export async function logoutSession(deps: { db: Db; now: Date }, sessionId: string): Promise<Outcome<null>> {
  await deps.db.session.updateMany({ where: { id: sessionId, revokedAt: null }, data: { revokedAt: deps.now } });
  // Announced even when the session was already revoked: a socket that outlived an earlier revocation goes too.
  return { value: null, events: [{ type: 'session:ended', sessionId }], jobs: [] };
}
