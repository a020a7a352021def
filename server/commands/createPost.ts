import { newId } from '../lib/ids';
import { sqlDate, type SqlLane } from '../db/sqlLane';
import { fail } from '../errors';
import { parseHashtags } from '../lib/hashtags';
import type { Actor } from '../policies/actor';
import { authorize } from '../policies/community';
import type { BlockScreen } from './screenForBlock';
import type { Outcome } from './outcome';
import type { RuleSetSource } from '../queries/ruleSets';
import { readUser } from '../queries/users';
import type { PostRow } from '../presenters/presentPost';

export interface CreatePostInput {
  actor: Actor;
  community: RuleSetSource & { slug: string };
  body: string;
  title?: string;
  parentId?: string;
  publishAt?: Date;
}

const PARENT = 'SELECT communityId, status FROM "Post" WHERE id = ?';
const INSERT_POST = `INSERT INTO "Post" (id, communityId, authorId, parentId, title, body, status, revision, checkedRevision, publishAt, checkDueAt, createdAt, updatedAt)
  VALUES (?, ?, ?, ?, ?, ?, ?, 1, 0, ?, ?, ?, ?)`;
const INSERT_TAG = 'INSERT INTO "PostTag" (postId, communityId, tag) VALUES (?, ?, ?)';

/**
 * Saves a post as `pending` (or `scheduled`) and asks for its check. Nothing is visible to other members until
 * the flagging worker publishes it; a `block` rule refuses it here, before anything is stored. Returns the row as
 * written, for the 201 answer: the post as it was saved, even when the worker has checked it by the time the answer
 * goes out, and without reading it back.
 */
export async function createPost(deps: { sql: SqlLane; now: Date; screen: BlockScreen }, input: CreatePostInput): Promise<Outcome<{ id: string; row: PostRow }>> {
  authorize(input.actor, 'post.create');
  await deps.screen({ community: input.community, text: joinText(input.title, input.body) });
  const communityId = input.community.id;
  const scheduled = input.publishAt !== undefined && input.publishAt.getTime() > deps.now.getTime();
  // Time-ordered like Prisma's uuid(7), from the real clock, so ids stay monotonic even when tests fix `now`.
  const id = newId();
  const at = sqlDate(deps.now);
  const tags = parseHashtags(joinText(input.title, input.body));
  const status = scheduled ? 'scheduled' : 'pending';
  const publishAt = scheduled && input.publishAt ? input.publishAt : null;
  const author = await deps.sql.write((q) => {
    if (input.parentId) {
      const parent = q.get<{ communityId: string; status: string }>(PARENT, input.parentId);
      if (!parent || parent.communityId !== communityId || parent.status !== 'published') fail('invalid_parent');
    }
    const publishAtText = publishAt ? sqlDate(publishAt) : null;
    q.run(INSERT_POST, id, communityId, input.actor.userId, input.parentId ?? null, input.title ?? null, input.body, status, publishAtText, publishAtText ?? at, at, at);
    for (const tag of tags) q.run(INSERT_TAG, id, communityId, tag);
    return readUser(q, input.actor.userId) ?? fail('not_found');
  });
  const row: PostRow = {
    id,
    parentId: input.parentId ?? null,
    title: input.title ?? null,
    body: input.body,
    censoredBody: null,
    censoredTitle: null,
    status,
    revision: 1,
    checkedRevision: 0,
    replyCount: 0,
    publishAt,
    publishedAt: null,
    // As stored: sqlDate keeps milliseconds, so the row read back later says the same.
    createdAt: deps.now,
    editedAt: null,
    authorId: input.actor.userId,
    author,
    community: { slug: input.community.slug },
    tags: tags.map((tag) => ({ tag })),
  };
  const delayMs = publishAt ? publishAt.getTime() - deps.now.getTime() : 0;
  return { value: { id, row }, events: [], jobs: [{ queue: 'flagging', data: { postId: id, revision: 1 }, delayMs }] };
}

/** The text the checker and the tag parser read: title and body together. */
export function joinText(title: string | null | undefined, body: string): string {
  return title ? `${title}\n${body}` : body;
}
