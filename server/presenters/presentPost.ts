import { REACTION_KINDS, type Post, type PostStatus, type ReactionCounts, type ReactionKind } from '../contracts/api';
import { presentUser } from './presentUser';

export interface PostRow {
  id: string;
  parentId: string | null;
  title: string | null;
  body: string;
  censoredBody: string | null;
  censoredTitle: string | null;
  status: string;
  revision: number;
  checkedRevision: number;
  replyCount: number;
  publishAt: Date | null;
  publishedAt: Date | null;
  createdAt: Date;
  editedAt: Date | null;
  authorId: string;
  author: { id: string; handle: string; displayName: string; locale: string; createdAt: Date };
  community: { slug: string };
  tags: { tag: string }[];
}

export interface PostViewer {
  /** Authors and moderators see the original text of a censored post. */
  seesOriginal: boolean;
  reactions: ReactionCounts;
  myReactions: ReactionKind[];
}

/** Every reaction kind at zero. */
export function noReactions(): ReactionCounts {
  return Object.fromEntries(REACTION_KINDS.map((kind) => [kind, 0])) as ReactionCounts;
}

/** A post as the contract describes it, for one viewer. */
export function presentPost(row: PostRow, viewer: PostViewer): Post {
  const pending = row.status === 'pending';
  return {
    id: row.id,
    communitySlug: row.community.slug,
    author: presentUser(row.author),
    parentId: row.parentId,
    title: !viewer.seesOriginal && row.censoredTitle !== null ? row.censoredTitle : row.title,
    body: !viewer.seesOriginal && row.censoredBody !== null ? row.censoredBody : row.body,
    status: row.status as PostStatus,
    review: !pending ? null : row.checkedRevision >= row.revision ? 'awaiting_review' : 'checking',
    revision: row.revision,
    tags: row.tags.map((t) => t.tag).sort(),
    reactions: viewer.reactions,
    myReactions: viewer.myReactions,
    replyCount: row.replyCount,
    publishAt: row.publishAt?.toISOString() ?? null,
    publishedAt: row.publishedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    editedAt: row.editedAt?.toISOString() ?? null,
  };
}
