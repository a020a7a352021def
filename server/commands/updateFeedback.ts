// Staff work a feedback item: status, assignment, a reply, releasing held feedback. Everything one PATCH asks for
// happens in one transaction, and no statement in it writes what an earlier read decided: the guarded update comes
// first (version, or "nobody else has it" for a claim) and takes the row; each follow-up is itself conditional
// (firstResponseAt only while empty or later, new -> in_progress only while new, held -> clear only while held), so
// two replies at once are both kept and the earlier one's time is the first response, on SQLite and PostgreSQL alike.
import type { FeedbackStatus } from '../contracts/surveys';
import type { Db } from '../db/client';
import type { Prisma } from '../db/generated/client';
import { inWriteTransaction, type Tx } from '../db/transaction';
import { AppError, fail } from '../errors';
import type { Actor } from '../policies/actor';
import { authorize } from '../policies/community';
import { presentFeedback } from '../presenters/presentFeedback';
import { loadFeedbackRow } from '../queries/feedback';
import { notify } from './notify';
import type { DomainEvent, Outcome } from './outcome';
import { recordAudit } from './recordAudit';

export interface FeedbackPatch {
  status?: FeedbackStatus;
  reply?: string;
  assignee?: 'me' | null;
  screening?: 'clear';
  /** The version the staff member loaded; a stale one is 409 version_conflict. */
  version?: number;
}

export interface UpdateFeedbackInput {
  actor: Actor;
  feedback: { id: string; communityId: string; authorId: string; kind: string };
  community: { name: string };
  patch: FeedbackPatch;
}

/** Sentences of the feedback_reply notification, in the author's language (the client words it the same way). */
const REPLY_SENTENCE = {
  id: (community: string) => `${community} membalas masukan Anda.`,
  en: (community: string) => `${community} replied to your feedback.`,
};

/** Applies a staff PATCH; 409 version_conflict or already_claimed (with nothing written) when its guard fails. */
export async function updateFeedback(deps: { db: Db; now: Date }, input: UpdateFeedbackInput): Promise<Outcome<{ feedbackId: string }>> {
  authorize(input.actor, 'feedback.inbox');
  // Staff do not judge their own words (as with posts, 403 own_post): the checker held it, another staff member
  // releases it. Refused whether or not it is held, so the answer says nothing of its screening. Replying to and
  // setting the status of one's own feedback stay allowed: they change nothing of what the checker decided.
  if (input.patch.screening === 'clear' && input.feedback.authorId === input.actor.userId) fail('own_feedback');
  try {
    return await inWriteTransaction(deps.db, (tx) => apply(tx, deps.now, input));
  } catch (err) {
    if (!isFeedbackConflict(err)) throw err;
    // Read after our transaction rolled back, so the loser sees what the winner made of it.
    const current = await loadFeedbackRow(deps.db, input.feedback.id);
    throw new AppError(err.code, { details: { feedback: current ? presentFeedback(current, 'staff') : null } });
  }
}

/** The conflict a failed guard means: the version moved, someone else holds the item, or it is gone. */
function conflictOf(patch: FeedbackPatch): AppError {
  if (patch.version !== undefined) return new AppError('version_conflict');
  if (patch.assignee === 'me') return new AppError('already_claimed');
  return new AppError('not_found');
}

