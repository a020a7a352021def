import type { Notification } from '../contracts/api';

interface NotificationRow {
  id: string;
  kind: string;
  data: string;
  readAt: Date | null;
  createdAt: Date;
  community: { slug: string } | null;
}

/** A notification; `data` is stored as JSON text and parsed here so a bad row cannot break the list. */
export function presentNotification(row: NotificationRow): Notification {
  let data: Record<string, unknown> = {};
  try {
    const parsed: unknown = JSON.parse(row.data);
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) data = parsed as Record<string, unknown>;
  } catch {
    data = {};
  }
  return {
    id: row.id,
    kind: row.kind,
    communitySlug: row.community?.slug ?? null,
    data,
    readAt: row.readAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
  };
}
