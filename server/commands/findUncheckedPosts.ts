import type { FlagPostJob } from '../contracts/jobs';
import type { Db } from '../db/client';
import { CHECKABLE_STATUSES } from './applyPostCheck';


/**
 * Posts whose check is owed and overdue: pending ones whose current revision was never checked, and scheduled ones
 * that are due. The sweeper queues a job for each; job ids collapse duplicates of single jobs, and applyPostCheck
 * skips finished work whatever job it comes from.
 *
 * It reads the `checkDueAt` index, so its cost follows the posts whose check is owed, not the posts held for a
 * moderator (a scan of every pending post took 44 ms with 100,000 of them, on the worker's event loop, every sweep).
 * A marker whose post was settled some other way (removed or deleted before its check) is cleared here.
 */
export async function findUncheckedPosts(deps: { db: Db; now: Date }, options: { graceMs: number; limit: number }): Promise<FlagPostJob[]> {
  // Younger ones most likely have their job in flight already; a scheduled post's delayed job has the same grace.
  const before = new Date(deps.now.getTime() - options.graceMs);
  const rows = await deps.db.post.findMany({
    where: { checkDueAt: { lte: before } },
    select: { id: true, revision: true, checkedRevision: true, status: true },
    orderBy: { checkDueAt: 'asc' },
    take: options.limit,
  });
  const owed = rows.filter((r) => CHECKABLE_STATUSES.includes(r.status) && r.checkedRevision < r.revision);
  if (owed.length < rows.length) {
    const stale = rows.filter((r) => !owed.includes(r)).map((r) => r.id);
    // A marker on a post in no checkable state, or already checked, is stale. Cleared only while still settled: an
    // edit in between owes a check again and must keep its marker.
    await deps.db.post.updateMany({
      where: { id: { in: stale }, OR: [{ status: { notIn: CHECKABLE_STATUSES } }, { checkedRevision: { gte: deps.db.post.fields.revision } }] },
      data: { checkDueAt: null },
    });
  }
  return owed.map((r) => ({ postId: r.id, revision: r.revision }));
}
