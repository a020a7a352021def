// Moderation items as moderators see them: reasons with their spans, reports counted by reason, the claim, the
// author's history and the resolution. Built for a page of items in a fixed number of queries.
import type { ModerationItem as QueueItemView, ReasonView, User } from '../contracts/api';
import type { Db } from '../db/client';
import type { SqlLane } from '../db/sqlLane';
import { presentUser } from '../presenters/presentUser';
import { loadPostViews } from './postViews';

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

/** Loads items by id (order kept) with everything the queue shows; `withPosts` attaches the staff view of each post. */
export async function loadQueueItems(store: { db: Db; sql: SqlLane }, ids: string[], options: { now: Date; withPosts: boolean }): Promise<QueueItemView[]> {
  if (ids.length === 0) return [];
  const { db, sql } = store;
  const items = await db.moderationItem.findMany({
    where: { id: { in: ids } },
    include: {
      reasons: { orderBy: { createdAt: 'asc' } },
      reports: { orderBy: { createdAt: 'asc' } },
      post: { select: { authorId: true } },
      community: { select: { slug: true } },
    },
  });
  const userIds = new Set<string>();
  for (const item of items) {
    if (item.claimedById) userIds.add(item.claimedById);
    if (item.resolvedById) userIds.add(item.resolvedById);
    for (const r of item.reports) userIds.add(r.reporterId);
  }
  const authorIds = [...new Set(items.map((i) => i.post.authorId))];
  const communityIds = [...new Set(items.map((i) => i.communityId))];
  const [users, postCounts, sanctionCounts, posts] = await Promise.all([
    db.user.findMany({ where: { id: { in: [...userIds] } } }),
    db.post.groupBy({ by: ['authorId', 'status'], where: { authorId: { in: authorIds }, communityId: { in: communityIds } }, _count: { _all: true } }),
    db.sanction.groupBy({ by: ['userId'], where: { userId: { in: authorIds }, communityId: { in: communityIds } }, _count: { _all: true } }),
    options.withPosts ? loadPostViews(sql, items.map((i) => i.postId), { userId: null, isStaff: true }) : Promise.resolve([]),
  ]);
  const userBy = new Map(users.map((u) => [u.id, presentUser(u)]));
  const postBy = new Map(posts.map((p) => [p.id, p]));
  const history = (authorId: string) => ({
    posts: postCounts.filter((c) => c.authorId === authorId && c.status === 'published').reduce((n, c) => n + c._count._all, 0),
    removed: postCounts.filter((c) => c.authorId === authorId && c.status === 'removed').reduce((n, c) => n + c._count._all, 0),
    sanctions: sanctionCounts.find((c) => c.userId === authorId)?._count._all ?? 0,
  });
  const byId = new Map(items.map((item) => {
    const claimActive = item.claimedById && item.claimedUntil && item.claimedUntil > options.now;
    const claimer = claimActive && item.claimedById ? userBy.get(item.claimedById) : undefined;
    const reportCounts: Record<string, number> = {};
    for (const r of item.reports) reportCounts[r.reason] = (reportCounts[r.reason] ?? 0) + 1;
    const view: QueueItemView = {
      id: item.id,
      postId: item.postId,
      communitySlug: item.community.slug,
      state: item.state,
      version: item.version,
      escalated: item.escalated,
      openedAt: item.openedAt.toISOString(),
      createdAt: item.createdAt.toISOString(),
      claimedBy: claimer && item.claimedUntil ? { user: claimer, until: item.claimedUntil.toISOString() } : null,
      reasons: item.reasons.map(presentReason),
      reportCount: item.reports.length,
      reportCounts,
      reports: item.reports.flatMap((r) => {
        const reporter = userBy.get(r.reporterId);
        return reporter ? [{ reason: r.reason, note: r.note, reporter, createdAt: r.createdAt.toISOString() }] : [];
      }),
      authorHistory: history(item.post.authorId),
      resolution: item.resolution && item.resolvedAt
        ? { action: item.resolution, by: item.resolvedById ? (userBy.get(item.resolvedById) ?? null) : null, at: item.resolvedAt.toISOString(), reason: item.resolvedReason }
        : null,
    };
    const post = postBy.get(item.postId);
    if (post) view.post = post;
    return [item.id, view] as const;
  }));
  return ids.map((id) => byId.get(id)).filter((v): v is QueueItemView => v !== undefined);
}

/** One item as the moderators' room and the decision routes show it at `now` (the injected clock: claims lapse by it), or null. */
export async function loadQueueItem(store: { db: Db; sql: SqlLane }, itemId: string, now: Date): Promise<QueueItemView | null> {
  const [item] = await loadQueueItems(store, [itemId], { now, withPosts: false });
  return item ?? null;
}
