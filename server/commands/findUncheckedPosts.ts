import type { FlagPostJob } from '../contracts/jobs';
import type { Db } from '../db/client';

/**
 * Posts whose check is owed: pending ones whose current revision was never checked, and scheduled ones that are
 * due. The sweeper queues a job for each; job ids collapse duplicates of single jobs, and applyPostCheck skips
 * finished work whatever job it comes from.
 */
export async function findUncheckedPosts(deps: { db: Db; now: Date }, options: { graceMs: number; limit: number }): Promise<FlagPostJob[]> {
  // Posts younger than the grace period most likely have their job in flight already.
  const before = new Date(deps.now.getTime() - options.graceMs);
  const rows = await deps.db.post.findMany({
    where: {
      OR: [
        { status: 'pending', updatedAt: { lte: before } },
        { status: 'scheduled', publishAt: { lte: deps.now } },
      ],
      // Held posts were checked (checkedRevision = revision): leave them out in SQL so they never crowd the page.
      checkedRevision: { lt: deps.db.post.fields.revision },
    },
    select: { id: true, revision: true },
    orderBy: { createdAt: 'asc' },
    take: options.limit,
  });
  return rows.map((r) => ({ postId: r.id, revision: r.revision }));
}
