// A community's own background work, read from the database: BullMQ jobs carry no community, posts do. Two lists:
// posts whose automatic check is owed (pending with checkDueAt set: queued, running or waiting for the sweeper) and
// scheduled posts (their check and publication are due at publishAt).
import type { Db } from '../db/client';
import type { CursorKey } from '../lib/cursor';

export type JobKind = 'checking' | 'scheduled';

export interface JobsSummary {
  checking: { count: number; oldestDueAt: string | null; oldestAgeSeconds: number | null };
  scheduled: { count: number; due: number; nextPublishAt: string | null };
}

/** How many of each, the oldest owed check and its age, and how many scheduled posts are past their time. */
export async function summarizeCommunityJobs(db: Db, input: { communityId: string; now: Date }): Promise<JobsSummary> {
  const checkingWhere = { communityId: input.communityId, status: 'pending', checkDueAt: { not: null } };
  const scheduledWhere = { communityId: input.communityId, status: 'scheduled' };
  const [checking, oldest, scheduled, due, next] = await Promise.all([
    db.post.count({ where: checkingWhere }),
    db.post.findFirst({ where: checkingWhere, orderBy: { checkDueAt: 'asc' }, select: { checkDueAt: true } }),
    db.post.count({ where: scheduledWhere }),
    db.post.count({ where: { ...scheduledWhere, publishAt: { lte: input.now } } }),
    db.post.findFirst({ where: scheduledWhere, orderBy: { publishAt: 'asc' }, select: { publishAt: true } }),
  ]);
  const oldestDueAt = oldest?.checkDueAt ?? null;
  return {
    checking: {
      count: checking,
      oldestDueAt: oldestDueAt?.toISOString() ?? null,
      oldestAgeSeconds: oldestDueAt ? Math.max(0, Math.floor((input.now.getTime() - oldestDueAt.getTime()) / 1000)) : null,
    },
    scheduled: { count: scheduled, due, nextPublishAt: next?.publishAt?.toISOString() ?? null },
  };
}

/** One page of a list, the longest-waiting first: ids with the time each is due, keyed (dueAt, id) for the cursor. */
export async function listCommunityJobs(
  db: Db,
  input: { communityId: string; kind: JobKind; limit: number; after: CursorKey | null },
): Promise<{ id: string; dueAt: Date }[]> {
  const field = input.kind === 'checking' ? 'checkDueAt' : 'publishAt';
  const after = input.after;
  const rows = await db.post.findMany({
    where: {
      communityId: input.communityId,
      status: input.kind === 'checking' ? 'pending' : 'scheduled',
      [field]: { not: null },
      ...(after ? { OR: [{ [field]: { gt: after.at } }, { [field]: after.at, id: { gt: after.id } }] } : {}),
    },
    orderBy: [{ [field]: 'asc' }, { id: 'asc' }],
    take: input.limit + 1,
    select: { id: true, checkDueAt: true, publishAt: true },
  });
  return rows.flatMap((r) => {
    const dueAt = input.kind === 'checking' ? r.checkDueAt : r.publishAt;
    return dueAt ? [{ id: r.id, dueAt }] : [];
  });
}
