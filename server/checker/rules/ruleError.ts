// Typed errors for word rules, so the word-rule routes can answer 422 with a precise code and message.

/** Why a rule was refused. */
export type RuleErrorCode =
  | 'invalid_rule'
  | 'empty_pattern'
  | 'pattern_too_long'
  | 'invalid_word'
  | 'invalid_phrase'
  | 'invalid_regex'
  | 'unsupported_regex'
  | 'catastrophic_regex'
  | 'regex_too_complex';

/** A rule that cannot be compiled, with a message fit to show the manager who wrote it. */
export class RuleValidationError extends Error {
  readonly code: RuleErrorCode;
  readonly ruleId: string | null;
  readonly pattern: string;
  /** The message in both languages, for problems the manager fixes by rewriting the pattern. */
  readonly messages: { en: string; id: string } | undefined;
  /** The limit the pattern went over, when one did. */
  readonly limit: number | undefined;

  constructor(params: { code: RuleErrorCode; message: string; ruleId: string | null; pattern: string; messages?: { en: string; id: string }; limit?: number }) {
    super(params.message);
    this.name = 'RuleValidationError';
    this.code = params.code;
    this.ruleId = params.ruleId;
    this.pattern = params.pattern;
    this.messages = params.messages;
    this.limit = params.limit;
  }

  /** The 422 detail for this problem: path, message, code, and the limit and translations when there are. */
  toDetail(): { path: string; message: string; code: RuleErrorCode; limit?: number; messages?: { en: string; id: string } } {
    return { path: 'body.pattern', message: this.message, code: this.code, ...(this.limit !== undefined ? { limit: this.limit } : {}), ...(this.messages ? { messages: this.messages } : {}) };
  }
}

/** Thrown by compileRuleSet when any rule is invalid; lists every problem, not just the first. */
export class RuleSetCompileError extends Error {
  readonly errors: readonly RuleValidationError[];

  constructor(errors: readonly RuleValidationError[]) {
    super(`Rule set has ${errors.length} invalid rule(s): ${errors.map((e) => e.message).join('; ')}`);
    this.name = 'RuleSetCompileError';
    this.errors = errors;
  }
}
