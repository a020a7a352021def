// Keyset-paged post lists. Published posts page on (feedAt, id) through the index
// [communityId, status, parentId, feedAt, id]; a tag first pages PostTag on [communityId, tag, feedAt, postId].
import type { Db } from '../db/client';
import type { CursorKey } from '../lib/cursor';
import { POST_VIEW_INCLUDE } from './postViews';

export interface FeedQuery {
  communityId: string;
  parentId: string | null;
  tag?: string;
  limit: number;
  after: CursorKey | null;
}

/** Published posts newest first (limit + 1 rows, so the caller can tell whether there is a next page). */
export async function listPublished(db: Db, q: FeedQuery) {
  if (q.tag) {
    const tagged = await db.postTag.findMany({
      where: {
        communityId: q.communityId,
        tag: q.tag,
        feedAt: q.after ? { lte: q.after.at } : { not: null },
        ...(q.after ? { NOT: { feedAt: q.after.at, postId: { gte: q.after.id } } } : {}),
      },
      orderBy: [{ feedAt: 'desc' }, { postId: 'desc' }],
      take: q.limit + 1,
      select: { postId: true },
    });
    const rows = await db.post.findMany({
      where: { id: { in: tagged.map((t) => t.postId) }, status: 'published' },
      include: POST_VIEW_INCLUDE,
    });
    const byId = new Map(rows.map((r) => [r.id, r]));
    return tagged.map((t) => byId.get(t.postId)).filter((r): r is (typeof rows)[number] => r !== undefined);
  }
  return db.post.findMany({
    where: {
      communityId: q.communityId,
      status: 'published',
      parentId: q.parentId,
      // "At or before the cursor's time, minus the rows at that time not below its id": SQLite scans this as one index
      // range in feed order. The equivalent OR of two ranges made it merge both and sort every older post first
      // (bench:feed: the second page of a 20,000-post feed took 58 ms instead of 3).
      ...(q.after ? { feedAt: { lte: q.after.at }, NOT: { feedAt: q.after.at, id: { gte: q.after.id } } } : {}),
    },
    include: POST_VIEW_INCLUDE,
    orderBy: [{ feedAt: 'desc' }, { id: 'desc' }],
    take: q.limit + 1,
  });
}

/** Posts in a non-published state, newest first: the author's own, or everyone's for moderators. */
export async function listByStatus(db: Db, q: Omit<FeedQuery, 'tag'> & { status: string; authorId: string | null }) {
  return db.post.findMany({
    where: {
      communityId: q.communityId,
      status: q.status,
      ...(q.authorId ? { authorId: q.authorId } : {}),
      ...(q.parentId ? { parentId: q.parentId } : {}),
      // The same one-range cursor form as the feed above, on the (communityId, status, createdAt, id) index.
      ...(q.after ? { createdAt: { lte: q.after.at }, NOT: { createdAt: q.after.at, id: { gte: q.after.id } } } : {}),
    },
    include: POST_VIEW_INCLUDE,
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: q.limit + 1,
  });
}
