// Loads posts with everything their presentation needs in a fixed number of queries, whatever the page size.
import type { Post, ReactionCounts, ReactionKind } from '../contracts/api';
import { REACTION_KINDS } from '../contracts/api';
import type { Db } from '../db/client';
import { presentPost, type PostRow } from '../presenters/presentPost';

/** The relations presentPost reads; use it in every post query that feeds a presenter. */
export const POST_VIEW_INCLUDE = {
  author: { select: { id: true, handle: true, displayName: true, locale: true, createdAt: true } },
  community: { select: { slug: true } },
  tags: { select: { tag: true } },
} as const;

function emptyCounts(): ReactionCounts {
  return { like: 0, love: 0, insightful: 0, funny: 0 };
}

export interface ViewerContext {
  userId: string | null;
  /** Moderators and above see the uncensored text. */
  isStaff: boolean;
}

/** Presents already-loaded rows for one viewer, adding reaction counts and the viewer's own reactions. */
export async function presentPostRows(db: Db, rows: PostRow[], viewer: ViewerContext): Promise<Post[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const [counts, mine] = await Promise.all([
    db.reaction.groupBy({ by: ['postId', 'kind'], where: { postId: { in: ids } }, _count: { _all: true } }),
    viewer.userId
      ? db.reaction.findMany({ where: { postId: { in: ids }, userId: viewer.userId }, select: { postId: true, kind: true } })
      : Promise.resolve([]),
  ]);
  const countsByPost = new Map<string, ReactionCounts>();
  for (const c of counts) {
    const entry = countsByPost.get(c.postId) ?? emptyCounts();
    if ((REACTION_KINDS as readonly string[]).includes(c.kind)) entry[c.kind as ReactionKind] = c._count._all;
    countsByPost.set(c.postId, entry);
  }
  const mineByPost = new Map<string, ReactionKind[]>();
  for (const m of mine) mineByPost.set(m.postId, [...(mineByPost.get(m.postId) ?? []), m.kind as ReactionKind]);
  return rows.map((row) =>
    presentPost(row, {
      seesOriginal: viewer.isStaff || row.authorId === viewer.userId,
      reactions: countsByPost.get(row.id) ?? emptyCounts(),
      myReactions: mineByPost.get(row.id) ?? [],
    }),
  );
}

/** Loads and presents posts by id (order kept; missing ids are skipped). */
export async function loadPostViews(db: Db, ids: string[], viewer: ViewerContext): Promise<Post[]> {
  const rows = await db.post.findMany({ where: { id: { in: ids } }, include: POST_VIEW_INCLUDE });
  const byId = new Map(rows.map((r) => [r.id, r]));
  const ordered = ids.map((id) => byId.get(id)).filter((r): r is (typeof rows)[number] => r !== undefined);
  return presentPostRows(db, ordered, viewer);
}
