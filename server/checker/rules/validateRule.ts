import type { WordRule } from '../types';
import { parseRule } from './parseRule';
import { RuleValidationError } from './ruleError';

/** Checks one word rule; returns the typed error to answer 422 with, or null when the rule is usable. */
export function validateRule(rule: WordRule): RuleValidationError | null {
  const parsed = parseRule(rule);
  return parsed instanceof RuleValidationError ? parsed : null;
}
