import type { Db } from '../db/client';
import { isUniqueViolation } from '../db/errors';
import { inWriteTransaction, type Tx } from '../db/transaction';
import { fail } from '../errors';
import type { Actor } from '../policies/actor';
import { authorize } from '../policies/community';
import type { DomainEvent, Outcome } from './outcome';

export type ReportReason = 'spam' | 'harassment' | 'hate' | 'sexual' | 'violence' | 'off_topic' | 'other';

interface ReportInput {
  actor: Actor;
  post: { id: string; communityId: string; authorId: string; status: string; revision: number; approvedRevision: number };
  threshold: number;
  reason: ReportReason;
  note?: string;
}

/**
 * Records one member's report on the post's moderation item (one per member). When distinct reporters reach
 * the community's threshold the post is hidden, unless a moderator approved this very revision: automation never
 * overrides a human decision, the item just goes back to the queue with the new reports.
 */
export async function reportPost(deps: { db: Db; now: Date }, input: ReportInput): Promise<Outcome<{ reportId: string; hidden: boolean }>> {
  authorize(input.actor, 'post.report');
  if (input.post.status !== 'published' && input.post.status !== 'hidden') fail('not_found');
  try {
    return await inWriteTransaction(deps.db, (tx) => recordReport(tx, deps.now, input));
  } catch (err) {
    if (isUniqueViolation(err)) fail('already_reported');
    throw err;
  }
}

async function recordReport(tx: Tx, now: Date, input: ReportInput): Promise<Outcome<{ reportId: string; hidden: boolean }>> {
  const { post } = input;
  const existing = await tx.moderationItem.findUnique({ where: { postId: post.id } });
  const reopen = existing?.state === 'resolved';
  const item = existing
    ? await tx.moderationItem.update({
        where: { id: existing.id },
        data: reopen
          ? { state: 'open', version: { increment: 1 }, openedAt: now, resolution: null, resolvedById: null, resolvedAt: null, resolvedReason: null, escalated: false }
          : { version: { increment: 1 } },
      })
    : await tx.moderationItem.create({ data: { postId: post.id, communityId: post.communityId, createdAt: now, openedAt: now } });
  const report = await tx.report.create({
    data: { postId: post.id, itemId: item.id, communityId: post.communityId, reporterId: input.actor.userId, reason: input.reason, note: input.note ?? null, createdAt: now },
  });
  const reporters = await tx.report.count({ where: { postId: post.id } });
  const humanApproved = post.approvedRevision === post.revision;
  let hidden = false;
  if (post.status === 'published' && reporters >= input.threshold && !humanApproved) {
    const changed = await tx.post.updateMany({ where: { id: post.id, status: 'published' }, data: { status: 'hidden' } });
    hidden = changed.count === 1;
  }
  const events: DomainEvent[] = [{ type: !existing || reopen ? 'queue:item_opened' : 'queue:item_updated', communityId: post.communityId, itemId: item.id }];
  if (hidden) events.push({ type: 'post:removed', communityId: post.communityId, postId: post.id, authorId: post.authorId });
  return { value: { reportId: report.id, hidden }, events, jobs: [] };
}
