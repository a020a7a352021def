// Rukun's moderation checker: a pure library (no database, no Redis) used by the flagging worker and the
// dry-run route. Compile a community's rules once (getCompiledRuleSet caches per community and version),
// then call checkText per post.
export { compileRuleSet } from './compileRuleSet';
export { checkText } from './checkText';
export { createRuleSetCache, getCompiledRuleSet, type RuleSetCache } from './cache';
export { validateRule } from './rules/validateRule';
export { RuleSetCompileError, RuleValidationError, type RuleErrorCode } from './rules/ruleError';
export { normalizeText, normalizedString, type NormalizedText } from './normalize/normalizeText';
export { compareActions, mostSevere } from './actions';
export { DEFAULT_LEXICON_ACTIONS, DEFAULT_REGEX, DEFAULT_SPAM } from './defaults';
export { PHASES } from './phases/index';
export type { Phase, PhaseContext, PhaseOutcome } from './phases/types';
export type { CompiledRuleSet } from './compiledTypes';
export type {
  Action,
  CheckAuthor,
  CheckContext,
  CheckedField,
  CheckReason,
  CheckResult,
  LexiconActions,
  LexiconCategory,
  ReasonKind,
  ReasonSource,
  RecentPost,
  RegexOptions,
  RuleAction,
  RuleMatch,
  RuleSetInput,
  Severity,
  SpamOptions,
  WordRule,
} from './types';
