import type { Db } from '../db/client';
import { inWriteTransaction } from '../db/transaction';
import { fail } from '../errors';
import type { Actor } from '../policies/actor';
import { isStaff } from '../policies/community';
import type { DomainEvent, Outcome } from './outcome';
import { recordAudit } from './recordAudit';

/** The author deletes (`deleted`); a moderator removes (`removed`). Either way members stop seeing it. */
export async function deletePost(deps: { db: Db; now: Date }, input: { actor: Actor; postId: string }): Promise<Outcome<null>> {
  const post = await deps.db.post.findUnique({ where: { id: input.postId } });
  const own = post?.authorId === input.actor.userId;
  if (!post) fail('not_found');
  // The route has already answered 404 for a post the caller may not see: this one they see but may not delete.
  if (!own && !isStaff(input.actor)) fail('forbidden');
  if (post.status === 'deleted' || post.status === 'removed') return { value: null, events: [], jobs: [] };
  const status = own ? 'deleted' : 'removed';
  const changed = await inWriteTransaction(deps.db, async (tx) => {
    const result = await tx.post.updateMany({ where: { id: post.id, status: post.status }, data: { status } });
    if (result.count === 1 && post.status === 'published' && post.parentId) {
      await tx.post.update({ where: { id: post.parentId }, data: { replyCount: { decrement: 1 } } });
    }
    if (result.count === 0) return null;
    await tx.postTag.updateMany({ where: { postId: post.id }, data: { feedAt: null } });
    const item = await tx.moderationItem.findUnique({ where: { postId: post.id } });
    const resolvedItem = item?.state === 'open' ? item.id : null;
    if (resolvedItem) {
      // The post is gone either way: nothing is left in the queue to decide.
      await tx.moderationItem.update({
        where: { id: resolvedItem },
        data: { state: 'resolved', version: { increment: 1 }, resolution: 'remove', resolvedById: input.actor.userId, resolvedAt: deps.now, resolvedReason: own ? 'deleted by author' : null, claimedById: null, claimedUntil: null },
      });
    }
    if (!own) {
      await recordAudit(tx, { communityId: post.communityId, actorId: input.actor.userId, action: 'post.remove', targetType: 'post', targetId: post.id, before: { status: post.status }, after: { status }, now: deps.now });
    }
    return { resolvedItem };
  });
  if (!changed) return { value: null, events: [], jobs: [] };
  const events: DomainEvent[] = [{ type: 'post:removed', communityId: post.communityId, postId: post.id, authorId: post.authorId }];
  if (changed.resolvedItem) events.push({ type: 'queue:item_updated', communityId: post.communityId, itemId: changed.resolvedItem });
  return { value: null, events, jobs: [] };
}
