import type { Db } from '../db/client';
import { inWriteTransaction } from '../db/transaction';
import { fail } from '../errors';
import { parseHashtags } from '../lib/hashtags';
import type { Actor } from '../policies/actor';
import { authorize } from '../policies/community';
import type { BlockScreen } from './screenForBlock';
import type { Outcome } from './outcome';
import type { RuleSetSource } from '../queries/ruleSets';

export interface CreatePostInput {
  actor: Actor;
  community: RuleSetSource;
  body: string;
  title?: string;
  parentId?: string;
  publishAt?: Date;
}

/**
 * Saves a post as `pending` (or `scheduled`) and asks for its check. Nothing is visible to other members until
 * the flagging worker publishes it; a `block` rule refuses it here, before anything is stored.
 */
export async function createPost(deps: { db: Db; now: Date; screen: BlockScreen }, input: CreatePostInput): Promise<Outcome<{ id: string }>> {
  authorize(input.actor, 'post.create');
  await deps.screen({ community: input.community, text: joinText(input.title, input.body) });
  const communityId = input.community.id;
  const scheduled = input.publishAt !== undefined && input.publishAt.getTime() > deps.now.getTime();
  const post = await inWriteTransaction(deps.db, async (tx) => {
    if (input.parentId) {
      const parent = await tx.post.findUnique({ where: { id: input.parentId }, select: { communityId: true, status: true } });
      if (!parent || parent.communityId !== communityId || parent.status !== 'published') fail('invalid_parent');
    }
    return tx.post.create({
      data: {
        communityId,
        authorId: input.actor.userId,
        parentId: input.parentId ?? null,
        title: input.title ?? null,
        body: input.body,
        status: scheduled ? 'scheduled' : 'pending',
        publishAt: scheduled ? input.publishAt : null,
        createdAt: deps.now,
        tags: { create: parseHashtags(joinText(input.title, input.body)).map((tag) => ({ tag, communityId })) },
      },
      select: { id: true, revision: true },
    });
  });
  const delayMs = scheduled && input.publishAt ? input.publishAt.getTime() - deps.now.getTime() : 0;
  return { value: { id: post.id }, events: [], jobs: [{ queue: 'flagging', data: { postId: post.id, revision: post.revision }, delayMs }] };
}

/** The text the checker and the tag parser read: title and body together. */
export function joinText(title: string | null | undefined, body: string): string {
  return title ? `${title}\n${body}` : body;
}
