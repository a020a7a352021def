import { checkText } from '../checker';
import type { Db } from '../db/client';
import { fail } from '../errors';
import { loadRuleSet } from '../queries/ruleSets';
import type { BlockScreen } from './screenForBlock';

/** The screen used in production: the community's compiled rules, keeping only `block` findings. */
export function createBlockScreen(deps: { db: Db; now: () => Date }): BlockScreen {
  return async ({ community, text }) => {
    const compiled = await loadRuleSet(deps.db, community);
    const at = deps.now();
    const result = checkText({ text, compiled, author: { id: '', joinedAt: at, recentPosts: [] }, now: at });
    const blocking = result.reasons.filter((r) => r.action === 'block');
    if (blocking.length > 0) {
      fail('content_blocked', {
        details: { matches: blocking.map((r) => ({ match: r.match, ruleId: r.ruleId ?? null, start: r.start, end: r.end, field: r.field })) },
      });
    }
  };
}
