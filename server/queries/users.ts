// A user by id on the SQL lane, inside a read or a write: the author of a new post, a claimer, a decider.
import { fromSqlDate, type SqlRunner } from '../db/sqlLane';
import type { UserRow } from '../presenters/presentUser';

const BY_ID = 'SELECT id, handle, displayName, locale, createdAt FROM "User" WHERE id = ?';

/** The user's public fields, or undefined when there is no such user. */
export function readUser(q: SqlRunner, id: string): UserRow | undefined {
  const row = q.get<Omit<UserRow, 'createdAt'> & { createdAt: string }>(BY_ID, id);
  return row ? { id: row.id, handle: row.handle, displayName: row.displayName, locale: row.locale, createdAt: fromSqlDate(row.createdAt) } : undefined;
}
