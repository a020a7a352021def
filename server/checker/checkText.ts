// Runs the phases in order over one read-only context and reduces their reasons to a verdict: the most
// severe action any reason asks for. A phase may end the pipeline with a final action (a block rule).
import { mostSevere } from './actions';
import { analyzeField } from './analyze';
import { censorField } from './censor';
import { PHASES } from './phases/index';
import type { PhaseContext, PhaseOutcome } from './phases/types';
import type { Action, CheckContext, CheckReason, CheckResult } from './types';

/** Checks a post (body and optional title) against a compiled rule set; pure and synchronous. */
export function checkText(ctx: CheckContext): CheckResult {
  const body = analyzeField('body', ctx.text, ctx.compiled);
  const title = ctx.title ? analyzeField('title', ctx.title, ctx.compiled) : null;
  const phaseCtx: PhaseContext = {
    compiled: ctx.compiled,
    author: ctx.author,
    now: ctx.now,
    body,
    fields: title === null ? [body] : [body, title],
  };
  const reasons: CheckReason[] = [];
  let final: Action = 'publish';
  for (const phase of PHASES) {
    const outcome = phase.run(phaseCtx);
    if (isFinal(outcome)) {
      reasons.push(...outcome.reasons);
      final = outcome.final;
      break;
    }
    if (outcome.length > 0) reasons.push(...outcome);
  }
  return {
    action: reasons.length === 0 ? final : mostSevere([final, ...reasons.map((r) => r.action)]),
    reasons,
    censored: censorField(ctx.text, 'body', reasons),
    censoredTitle: title === null ? null : censorField(title.text, 'title', reasons),
  };
}

function isFinal(outcome: PhaseOutcome): outcome is Exclude<PhaseOutcome, readonly CheckReason[]> {
  return !Array.isArray(outcome);
}
