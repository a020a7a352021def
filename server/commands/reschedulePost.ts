// Moving and cancelling a scheduled post. The time is part of the plan that the flagging job for (post, revision)
// carries out, so every move writes a new revision: the job planned for the old time then finds a stale revision and
// does nothing (applyPostCheck's conditional update), and the new revision's job waits for the new time. However
// often the time moves, earlier or later, at most one revision is ever checked and published, never before its time.
import type { Db } from '../db/client';
import { inWriteTransaction } from '../db/transaction';
import { fail } from '../errors';
import type { Actor } from '../policies/actor';
import { authorize } from '../policies/community';
import type { DomainEvent, Outcome } from './outcome';
import { recordAudit } from './recordAudit';

type Post = NonNullable<Awaited<ReturnType<Db['post']['findUnique']>>>;

/** The author may plan their own post; a manager may plan anyone's (and is audited for it). */
function assertMayPlan(actor: Actor, post: Post): { own: boolean } {
  const own = post.authorId === actor.userId;
  if (own) authorize(actor, 'post.create');
  else authorize(actor, 'settings.update');
  // Only a post still waiting for its time has a plan to change; a published one is edited instead.
  if (post.status !== 'scheduled') fail('post_not_editable');
  return { own };
}

/**
 * Moves a scheduled post to `publishAt`. A time that is not in the future publishes it now (checked first, like any
 * post). Refuses with 409 when the post was published, cancelled or changed by someone else meanwhile.
 */
export async function reschedulePost(deps: { db: Db; now: Date }, input: { actor: Actor; postId: string; publishAt: Date }): Promise<Outcome<{ id: string; scheduled: boolean }>> {
  const post = await deps.db.post.findUnique({ where: { id: input.postId } });
  if (!post) fail('not_found');
  const { own } = assertMayPlan(input.actor, post);
  const scheduled = input.publishAt.getTime() > deps.now.getTime();
  const revision = post.revision + 1;
  await inWriteTransaction(deps.db, async (tx) => {
    // Conditional on the revision read above: a worker that published it, or another move, wins and this one is refused.
    const result = await tx.post.updateMany({
      where: { id: post.id, revision: post.revision, status: 'scheduled' },
      data: {
        status: scheduled ? 'scheduled' : 'pending',
        publishAt: scheduled ? input.publishAt : null,
        revision,
        checkDueAt: scheduled ? input.publishAt : deps.now,
      },
    });
    if (result.count === 0) fail('post_not_editable');
    if (!own) {
      await recordAudit(tx, {
        communityId: post.communityId,
        actorId: input.actor.userId,
        action: 'post.reschedule',
        targetType: 'post',
        targetId: post.id,
        before: { publishAt: post.publishAt?.toISOString() ?? null },
        after: { publishAt: scheduled ? input.publishAt.toISOString() : null, status: scheduled ? 'scheduled' : 'pending' },
        now: deps.now,
      });
    }
  });
  const events: DomainEvent[] = [{ type: 'post:changed_private', communityId: post.communityId, postId: post.id, authorId: post.authorId }];
  const delayMs = scheduled ? input.publishAt.getTime() - deps.now.getTime() : 0;
  return { value: { id: post.id, scheduled }, events, jobs: [{ queue: 'flagging', data: { postId: post.id, revision }, delayMs }] };
}

/**
 * Cancels a scheduled post: it becomes `deleted`, as a cancelled message does in Buffer's and Hootsuite's queues,
 * and is never published. The revision moves on too, so a job already running for it changes nothing.
 */
export async function cancelScheduledPost(deps: { db: Db; now: Date }, input: { actor: Actor; postId: string }): Promise<Outcome<{ id: string }>> {
  const post = await deps.db.post.findUnique({ where: { id: input.postId } });
  if (!post) fail('not_found');
  const { own } = assertMayPlan(input.actor, post);
  await inWriteTransaction(deps.db, async (tx) => {
    const result = await tx.post.updateMany({
      where: { id: post.id, revision: post.revision, status: 'scheduled' },
      data: { status: 'deleted', revision: post.revision + 1, checkDueAt: null },
    });
    if (result.count === 0) fail('post_not_editable');
    if (!own) {
      await recordAudit(tx, {
        communityId: post.communityId,
        actorId: input.actor.userId,
        action: 'post.cancel_schedule',
        targetType: 'post',
        targetId: post.id,
        before: { status: 'scheduled', publishAt: post.publishAt?.toISOString() ?? null },
        after: { status: 'deleted' },
        now: deps.now,
      });
    }
  });
  return { value: { id: post.id }, events: [{ type: 'post:changed_private', communityId: post.communityId, postId: post.id, authorId: post.authorId }], jobs: [] };
}
