import type { Notification } from '../contracts/api';
import { fromSqlDate, type SqlLane } from '../db/sqlLane';
import { presentNotification } from '../presenters/presentNotification';

const ONE = `SELECT n.id, n.kind, n.data, n.readAt, n.createdAt, c.slug AS communitySlug
  FROM "Notification" n LEFT JOIN "Community" c ON c.id = n.communityId WHERE n.id = ?`;

/** One notification as its reader sees it, or null. Every held post sends one, so it is read on the SQL lane. */
export async function loadNotification(sql: SqlLane, id: string): Promise<Notification | null> {
  const row = await sql.read((q) =>
    q.get<{ id: string; kind: string; data: string; readAt: string | null; createdAt: string; communitySlug: string | null }>(ONE, id),
  );
  if (!row) return null;
  return presentNotification({
    id: row.id,
    kind: row.kind,
    data: row.data,
    readAt: fromSqlDate(row.readAt),
    createdAt: fromSqlDate(row.createdAt),
    community: row.communitySlug === null ? null : { slug: row.communitySlug },
  });
}
