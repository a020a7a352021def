import { validateRule, type WordRule } from '../checker';
import type { Db } from '../db/client';
import { inWriteTransaction } from '../db/transaction';
import { fail } from '../errors';
import type { Actor } from '../policies/actor';
import { authorize } from '../policies/community';
import { recordAudit } from './recordAudit';

export interface WordRuleInput {
  pattern: string;
  match: WordRule['match'];
  action: WordRule['action'];
  locale?: string;
}

/** Adds a word rule after validating it (a catastrophic regex is refused with 422); bumps the rule version. */
export async function createWordRule(deps: { db: Db; now: Date }, input: { actor: Actor; communityId: string; rule: WordRuleInput }) {
  authorize(input.actor, 'rules.manage');
  const problem = validateRule({ id: 'new', ...input.rule, locale: input.rule.locale ?? null });
  if (problem) fail('validation_failed', { details: [problem.toDetail()] });
  return inWriteTransaction(deps.db, async (tx) => {
    const rule = await tx.wordRule.create({
      data: { communityId: input.communityId, ...input.rule, locale: input.rule.locale ?? null, createdById: input.actor.userId, createdAt: deps.now },
    });
    await tx.community.update({ where: { id: input.communityId }, data: { ruleVersion: { increment: 1 } } });
    await recordAudit(tx, { communityId: input.communityId, actorId: input.actor.userId, action: 'rule.create', targetType: 'rule', targetId: rule.id, after: input.rule, now: deps.now });
    return rule;
  });
}

/** Deletes a word rule (audited with what it was) and bumps the rule version. */
export async function deleteWordRule(deps: { db: Db; now: Date }, input: { actor: Actor; rule: { id: string; communityId: string; pattern: string; match: string; action: string } }): Promise<void> {
  authorize(input.actor, 'rules.manage');
  await inWriteTransaction(deps.db, async (tx) => {
    const { count } = await tx.wordRule.deleteMany({ where: { id: input.rule.id } });
    if (count === 0) fail('not_found');
    await tx.community.update({ where: { id: input.rule.communityId }, data: { ruleVersion: { increment: 1 } } });
    const { id, communityId, ...before } = input.rule;
    await recordAudit(tx, { communityId, actorId: input.actor.userId, action: 'rule.delete', targetType: 'rule', targetId: id, before, now: deps.now });
  });
}
