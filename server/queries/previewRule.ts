// "Try a rule on past posts before it goes live": runs the community's rules with and without a draft rule over
// its most recent posts and reports every post whose outcome would change.
import { checkText, compileRuleSet, validateRule, type Action, type WordRule } from '../checker';
import type { Db } from '../db/client';
import { fail } from '../errors';
import { communityLexiconActions } from '../lib/lexiconActions';
import { loadRuleSet, type RuleSetSource } from './ruleSets';

export interface RulePreview {
  scanned: number;
  changed: { postId: string; excerpt: string; before: Action; after: Action; matches: string[] }[];
}

/** Compares current and draft outcomes over the last `limit` published or pending posts. */
export async function previewRule(db: Db, input: { community: RuleSetSource; draft: Omit<WordRule, 'id'>; limit: number; now: Date }): Promise<RulePreview> {
  const draft: WordRule = { id: 'draft', ...input.draft };
  const problem = validateRule(draft);
  if (problem) fail('validation_failed', { details: [problem.toDetail()] });
  const rules = await db.wordRule.findMany({ where: { communityId: input.community.id } });
  const current = await loadRuleSet(db, input.community);
  const withDraft = compileRuleSet({
    version: `draft-${input.community.ruleVersion}`,
    rules: [...rules.map((r): WordRule => ({ id: r.id, pattern: r.pattern, match: r.match as WordRule['match'], action: r.action as WordRule['action'], locale: r.locale })), draft],
    lexiconActions: communityLexiconActions(input.community.lexiconActions),
  });
  const posts = await db.post.findMany({
    where: { communityId: input.community.id, status: { in: ['published', 'pending', 'hidden'] } },
    orderBy: { createdAt: 'desc' },
    take: input.limit,
    select: { id: true, body: true, title: true },
  });
  const author = { id: 'preview', joinedAt: new Date(0), recentPosts: [] };
  const changed: RulePreview['changed'] = [];
  for (const post of posts) {
    const ctx = { text: post.body, title: post.title, author, now: input.now };
    const before = checkText({ ...ctx, compiled: current });
    const after = checkText({ ...ctx, compiled: withDraft });
    if (before.action !== after.action || before.censored !== after.censored) {
      changed.push({ postId: post.id, excerpt: post.body.slice(0, 160), before: before.action, after: after.action, matches: after.reasons.filter((r) => r.ruleId === 'draft').map((r) => r.match) });
    }
  }
  return { scanned: posts.length, changed };
}
