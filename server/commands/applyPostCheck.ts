import type { Action, CheckReason, CheckResult } from '../checker';
import { checkText } from '../checker';
import type { Db } from '../db/client';
import { inWriteTransaction, type Tx } from '../db/transaction';
import { loadRuleSet, type RuleSetSource } from '../queries/ruleSets';
import { notify } from './notify';
import type { DomainEvent, Outcome } from './outcome';

const CHECKABLE = ['pending', 'scheduled'];
const RECENT_WINDOW_MS = 10 * 60_000;

export type CheckOutcome =
  | { kind: 'skipped' }
  | { kind: 'not_due'; publishAt: Date }
  | { kind: 'applied'; action: Action; visible: boolean };

/**
 * Checks one revision of a post and applies the verdict exactly once: clean posts publish (censored or flagged
 * ones too, flagged ones also open a queue item); held ones stay pending with their reasons on an item.
 * A stale revision, an already-checked one or a post no longer pending is skipped, so retries are harmless.
 */
export async function applyPostCheck(deps: { db: Db; now: Date }, job: { postId: string; revision: number }): Promise<Outcome<CheckOutcome>> {
  const post = await deps.db.post.findUnique({ where: { id: job.postId }, include: { community: true } });
  if (!post || post.revision !== job.revision || post.checkedRevision >= job.revision || !CHECKABLE.includes(post.status)) {
    return { value: { kind: 'skipped' }, events: [], jobs: [] };
  }
  if (post.status === 'scheduled' && post.publishAt && post.publishAt > deps.now) {
    return { value: { kind: 'not_due', publishAt: post.publishAt }, events: [], jobs: [] };
  }
  const verdict = await runCheck(deps, post);
  // Pre-moderation: every post waits for a human, whatever the checker found.
  const action: Action = verdict.action === 'block' || post.community.moderationMode === 'pre' ? 'hold' : verdict.action;
  const visible = action !== 'hold';
  const events = await inWriteTransaction(deps.db, async (tx) => {
    const claimed = await tx.post.updateMany({
      where: { id: post.id, revision: job.revision, checkedRevision: { lt: job.revision }, status: { in: CHECKABLE } },
      data: visible
        ? { checkedRevision: job.revision, status: 'published', publishedAt: post.publishedAt ?? deps.now, feedAt: post.feedAt ?? deps.now, censoredBody: verdict.censored, censoredTitle: verdict.censoredTitle }
        : { checkedRevision: job.revision, status: 'pending', censoredBody: verdict.censored, censoredTitle: verdict.censoredTitle },
    });
    if (claimed.count === 0) return null;
    const out: DomainEvent[] = [];
    const ref = { communityId: post.communityId, postId: post.id, authorId: post.authorId };
    if (visible) {
      await tx.postTag.updateMany({ where: { postId: post.id }, data: { feedAt: post.feedAt ?? deps.now } });
      if (post.parentId) await tx.post.update({ where: { id: post.parentId }, data: { replyCount: { increment: 1 } } });
      out.push({ type: 'post:published', ...ref });
    }
    if (action === 'hold' || action === 'flag') {
      const item = await openItem(tx, { post, reasons: verdict.reasons, revision: job.revision, now: deps.now });
      out.push({ type: item.created ? 'queue:item_opened' : 'queue:item_updated', communityId: post.communityId, itemId: item.id });
      if (!visible) {
        out.push({ type: 'post:held', ...ref, itemId: item.id });
        out.push(await notify(tx, { userId: post.authorId, communityId: post.communityId, kind: 'post_held', data: { postId: post.id, communityName: post.community.name }, now: deps.now }));
      }
    }
    return out;
  });
  if (events === null) return { value: { kind: 'skipped' }, events: [], jobs: [] };
  return { value: { kind: 'applied', action, visible }, events, jobs: [] };
}

async function runCheck(
  deps: { db: Db; now: Date },
  post: { id: string; communityId: string; authorId: string; body: string; title: string | null; community: RuleSetSource },
): Promise<CheckResult> {
  const [compiled, membership, recent] = await Promise.all([
    loadRuleSet(deps.db, post.community),
    deps.db.membership.findUnique({ where: { communityId_userId: { communityId: post.communityId, userId: post.authorId } } }),
    deps.db.post.findMany({
      where: { authorId: post.authorId, communityId: post.communityId, id: { not: post.id }, createdAt: { gte: new Date(deps.now.getTime() - RECENT_WINDOW_MS) } },
      orderBy: { createdAt: 'desc' },
      take: 20,
      select: { body: true, createdAt: true },
    }),
  ]);
  return checkText({
    text: post.body,
    title: post.title,
    compiled,
    author: { id: post.authorId, joinedAt: membership?.joinedAt ?? deps.now, recentPosts: recent },
    now: deps.now,
  });
}

/** Opens the post's moderation item, or reopens and bumps it, and records this revision's reasons. */
async function openItem(tx: Tx, input: { post: { id: string; communityId: string }; reasons: CheckReason[]; revision: number; now: Date }) {
  const existing = await tx.moderationItem.findUnique({ where: { postId: input.post.id } });
  const item = existing
    ? await tx.moderationItem.update({
        where: { id: existing.id },
        // An edited post that is held again is a new case: back in the queue at its new time, unclaimed.
        data: existing.state === 'open'
          ? { version: { increment: 1 } }
          : { state: 'open', version: { increment: 1 }, openedAt: input.now, escalated: false, claimedById: null, claimedUntil: null, resolution: null, resolvedById: null, resolvedAt: null, resolvedReason: null },
      })
    : await tx.moderationItem.create({ data: { postId: input.post.id, communityId: input.post.communityId, createdAt: input.now, openedAt: input.now } });
  if (input.reasons.length > 0) {
    await tx.moderationReason.createMany({
      data: input.reasons.map((r) => ({
        itemId: item.id,
        source: r.source,
        ruleId: r.ruleId ?? null,
        match: r.match,
        score: r.score,
        revision: input.revision,
        createdAt: input.now,
        detail: JSON.stringify({ kind: r.kind, field: r.field, normalized: r.normalized, entry: r.entry, lang: r.lang, severity: r.severity, category: r.category, action: r.action, start: r.start, end: r.end }),
      })),
    });
  }
  return { id: item.id, created: !existing || existing.state !== 'open' };
}
