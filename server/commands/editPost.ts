import type { Db } from '../db/client';
import { inWriteTransaction } from '../db/transaction';
import { fail } from '../errors';
import { parseHashtags } from '../lib/hashtags';
import type { Actor } from '../policies/actor';
import { authorize } from '../policies/community';
import { joinText } from './createPost';
import type { DomainEvent, Outcome } from './outcome';
import type { BlockScreen } from './screenForBlock';

const EDITABLE = new Set(['pending', 'published', 'scheduled']);

/** The author edits a post: a new revision, back to `pending` (hidden from members) until it is checked again. */
export async function editPost(
  deps: { db: Db; now: Date; screen: BlockScreen },
  input: { actor: Actor; postId: string; body: string; title?: string },
): Promise<Outcome<{ id: string }>> {
  const current = await deps.db.post.findUnique({ where: { id: input.postId }, include: { community: true } });
  if (!current) fail('not_found');
  // The route has already answered 404 for a post the caller may not see: this one they see but do not own.
  if (current.authorId !== input.actor.userId) fail('forbidden');
  authorize(input.actor, 'post.create');
  // A post hidden by reports or removed must go through a moderator, not around one by editing.
  if (!EDITABLE.has(current.status)) fail('post_not_editable');
  const title = input.title ?? current.title ?? undefined;
  await deps.screen({ community: current.community, text: joinText(title, input.body) });
  const updated = await inWriteTransaction(deps.db, async (tx) => {
    const stillScheduled = current.status === 'scheduled' && current.publishAt !== null && current.publishAt > deps.now;
    const result = await tx.post.updateMany({
      where: { id: current.id, revision: current.revision, status: { in: [...EDITABLE] } },
      data: {
        body: input.body,
        title: title ?? null,
        censoredBody: null,
        censoredTitle: null,
        status: stillScheduled ? 'scheduled' : 'pending',
        revision: { increment: 1 },
        checkDueAt: stillScheduled ? current.publishAt : deps.now,
        editedAt: deps.now,
      },
    });
    // Someone else changed it meanwhile (a moderator's removal, another edit): refuse rather than overwrite.
    if (result.count === 0) fail('post_not_editable');
    await tx.postTag.deleteMany({ where: { postId: current.id } });
    await tx.postTag.createMany({
      data: parseHashtags(joinText(title, input.body)).map((tag) => ({ postId: current.id, tag, communityId: current.communityId })),
    });
    if (current.status === 'published' && current.parentId) {
      await tx.post.update({ where: { id: current.parentId }, data: { replyCount: { decrement: 1 } } });
    }
    // A moderator may be reading the old text: bumping the item's version in this same transaction makes any
    // decision sent for that text stale (409), so an approval never covers a revision nobody reviewed.
    const item = await tx.moderationItem.findUnique({ where: { postId: current.id }, select: { id: true } });
    if (item) await tx.moderationItem.update({ where: { id: item.id }, data: { version: { increment: 1 } } });
    return { revision: current.revision + 1, stillScheduled, itemId: item?.id ?? null };
  });
  const events: DomainEvent[] =
    current.status === 'published'
      ? [{ type: 'post:removed', communityId: current.communityId, postId: current.id, authorId: current.authorId }]
      : [];
  if (updated.itemId) events.push({ type: 'queue:item_updated', communityId: current.communityId, itemId: updated.itemId });
  const delayMs = updated.stillScheduled && current.publishAt ? current.publishAt.getTime() - deps.now.getTime() : 0;
  return { value: { id: current.id }, events, jobs: [{ queue: 'flagging', data: { postId: current.id, revision: updated.revision }, delayMs }] };
}
