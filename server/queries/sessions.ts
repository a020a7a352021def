import { fromSqlDate, type SqlLane } from '../db/sqlLane';

const SESSION_BY_ID = 'SELECT revokedAt, expiresAt FROM "Session" WHERE id = ?';

/** Whether a session is still good at `now`: not revoked, not expired. Open sockets ask again before each join. */
export async function sessionIsLive(sql: SqlLane, params: { sessionId: string; now: Date }): Promise<boolean> {
  const row = await sql.read((q) => q.get<{ revokedAt: string | null; expiresAt: string }>(SESSION_BY_ID, params.sessionId));
  return row !== undefined && row.revokedAt === null && fromSqlDate(row.expiresAt) > params.now;
}
