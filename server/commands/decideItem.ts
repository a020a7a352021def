import type { SanctionKind } from '../contracts/api';
import type { Db } from '../db/client';
import type { SqlLane } from '../db/sqlLane';
import { inWriteTransaction, type Tx } from '../db/transaction';
import { AppError, fail } from '../errors';
import type { Actor } from '../policies/actor';
import { authorize } from '../policies/community';
import { loadQueueItem } from '../queries/queueItems';
import { notify } from './notify';
import { accessChanged, type DomainEvent, type Outcome } from './outcome';
import { recordAudit } from './recordAudit';
import { applySanction } from './sanctionMember';

export interface DecisionInput {
  actor: Actor;
  community: { id: string; name: string };
  itemId: string;
  action: 'approve' | 'remove' | 'escalate';
  reason?: string;
  version: number;
  /** The post revision the moderator read; when given, a decision on any other revision is refused (409). */
  revision?: number;
  sanction?: { kind: SanctionKind; reason: string; durationMinutes?: number };
}

/**
 * Decides an item at the version the moderator saw. The item's row is updated only where its version still
 * matches, so of any number of concurrent decisions exactly one wins; the others get 409 version_conflict with
 * the current item. Post, sanction, audit entry and notifications change in the same transaction.
 */
export async function decideItem(deps: { db: Db; sql: SqlLane; now: Date }, input: DecisionInput): Promise<Outcome<{ itemId: string; postId: string }>> {
  authorize(input.actor, 'item.decide');
  if (input.action === 'remove' && !input.reason) fail('reason_required');
  try {
    return await inWriteTransaction(deps.db, (tx) => decide(tx, deps.now, input));
  } catch (err) {
    if (err instanceof AppError && err.code === 'version_conflict') {
      // Read the winner's state after our transaction rolled back, so the loser sees what actually happened.
      throw new AppError('version_conflict', { details: { item: await loadQueueItem(deps.sql, input.itemId, deps.now) } });
    }
    throw err;
  }
}

async function decide(tx: Tx, now: Date, input: DecisionInput): Promise<Outcome<{ itemId: string; postId: string }>> {
  const item = await tx.moderationItem.findUnique({ where: { id: input.itemId }, include: { post: true } });
  if (!item || item.communityId !== input.community.id) fail('not_found');
  // Staff do not judge their own words: approving or removing their own post is for another moderator. Escalating
  // is allowed, since it only hands the item on.
  if (item.post.authorId === input.actor.userId && input.action !== 'escalate') fail('own_post');
  if (item.escalated) authorize(input.actor, 'item.decide_escalated');
  if (input.revision !== undefined && input.revision !== item.post.revision) fail('version_conflict');
  const escalate = input.action === 'escalate';
  const won = await tx.moderationItem.updateMany({
    where: { id: item.id, version: input.version, state: 'open' },
    data: escalate
      ? { version: { increment: 1 }, escalated: true, claimedById: null, claimedUntil: null }
      : { version: { increment: 1 }, state: 'resolved', resolution: input.action, resolvedById: input.actor.userId, resolvedAt: now, resolvedReason: input.reason ?? null, claimedById: null, claimedUntil: null },
  });
  if (won.count === 0) fail('version_conflict');
  const post = item.post;
  const ref = { communityId: post.communityId, postId: post.id, authorId: post.authorId };
  const events: DomainEvent[] = [{ type: 'queue:item_updated', communityId: item.communityId, itemId: item.id }];
  if (input.action === 'approve' && ['pending', 'hidden', 'published'].includes(post.status)) {
    const wasVisible = post.status === 'published';
    // Only the revision this decision was made on is marked approved and checked: should the post have changed
    // under us (a writer that did not bump the item), nothing is published and the moderator must look again.
    const approved = await tx.post.updateMany({
      where: { id: post.id, revision: post.revision },
      data: { status: 'published', approvedRevision: post.revision, checkedRevision: post.revision, checkDueAt: null, publishedAt: post.publishedAt ?? now, feedAt: post.feedAt ?? now },
    });
    if (approved.count === 0) fail('version_conflict');
    await tx.postTag.updateMany({ where: { postId: post.id }, data: { feedAt: post.feedAt ?? now } });
    if (!wasVisible && post.parentId && post.publishedAt === null) await tx.post.update({ where: { id: post.parentId }, data: { replyCount: { increment: 1 } } });
    if (!wasVisible) events.push({ type: 'post:published', ...ref });
  }
  if (input.action === 'remove' && post.status !== 'removed' && post.status !== 'deleted') {
    await tx.post.update({ where: { id: post.id }, data: { status: 'removed' } });
    if (post.status === 'published' && post.parentId) await tx.post.update({ where: { id: post.parentId }, data: { replyCount: { decrement: 1 } } });
    events.push({ type: 'post:removed', ...ref });
  }
  await recordAudit(tx, {
    communityId: item.communityId,
    actorId: input.actor.userId,
    action: `decision.${input.action}`,
    targetType: 'post',
    targetId: post.id,
    reason: input.reason ?? null,
    before: { itemVersion: item.version, postStatus: post.status },
    after: { itemVersion: item.version + 1, postStatus: input.action === 'approve' ? 'published' : input.action === 'remove' ? 'removed' : post.status },
    now,
  });
  if (input.sanction) {
    const { event, released } = await applySanction(tx, { actor: input.actor, community: input.community, userId: post.authorId, ...input.sanction, now, itemId: item.id });
    events.push(event);
    events.push(accessChanged(input.community.id, post.authorId));
    events.push(...released);
  }
  if (input.action !== 'escalate') events.push(...(await tellPeople(tx, { item, post, action: input.action, reason: input.reason ?? null, community: input.community, now })));
  return { value: { itemId: item.id, postId: post.id }, events, jobs: [] };
}

/** The author learns the outcome with its reason; every reporter not yet told learns what became of the report. */
async function tellPeople(
  tx: Tx,
  input: { item: { id: string }; post: { id: string; authorId: string; communityId: string }; action: 'approve' | 'remove'; reason: string | null; community: { id: string; name: string }; now: Date },
): Promise<DomainEvent[]> {
  const events: DomainEvent[] = [];
  const base = { communityId: input.community.id, now: input.now };
  const data = { postId: input.post.id, communityName: input.community.name, outcome: input.action, reason: input.reason };
  events.push(await notify(tx, { ...base, userId: input.post.authorId, kind: input.action === 'approve' ? 'post_approved' : 'post_removed', data }));
  const reports = await tx.report.findMany({ where: { itemId: input.item.id, notifiedAt: null }, select: { id: true, reporterId: true } });
  for (const reporterId of new Set(reports.map((r) => r.reporterId))) {
    if (reporterId === input.post.authorId) continue;
    events.push(await notify(tx, { ...base, userId: reporterId, kind: 'report_resolved', data: { postId: input.post.id, communityName: input.community.name, outcome: input.action } }));
  }
  if (reports.length) await tx.report.updateMany({ where: { id: { in: reports.map((r) => r.id) } }, data: { notifiedAt: input.now } });
  return events;
}
