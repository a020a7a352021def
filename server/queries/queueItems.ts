// Moderation items as moderators see them: reasons with their spans, reports counted by reason, the claim, the
// author's history and the resolution, read with a few prepared statements per item on the SQL lane.
import type { ModerationItem as QueueItemView, ReasonView, User } from '../contracts/api';
import { fromSqlDate, type SqlLane, type SqlRunner } from '../db/sqlLane';
import { presentUser } from '../presenters/presentUser';
import { loadPostViews } from './postViews';
import { readUser } from './users';

function parseDetail(text: string): Record<string, unknown> {
  try {
    const v: unknown = JSON.parse(text);
    return v && typeof v === 'object' ? (v as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const num = (v: unknown): number | undefined => (typeof v === 'number' ? v : undefined);

function presentReason(r: { source: string; ruleId: string | null; match: string | null; score: number; revision: number; detail: string }): ReasonView {
  const d = parseDetail(r.detail);
  const view: ReasonView = { source: r.source, score: r.score, revision: r.revision };
  const extra = { kind: str(d.kind), ruleId: r.ruleId ?? undefined, match: r.match ?? undefined, normalized: str(d.normalized), entry: str(d.entry), field: str(d.field), start: num(d.start), end: num(d.end), action: str(d.action), severity: str(d.severity), category: str(d.category) };
  for (const [key, value] of Object.entries(extra)) if (value !== undefined) Object.assign(view, { [key]: value });
  return view;
}

const ITEM = `SELECT i.id, i.postId, i.state, i.version, i.escalated, i.openedAt, i.createdAt, i.claimedById, i.claimedUntil,
  i.resolution, i.resolvedById, i.resolvedAt, i.resolvedReason, i.communityId, p.authorId, c.slug AS communitySlug
  FROM "ModerationItem" i JOIN "Post" p ON p.id = i.postId JOIN "Community" c ON c.id = i.communityId WHERE i.id = ?`;
const REASONS = 'SELECT source, ruleId, match, score, revision, detail FROM "ModerationReason" WHERE itemId = ? ORDER BY createdAt, id';
const REPORTS = `SELECT r.reason, r.note, r.createdAt, u.id, u.handle, u.displayName, u.locale, u.createdAt AS userCreatedAt
  FROM "Report" r JOIN "User" u ON u.id = r.reporterId WHERE r.itemId = ? ORDER BY r.createdAt, r.id`;
const AUTHOR_POSTS = `SELECT status, count(*) AS n FROM "Post" WHERE authorId = ? AND communityId = ? AND status IN ('published', 'removed') GROUP BY status`;
const AUTHOR_SANCTIONS = 'SELECT count(*) AS n FROM "Sanction" WHERE userId = ? AND communityId = ?';

interface ItemRow {
  id: string;
  postId: string;
  state: string;
  version: number;
  escalated: number;
  openedAt: string;
  createdAt: string;
  claimedById: string | null;
  claimedUntil: string | null;
  resolution: string | null;
  resolvedById: string | null;
  resolvedAt: string | null;
  resolvedReason: string | null;
  communityId: string;
  authorId: string;
  communitySlug: string;
}

type UserRecord = { id: string; handle: string; displayName: string; locale: string; createdAt: string };
const userView = (row: UserRecord): User => presentUser({ ...row, createdAt: fromSqlDate(row.createdAt) });

/** One item with its reasons, reports, claim, resolution and the author's history, read in one go. */
function readItem(q: SqlRunner, id: string, now: Date): QueueItemView | null {
  const item = q.get<ItemRow>(ITEM, id);
  if (!item) return null;
  const userOf = (userId: string | null): User | null => {
    const row = userId ? readUser(q, userId) : undefined;
    return row ? presentUser(row) : null;
  };
  const reports = q.all<{ reason: string; note: string | null; createdAt: string; userCreatedAt: string } & Omit<UserRecord, 'createdAt'>>(REPORTS, id);
  const reportCounts: Record<string, number> = {};
  for (const r of reports) reportCounts[r.reason] = (reportCounts[r.reason] ?? 0) + 1;
  const posts = q.all<{ status: string; n: number }>(AUTHOR_POSTS, item.authorId, item.communityId);
  const claimedUntil = fromSqlDate(item.claimedUntil);
  const claimer = claimedUntil && claimedUntil > now ? userOf(item.claimedById) : null;
  return {
    id: item.id,
    postId: item.postId,
    communitySlug: item.communitySlug,
    state: item.state,
    version: item.version,
    escalated: item.escalated === 1,
    openedAt: fromSqlDate(item.openedAt).toISOString(),
    createdAt: fromSqlDate(item.createdAt).toISOString(),
    claimedBy: claimer && claimedUntil ? { user: claimer, until: claimedUntil.toISOString() } : null,
    reasons: q.all<{ source: string; ruleId: string | null; match: string | null; score: number; revision: number; detail: string }>(REASONS, id).map(presentReason),
    reportCount: reports.length,
    reportCounts,
    reports: reports.map((r) => ({
      reason: r.reason,
      note: r.note,
      reporter: userView({ id: r.id, handle: r.handle, displayName: r.displayName, locale: r.locale, createdAt: r.userCreatedAt }),
      createdAt: fromSqlDate(r.createdAt).toISOString(),
    })),
    authorHistory: {
      posts: posts.find((p) => p.status === 'published')?.n ?? 0,
      removed: posts.find((p) => p.status === 'removed')?.n ?? 0,
      sanctions: q.get<{ n: number }>(AUTHOR_SANCTIONS, item.authorId, item.communityId)?.n ?? 0,
    },
    resolution: item.resolution && item.resolvedAt
      ? { action: item.resolution, by: userOf(item.resolvedById), at: fromSqlDate(item.resolvedAt).toISOString(), reason: item.resolvedReason }
      : null,
  };
}

/**
 * Loads items by id (order kept) with everything the queue shows; `withPosts` attaches the staff view of each post.
 * Every held post is announced with its item, so this runs on the SQL lane.
 */
export async function loadQueueItems(sql: SqlLane, ids: string[], options: { now: Date; withPosts: boolean }): Promise<QueueItemView[]> {
  if (ids.length === 0) return [];
  const items = await sql.read((q) => ids.flatMap((id) => readItem(q, id, options.now) ?? []));
  if (options.withPosts) {
    const posts = new Map((await loadPostViews(sql, items.map((i) => i.postId), { userId: null, isStaff: true })).map((p) => [p.id, p]));
    for (const item of items) {
      const post = posts.get(item.postId);
      if (post) item.post = post;
    }
  }
  return items;
}

/** One item as the moderators' room and the decision routes show it at `now` (the injected clock: claims lapse by it), or null. */
export async function loadQueueItem(sql: SqlLane, itemId: string, now: Date): Promise<QueueItemView | null> {
  const [item] = await loadQueueItems(sql, [itemId], { now, withPosts: false });
  return item ?? null;
}
