// Community regex rules on the ORIGINAL text, on the linear-time engine. All regex rules of one check
// share a time budget; a rule that cannot run within it is reported as `regex_timeout` (held for a human),
// never skipped silently and never reported as a banned word.
import type { CompiledRegexRule } from '../compiledTypes';
import type { FieldAnalysis } from '../analyze';
import type { CheckReason, RegexOptions } from '../types';
import { NO_REASONS, type Phase } from './types';

/** Reports regex rule matches and regex rules that ran out of time; ends with `block` on a block rule. */
export const regexRulePhase: Phase = {
  name: 'regexRules',
  run(ctx) {
    const rules = ctx.compiled.regexRules;
    if (rules.length === 0) return NO_REASONS;
    const run: RegexRun = { options: ctx.compiled.regex, deadline: Number.NaN, reasons: [] };
    // Plain ASCII fields are lower-cased once for the literal pre-check (there lower-casing agrees with the
    // engine's case folding); other fields always go to the engine.
    const { fields } = ctx;
    const lowered: (string | null)[] = [];
    for (const field of fields) lowered.push(field.norm.start === null ? field.text.toLowerCase() : null);
    for (const rule of rules) {
      for (let i = 0; i < fields.length; i++) {
        const field = fields[i];
        const text = lowered[i];
        if (field === undefined) continue;
        if (rule.literal === null || text == null || text.includes(rule.literal)) runRule(run, rule, field);
      }
    }
    return run.reasons.some((r) => r.action === 'block') ? { final: 'block', reasons: run.reasons } : run.reasons;
  },
};

interface RegexRun {
  options: RegexOptions;
  /** Set when the first rule actually reaches the engine. */
  deadline: number;
  reasons: CheckReason[];
}

function runRule(run: RegexRun, rule: CompiledRegexRule, field: FieldAnalysis): void {
  const { options, reasons } = run;
  if (Number.isNaN(run.deadline)) run.deadline = options.clock() + options.budgetMs;
  if (options.clock() > run.deadline) {
    reasons.push(timeoutReason(rule, field));
    return;
  }
  // The DFA-only test is several times cheaper than finding spans; most posts match no rule.
  if (!rule.engine.test(field.text)) return;
  const matcher = rule.engine.matcher(field.text);
  let found = 0;
  while (found < options.maxMatchesPerRule && matcher.find()) {
    const start = matcher.start();
    const end = matcher.end();
    if (end > start) {
      reasons.push(matchReason(rule, field, start, end));
      found++;
    }
    if (options.clock() > run.deadline) {
      reasons.push(timeoutReason(rule, field));
      return;
    }
  }
}

function matchReason(rule: CompiledRegexRule, field: FieldAnalysis, start: number, end: number): CheckReason {
  const match = field.text.slice(start, end);
  const reason: CheckReason = {
    source: 'rule',
    kind: 'regex_rule',
    ruleId: rule.ruleId,
    field: field.field,
    match,
    normalized: match.normalize('NFKC').toLowerCase(),
    entry: rule.pattern,
    score: 1,
    action: rule.action === 'allow' ? 'publish' : rule.action,
    start,
    end,
  };
  if (rule.lang !== undefined) reason.lang = rule.lang;
  return reason;
}

function timeoutReason(rule: CompiledRegexRule, field: FieldAnalysis): CheckReason {
  return {
    source: 'rule',
    kind: 'regex_timeout',
    ruleId: rule.ruleId,
    field: field.field,
    match: '',
    normalized: '',
    entry: rule.pattern,
    score: 0.5,
    action: 'hold',
    start: 0,
    end: 0,
  };
}
