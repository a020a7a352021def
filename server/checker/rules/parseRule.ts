// Turns one stored word rule into what the compiler needs (normalised words, or a safe regex engine),
// or into a typed error. validateRule (for the routes) and compileRuleSet share it.
import type { RE2JS } from 're2js';
import { normalizeTerm } from '../normalize/normalizeTerm';
import type { WordRule } from '../types';
import { compileSafeRegex, type RegexWindow } from './regexSafety';
import { RuleValidationError, type RuleErrorCode } from './ruleError';

const MATCHES = new Set(['word', 'phrase', 'regex']);
const ACTIONS = new Set(['block', 'hold', 'flag', 'censor', 'allow']);
const MAX_TERM_PATTERN = 200;
const MAX_REGEX_PATTERN = 500;
const MAX_PHRASE_WORDS = 8;
// Letters (any script) and digits: '*' and other symbols left after normalisation are not words.
const WORD = /^[\p{L}\p{N}]{2,}$/u;

/** A rule ready for the compiler. */
export type ParsedRule =
  | { rule: WordRule; kind: 'terms'; words: string[] }
  | { rule: WordRule; kind: 'regex'; engine: RE2JS; literal: string | null; window: RegexWindow };

/** Parses one rule, or explains why it cannot be used. */
export function parseRule(rule: WordRule): ParsedRule | RuleValidationError {
  const fail = (code: RuleErrorCode, message: string, extra: { messages?: { en: string; id: string }; limit?: number } = {}): RuleValidationError =>
    new RuleValidationError({ code, message, ruleId: typeof rule.id === 'string' ? rule.id : null, pattern: String(rule.pattern), ...extra });
  if (typeof rule.id !== 'string' || rule.id === '') return fail('invalid_rule', 'A rule needs an id.');
  if (!MATCHES.has(rule.match)) return fail('invalid_rule', `Unknown match kind "${String(rule.match)}".`);
  if (!ACTIONS.has(rule.action)) return fail('invalid_rule', `Unknown action "${String(rule.action)}".`);
  if (typeof rule.pattern !== 'string' || rule.pattern.trim() === '') return fail('empty_pattern', 'The pattern is empty.');
  const limit = rule.match === 'regex' ? MAX_REGEX_PATTERN : MAX_TERM_PATTERN;
  if (rule.pattern.length > limit) return fail('pattern_too_long', `Patterns are limited to ${limit} characters.`);
  if (rule.match === 'regex') {
    if (rule.action === 'allow') return fail('invalid_rule', 'Allow rules name words or phrases; regex allow rules are not supported.');
    const compiled = compileSafeRegex(rule.pattern);
    if (!compiled.ok) return fail(compiled.problem.code, compiled.problem.message, compiled.problem);
    return { rule, kind: 'regex', engine: compiled.engine, literal: compiled.literal, window: compiled.window };
  }
  const words = normalizeTerm(rule.pattern);
  if (words.length === 0 || !words.every((word) => WORD.test(word))) {
    const code = rule.match === 'word' ? 'invalid_word' : 'invalid_phrase';
    return fail(code, 'Word and phrase patterns may contain only letters and digits (at least two per word); use a regex rule for wildcards.');
  }
  if (rule.match === 'word' && words.length > 1) {
    return fail('invalid_word', `"${rule.pattern}" is more than one word; use a phrase rule.`);
  }
  if (words.length > MAX_PHRASE_WORDS) return fail('invalid_phrase', `Phrases are limited to ${MAX_PHRASE_WORDS} words.`);
  return { rule, kind: 'terms', words };
}