async function apply(tx: Tx, now: Date, input: UpdateFeedbackInput): Promise<Outcome<{ feedbackId: string }>> {
  const { actor, feedback, patch } = input;
  const guard: Prisma.FeedbackWhereInput = { id: feedback.id };
  if (patch.version !== undefined) guard.version = patch.version;
  else if (patch.assignee === 'me') guard.OR = [{ assigneeId: null }, { assigneeId: actor.userId }];
  const data: Prisma.FeedbackUncheckedUpdateManyInput = { version: { increment: 1 }, updatedAt: now };
  if (patch.status) data.status = patch.status;
  if (patch.status && patch.status !== 'resolved') data.resolvedAt = null;
  if (patch.assignee !== undefined) data.assigneeId = patch.assignee === 'me' ? actor.userId : null;
  if (patch.reply !== undefined) data.replyCount = { increment: 1 };
  // The time the author sees the status change, written only when it does change (same guard, so it rolls back with
  // a lost race): the author view's updatedAt is built from it and never moves on hidden work (presentFeedback.ts).
  if (patch.status) await tx.feedback.updateMany({ where: { AND: [guard, { status: { not: patch.status } }] }, data: { statusChangedAt: now } });
  const won = await tx.feedback.updateMany({ where: guard, data });
  if (won.count === 0) throw conflictOf(patch);

  const events: DomainEvent[] = [];
  const audit = (action: string, after: unknown) =>
    recordAudit(tx, { communityId: feedback.communityId, actorId: actor.userId, action, targetType: 'feedback', targetId: feedback.id, after, now });
  if (patch.status === 'resolved') await tx.feedback.updateMany({ where: { id: feedback.id, resolvedAt: null }, data: { resolvedAt: now, updatedAt: now } });
  if (patch.status) await audit('feedback.status', { status: patch.status });
  if (patch.assignee !== undefined) await audit('feedback.assign', { assigneeId: data.assigneeId });
  if (patch.reply !== undefined) events.push(...(await addReply(tx, now, { ...input, reply: patch.reply })));
  if (patch.screening === 'clear') {
    const released = await tx.feedback.updateMany({ where: { id: feedback.id, screening: 'held' }, data: { screening: 'clear', updatedAt: now } });
    if (released.count === 1) {
      await audit('feedback.release', { screening: 'clear' });
      events.push({ type: 'feedback:new', communityId: feedback.communityId, feedbackId: feedback.id });
    }
  }
  return { value: { feedbackId: feedback.id }, events, jobs: [] };
}

/** Appends the reply, marks the first response and the start of work, and notifies the author in their language. */
async function addReply(tx: Tx, now: Date, input: UpdateFeedbackInput & { reply: string }): Promise<DomainEvent[]> {
  const { actor, feedback } = input;
  const reply = await tx.feedbackReply.create({ data: { feedbackId: feedback.id, authorId: actor.userId, body: input.reply, createdAt: now } });
  // The earliest reply's time, whichever transaction commits first: only an empty or later value is replaced.
  await tx.feedback.updateMany({ where: { id: feedback.id, OR: [{ firstResponseAt: null }, { firstResponseAt: { gt: now } }] }, data: { firstResponseAt: now, updatedAt: now } });
  if (!input.patch.status) await tx.feedback.updateMany({ where: { id: feedback.id, status: 'new' }, data: { status: 'in_progress', statusChangedAt: now, updatedAt: now } });
  await recordAudit(tx, { communityId: feedback.communityId, actorId: actor.userId, action: 'feedback.reply', targetType: 'feedback', targetId: feedback.id, after: { replyId: reply.id }, now });
  // Staff answering their own feedback need no notification of it.
  if (feedback.authorId === actor.userId) return [];
  const [author, replier] = await Promise.all([
    tx.user.findUnique({ where: { id: feedback.authorId }, select: { locale: true } }),
    tx.user.findUnique({ where: { id: actor.userId }, select: { displayName: true } }),
  ]);
  const locale = author?.locale === 'en' ? 'en' : 'id';
  const data = {
    feedbackId: feedback.id,
    feedbackKind: feedback.kind,
    communityName: input.community.name,
    replyId: reply.id,
    repliedBy: replier?.displayName ?? null,
    excerpt: excerpt(input.reply),
    locale,
    message: REPLY_SENTENCE[locale](input.community.name),
  };
  return [await notify(tx, { userId: feedback.authorId, communityId: feedback.communityId, kind: 'feedback_reply', data, now })];
}

/** The start of a reply for the notification list: whole code points, at most 140 of them. */
function excerpt(text: string): string {
  const points = Array.from(text);
  return points.length <= 140 ? text : `${points.slice(0, 139).join('')}…`;
}

/** Whether an error is one of the conflicts updateFeedback throws for a failed guard. */
export function isFeedbackConflict(err: unknown): err is AppError {
  return err instanceof AppError && (err.code === 'version_conflict' || err.code === 'already_claimed');
}
