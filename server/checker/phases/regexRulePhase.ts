// Community regex rules on the ORIGINAL text, on the linear-time engine. All regex rules of one check
// share a time budget; a rule that cannot run within it is reported as `regex_timeout` (held for a human),
// never skipped silently and never reported as a banned word. The budget is checked between engine calls,
// and each call sees at most one window of text, sized so that it cannot run past a few milliseconds.
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

// The engine sees the text a window at a time (rule.window), so each call stays within a few
// milliseconds and the budget, checked between calls, holds. A window other than the first keeps one
// character of context before a match and one after (unless it is the text's end), so \b, ^ and $ read
// the real neighbours; matches already reported from the previous window's overlap are skipped.
function runRule(run: RegexRun, rule: CompiledRegexRule, field: FieldAnalysis): void {
  const { options } = run;
  if (Number.isNaN(run.deadline)) run.deadline = options.clock() + options.budgetMs;
  const { text } = field;
  const { length, overlap } = rule.window;
  const scan: WindowScan = { run, rule, field, found: 0, lastEnd: 0 };
  for (let start = 0; ; start += length - overlap) {
    if (options.clock() > run.deadline) {
      run.reasons.push(timeoutReason(rule, field));
      return;
    }
    const end = Math.min(text.length, start + length);
    if (!scanWindow(scan, start, end)) return;
    if (end === text.length) return;
  }
}

interface WindowScan {
  run: RegexRun;
  rule: CompiledRegexRule;
  field: FieldAnalysis;
  found: number;
  /** End of the last reported match, in the field's text. */
  lastEnd: number;
}

// One window; false when the rule is done with this field (enough matches, or out of time).
function scanWindow(scan: WindowScan, start: number, end: number): boolean {
  const { run, rule, field } = scan;
  const { options } = run;
  const text = field.text.slice(start, end);
  // The DFA-only test is several times cheaper than finding spans; most posts match no rule.
  if (!rule.engine.test(text)) return true;
  const atTextEnd = end === field.text.length;
  const matcher = rule.engine.matcher(text);
  while (scan.found < options.maxMatchesPerRule && matcher.find()) {
    const matchStart = start + matcher.start();
    const matchEnd = start + matcher.end();
    const inside = (start === 0 || matchStart > start) && (atTextEnd || matchEnd < end);
    if (inside && matchEnd > matchStart && matchStart >= scan.lastEnd) {
      run.reasons.push(matchReason(rule, field, matchStart, matchEnd));
      scan.found++;
      scan.lastEnd = matchEnd;
    }
    if (options.clock() > run.deadline) {
      run.reasons.push(timeoutReason(rule, field));
      return false;
    }
  }
  return scan.found < options.maxMatchesPerRule;
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
