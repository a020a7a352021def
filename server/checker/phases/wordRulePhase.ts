// Community word and phrase rules, found by the shared automaton walk. A `block` rule ends the check:
// the post is refused outright, and the route answers with these reasons as the matches.
import { reasonFromHit } from './hitReason';
import type { Phase } from './types';
import type { CheckReason } from '../types';

/** Reports word/phrase rule matches; ends the pipeline with `block` when a block rule matched. */
export const wordRulePhase: Phase = {
  name: 'wordRules',
  run(ctx) {
    const reasons: CheckReason[] = [];
    const seen = new Set<string>();
    for (const field of ctx.fields) {
      for (const hit of field.hits) {
        const term = ctx.compiled.terms[hit.term];
        if (term?.role !== 'rule') continue;
        const reason = reasonFromHit(field, hit, term);
        // A word written both plainly and spaced out can be found twice at one place.
        const key = `${reason.ruleId ?? ''}:${reason.field}:${reason.start}:${reason.end}`;
        if (seen.has(key)) continue;
        seen.add(key);
        reasons.push(reason);
      }
    }
    return reasons.some((r) => r.action === 'block') ? { final: 'block', reasons } : reasons;
  },
};
