import type { ReactionKind } from '../contracts/api';
import type { Db } from '../db/client';
import { isUniqueViolation } from '../db/errors';
import { fail } from '../errors';
import type { Actor } from '../policies/actor';
import { authorize } from '../policies/community';
import type { Outcome } from './outcome';

interface ReactionInput {
  actor: Actor;
  post: { id: string; communityId: string; authorId: string; status: string };
  kind: ReactionKind;
}

/** Adds the caller's reaction of one kind; adding it twice is harmless. Only published posts take reactions. */
export async function addReaction(deps: { db: Db; now: Date }, input: ReactionInput): Promise<Outcome<null>> {
  authorize(input.actor, 'post.react');
  if (input.post.status !== 'published') fail('not_found');
  try {
    await deps.db.reaction.create({ data: { postId: input.post.id, userId: input.actor.userId, kind: input.kind, createdAt: deps.now } });
  } catch (err) {
    if (isUniqueViolation(err)) return { value: null, events: [], jobs: [] };
    throw err;
  }
  return { value: null, events: [updated(input.post)], jobs: [] };
}

/** Removes the caller's reaction of one kind (or all of theirs on the post when no kind is given). */
export async function removeReaction(
  deps: { db: Db },
  input: Omit<ReactionInput, 'kind'> & { kind?: ReactionKind },
): Promise<Outcome<null>> {
  authorize(input.actor, 'post.react');
  const { count } = await deps.db.reaction.deleteMany({
    where: { postId: input.post.id, userId: input.actor.userId, ...(input.kind ? { kind: input.kind } : {}) },
  });
  return { value: null, events: count > 0 && input.post.status === 'published' ? [updated(input.post)] : [], jobs: [] };
}

function updated(post: ReactionInput['post']) {
  return { type: 'post:updated' as const, communityId: post.communityId, postId: post.id, authorId: post.authorId };
}
