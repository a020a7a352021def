// A member sends a question, suggestion or problem to the community's staff. The body passes the checker like a
// post, with the same compiled rule set and lexicons; a severe finding never refuses it (nothing is lost) but holds it
// for a moderator, with the reasons, out of the inbox and unannounced until someone releases it.
import { checkText, compareActions, type CheckReason } from '../checker';
import type { FeedbackCheckReason, FeedbackKind } from '../contracts/surveys';
import type { Db } from '../db/client';
import { inWriteTransaction } from '../db/transaction';
import type { Actor } from '../policies/actor';
import { authorize } from '../policies/community';
import { FEEDBACK_INCLUDE, type FeedbackRow } from '../presenters/presentFeedback';
import { loadRuleSet, type RuleSetSource } from '../queries/ruleSets';
import type { DomainEvent, Outcome } from './outcome';

export interface SendFeedbackInput {
  actor: Actor;
  community: RuleSetSource;
  kind: FeedbackKind;
  body: string;
}

/** The checker's verdict on a feedback body: held on anything that would hold or block a post. */
export interface FeedbackScreening {
  screening: 'clear' | 'held';
  reasons: FeedbackCheckReason[];
}

/** Checks a body against the community's rules and lexicons (pure apart from loading the compiled rule set). */
export async function screenFeedback(deps: { db: Db; now: Date }, input: { community: RuleSetSource; body: string }): Promise<FeedbackScreening> {
  const compiled = await loadRuleSet(deps.db, input.community);
  // No spam history: feedback is rare and private, so only what the text itself says counts.
  const verdict = checkText({ text: input.body, compiled, author: { id: '', joinedAt: new Date(0), recentPosts: [] }, now: deps.now });
  const held = compareActions(verdict.action, 'hold') >= 0;
  return { screening: held ? 'held' : 'clear', reasons: held ? verdict.reasons.map(toStoredReason) : [] };
}

/** Stores the feedback (clear or held) and, when clear, returns the feedback:new event for after the commit. */
export async function sendFeedback(deps: { db: Db; now: Date }, input: SendFeedbackInput): Promise<Outcome<FeedbackRow & { authorId: string; communityId: string }>> {
  authorize(input.actor, 'feedback.send');
  const { screening, reasons } = await screenFeedback(deps, { community: input.community, body: input.body });
  const row = await inWriteTransaction(deps.db, (tx) =>
    tx.feedback.create({
      data: {
        communityId: input.community.id,
        authorId: input.actor.userId,
        kind: input.kind,
        body: input.body,
        screening,
        checkReasons: JSON.stringify(reasons),
        createdAt: deps.now,
        updatedAt: deps.now,
      },
      include: FEEDBACK_INCLUDE,
    }),
  );
  const events: DomainEvent[] = screening === 'clear' ? [{ type: 'feedback:new', communityId: input.community.id, feedbackId: row.id }] : [];
  return { value: row, events, jobs: [] };
}

function toStoredReason(r: CheckReason): FeedbackCheckReason {
  return {
    kind: r.kind,
    source: r.source,
    match: r.match,
    entry: r.entry,
    action: r.action,
    severity: r.severity ?? null,
    category: r.category ?? null,
    ruleId: r.ruleId ?? null,
    start: r.start,
    end: r.end,
  };
}
