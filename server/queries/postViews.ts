// Loads posts with everything their presentation needs. Every post is presented at least twice on its way
// (the 201 answer and the post:published announcement), so these run on the SQL lane: a handful of prepared
// statements per post instead of five Prisma queries (bench/README.md).
import type { Post, ReactionCounts, ReactionKind } from '../contracts/api';
import { REACTION_KINDS } from '../contracts/api';
import { fromSqlDate, type SqlLane, type SqlRunner } from '../db/sqlLane';
import { noReactions, presentPost, type PostRow } from '../presenters/presentPost';

/** The relations presentPost reads; use it in every Prisma post query that feeds a presenter. */
export const POST_VIEW_INCLUDE = {
  author: { select: { id: true, handle: true, displayName: true, locale: true, createdAt: true } },
  community: { select: { slug: true } },
  tags: { select: { tag: true } },
} as const;

const TAG_SEPARATOR = '\u001f';

const VIEW = `SELECT p.id, p.parentId, p.title, p.body, p.censoredBody, p.censoredTitle, p.status, p.revision, p.checkedRevision,
  p.replyCount, p.publishAt, p.publishedAt, p.createdAt, p.editedAt, p.authorId,
  u.handle AS authorHandle, u.displayName AS authorDisplayName, u.locale AS authorLocale, u.createdAt AS authorCreatedAt,
  c.slug AS communitySlug, (SELECT group_concat(t.tag, char(31)) FROM "PostTag" t WHERE t.postId = p.id) AS tags
  FROM "Post" p JOIN "User" u ON u.id = p.authorId JOIN "Community" c ON c.id = p.communityId WHERE p.id = ?`;
const COUNTS = 'SELECT kind, count(*) AS n FROM "Reaction" WHERE postId = ? GROUP BY kind';
const MINE = 'SELECT kind FROM "Reaction" WHERE postId = ? AND userId = ?';

/** A PostRow as the VIEW statement returns it: dates as stored text, relations flattened into columns. */
type ViewRow = Omit<PostRow, 'publishAt' | 'publishedAt' | 'createdAt' | 'editedAt' | 'author' | 'community' | 'tags'> & {
  publishAt: string | null;
  publishedAt: string | null;
  createdAt: string;
  editedAt: string | null;
  authorHandle: string;
  authorDisplayName: string;
  authorLocale: string;
  authorCreatedAt: string;
  communitySlug: string;
  tags: string | null;
};

/** Field by field: a rest-and-spread copy leaves V8 a dictionary-mode object, 5-10x slower to build and to read. */
function toPostRow(row: ViewRow): PostRow {
  return {
    id: row.id,
    parentId: row.parentId,
    title: row.title,
    body: row.body,
    censoredBody: row.censoredBody,
    censoredTitle: row.censoredTitle,
    status: row.status,
    revision: row.revision,
    checkedRevision: row.checkedRevision,
    replyCount: row.replyCount,
    publishAt: fromSqlDate(row.publishAt),
    publishedAt: fromSqlDate(row.publishedAt),
    createdAt: fromSqlDate(row.createdAt),
    editedAt: fromSqlDate(row.editedAt),
    authorId: row.authorId,
    author: { id: row.authorId, handle: row.authorHandle, displayName: row.authorDisplayName, locale: row.authorLocale, createdAt: fromSqlDate(row.authorCreatedAt) },
    community: { slug: row.communitySlug },
    tags: row.tags ? row.tags.split(TAG_SEPARATOR).map((tag) => ({ tag })) : [],
  };
}

export interface ViewerContext {
  userId: string | null;
  /** Moderators and above see the uncensored text. */
  isStaff: boolean;
}

function reactionsOf(q: SqlRunner, postId: string): ReactionCounts {
  const reactions = noReactions();
  for (const c of q.all<{ kind: string; n: number }>(COUNTS, postId)) {
    if ((REACTION_KINDS as readonly string[]).includes(c.kind)) reactions[c.kind as ReactionKind] = c.n;
  }
  return reactions;
}

function present(q: SqlRunner, row: PostRow, viewer: ViewerContext): Post {
  const myReactions = viewer.userId ? q.all<{ kind: string }>(MINE, row.id, viewer.userId).map((m) => m.kind as ReactionKind) : [];
  return presentPost(row, { seesOriginal: viewer.isStaff || row.authorId === viewer.userId, reactions: reactionsOf(q, row.id), myReactions });
}

/** Presents already-loaded rows for one viewer, adding reaction counts and the viewer's own reactions. */
export function presentPostRows(sql: SqlLane, rows: PostRow[], viewer: ViewerContext): Promise<Post[]> {
  if (rows.length === 0) return Promise.resolve([]);
  return sql.read((q) => rows.map((row) => present(q, row, viewer)));
}

/** Loads and presents posts by id (order kept; missing ids are skipped). */
export function loadPostViews(sql: SqlLane, ids: string[], viewer: ViewerContext): Promise<Post[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return sql.read((q) =>
    ids.flatMap((id) => {
      const row = q.get<ViewRow>(VIEW, id);
      return row ? [present(q, toPostRow(row), viewer)] : [];
    }),
  );
}

/**
 * One post as members see it (censored) and as its author and the moderators see it (as written), from one read:
 * announcements send both.
 */
export function loadPostAudienceViews(sql: SqlLane, postId: string): Promise<{ members: Post; insiders: Post } | null> {
  return sql.read((q) => {
    const found = q.get<ViewRow>(VIEW, postId);
    if (!found) return null;
    const row = toPostRow(found);
    const reactions = reactionsOf(q, postId);
    const view = (seesOriginal: boolean) => presentPost(row, { seesOriginal, reactions, myReactions: [] });
    return { members: view(false), insiders: view(true) };
  });
}
