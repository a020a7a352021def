// A community's compiled rule set: its word rules plus the built-in lexicons, compiled once per rule version.
import { compileRuleSet, createRuleSetCache, type CompiledRuleSet, type WordRule } from '../checker';
import { communityLexiconActions } from '../lib/lexiconActions';
import type { Db } from '../db/client';

const cache = createRuleSetCache();

export interface RuleSetSource {
  id: string;
  ruleVersion: number;
  lexiconActions: string;
}

/** The compiled rules of a community at its current rule version; the database is read only on a version change. */
export async function loadRuleSet(db: Db, community: RuleSetSource): Promise<CompiledRuleSet> {
  const hit = cache.peek(community.id, community.ruleVersion);
  if (hit) return hit;
  const rules = await db.wordRule.findMany({ where: { communityId: community.id }, orderBy: { createdAt: 'asc' } });
  return cache.get(community.id, community.ruleVersion, () =>
    compileRuleSet({
      version: community.ruleVersion,
      rules: rules.map((r): WordRule => ({ id: r.id, pattern: r.pattern, match: r.match as WordRule['match'], action: r.action as WordRule['action'], locale: r.locale })),
      lexiconActions: communityLexiconActions(community.lexiconActions),
    }),
  );
}
