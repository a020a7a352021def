import { describe, expect, it } from 'vitest';
import {
  compileRuleSet,
  RuleSetCompileError,
  validateRule,
  type WordRule,
} from '../../server/checker/index';
import { check } from './helpers';

const rule = (overrides: Partial<WordRule>): WordRule => ({ id: 'r1', pattern: 'promo', match: 'word', action: 'flag', ...overrides });

describe('validateRule', () => {
  it('accepts ordinary rules', () => {
    expect(validateRule(rule({}))).toBeNull();
    expect(validateRule(rule({ match: 'phrase', pattern: 'judi online' }))).toBeNull();
    expect(validateRule(rule({ match: 'regex', pattern: String.raw`slot\d{2,3}` }))).toBeNull();
  });

  it.each([
    [rule({ pattern: '   ' }), 'empty_pattern'],
    [rule({ pattern: 'two words' }), 'invalid_word'],
    [rule({ pattern: 'f*ck' }), 'invalid_word'],
    [rule({ pattern: 'x'.repeat(201) }), 'pattern_too_long'],
    [rule({ match: 'regex', pattern: '(unclosed' }), 'invalid_regex'],
    [rule({ match: 'regex', pattern: '(a+)+$' }), 'catastrophic_regex'],
    [rule({ match: 'regex', pattern: String.raw`(\w+\s?)*x` }), 'catastrophic_regex'],
    [rule({ match: 'regex', pattern: '(?:a*b*)*' }), 'catastrophic_regex'],
    [rule({ match: 'regex', pattern: String.raw`(a)\1` }), 'unsupported_regex'],
    [rule({ match: 'regex', pattern: '(?<=a)b' }), 'unsupported_regex'],
    [rule({ match: 'regex', pattern: 'a{1000}' }), 'regex_too_complex'],
    [rule({ match: 'regex', pattern: 'a*' }), 'invalid_regex'],
    [rule({ match: 'regex', action: 'allow', pattern: 'ok' }), 'invalid_rule'],
    [rule({ action: 'delete' as WordRule['action'] }), 'invalid_rule'],
  ])('refuses %j with %s', (bad, code) => {
    const error = validateRule(bad);
    expect(error?.code).toBe(code);
    expect(error?.message.length).toBeGreaterThan(10);
    expect(error?.ruleId).toBe('r1');
  });

  it('makes compileRuleSet throw one error listing every bad rule', () => {
    const compile = (): unknown =>
      compileRuleSet({ version: 1, rules: [rule({ id: 'a', match: 'regex', pattern: '(a+)+' }), rule({ id: 'b', pattern: '' })] });
    expect(compile).toThrow(RuleSetCompileError);
    try {
      compile();
    } catch (error) {
      expect((error as RuleSetCompileError).errors.map((e) => [e.ruleId, e.code])).toEqual([
        ['a', 'catastrophic_regex'],
        ['b', 'empty_pattern'],
      ]);
    }
  });
});

describe('word and phrase rules', () => {
  const compiled = compileRuleSet({
    version: 1,
    rules: [
      rule({ id: 'w1', pattern: 'judol', action: 'hold' }),
      rule({ id: 'w2', pattern: 'slot88', action: 'flag' }),
      rule({ id: 'p1', match: 'phrase', pattern: 'judi online', action: 'block' }),
      rule({ id: 'c1', pattern: 'kampret', action: 'censor' }),
    ],
  });

  it('matches whole words on the normalised text', () => {
    const result = check('Ada J U D O L lagi', { compiled });
    expect(result.action).toBe('hold');
    expect(result.reasons[0]).toMatchObject({ source: 'rule', kind: 'word_rule', ruleId: 'w1', match: 'J U D O L', entry: 'judol' });
    expect(check('judolan', { compiled }).reasons.filter((r) => r.source === 'rule')).toEqual([]);
  });

  it('keeps digits in patterns and in numbers (slot88 matches slot88 and sl0t88)', () => {
    expect(check('main di slot88', { compiled }).reasons[0]).toMatchObject({ ruleId: 'w2', match: 'slot88' });
    expect(check('main di sl0t88', { compiled }).reasons[0]).toMatchObject({ ruleId: 'w2', match: 'sl0t88' });
  });

  it('matches phrases across any punctuation and spacing, and a block rule ends the check', () => {
    const result = check('Gabung JUDI...   online sekarang, bangsat', { compiled });
    expect(result.action).toBe('block');
    expect(result.reasons).toHaveLength(1);
    expect(result.reasons[0]).toMatchObject({ kind: 'phrase_rule', ruleId: 'p1', match: 'JUDI...   online', action: 'block' });
  });

  it('censors censor-rule matches and leaves the rest', () => {
    const result = check('Dasar kampret, eh k4mpr3t', { compiled });
    expect(result.action).toBe('flag');
    expect(result.censored).toBe('Dasar *******, eh *******');
    expect(check('tidak ada apa-apa', { compiled }).censored).toBeNull();
  });
});

describe('allow rules', () => {
  const dogLovers = compileRuleSet({
    version: 1,
    rules: [
      rule({ id: 'a1', pattern: 'anjing', action: 'allow' }),
      rule({ id: 'a2', match: 'phrase', pattern: 'babi ngepet', action: 'allow' }),
    ],
  });

  it('stop lexicon hits on the word they name, in every spelling', () => {
    expect(check('Anjing! 4nj1ng anjingnya lucu', { compiled: dogLovers }).reasons).toEqual([]);
  });

  it('do not stop other words', () => {
    expect(check('anjing bangsat', { compiled: dogLovers }).reasons.map((r) => r.entry)).toEqual(['bangsat']);
  });

  it('stop lexicon hits inside the phrase they name only', () => {
    expect(check('cerita babi ngepet di kampung', { compiled: dogLovers }).reasons).toEqual([]);
    expect(check('dasar babi', { compiled: dogLovers }).reasons.map((r) => r.entry)).toEqual(['babi']);
  });
});

describe('regex rules', () => {
  it('match on the original text and report the span', () => {
    const compiled = compileRuleSet({ version: 1, rules: [rule({ id: 'x1', match: 'regex', pattern: String.raw`wa\.me/\d+`, action: 'hold' })] });
    const text = 'hubungi WA.me/62812345 sekarang';
    const [reason] = check(text, { compiled }).reasons;
    expect(reason).toMatchObject({ source: 'rule', kind: 'regex_rule', ruleId: 'x1', match: 'WA.me/62812345', action: 'hold' });
    expect(text.slice(reason?.start, reason?.end)).toBe('WA.me/62812345');
  });

  it('still run on non-ASCII text (the literal pre-check only skips plain ASCII posts without the literal)', () => {
    const compiled = compileRuleSet({ version: 1, rules: [rule({ id: 'x1', match: 'regex', pattern: String.raw`wa\.me/\d+`, action: 'hold' })] });
    expect(check('Café kami: wa.me/628123', { compiled }).reasons[0]).toMatchObject({ match: 'wa.me/628123' });
    expect(check('no link here at all', { compiled }).reasons).toEqual([]);
  });

  it('run in linear time even on inputs that stall backtracking engines', () => {
    const compiled = compileRuleSet({ version: 1, rules: [rule({ id: 'x2', match: 'regex', pattern: String.raw`(a|aa)+b`, action: 'flag' })] });
    const result = check('a'.repeat(5000), { compiled });
    expect(result.reasons.filter((r) => r.kind === 'regex_timeout')).toEqual([]);
    expect(result.action).toBe('publish');
  });

  it('report a distinct regex_timeout reason held for review when the budget runs out', () => {
    let time = 0;
    const compiled = compileRuleSet({
      version: 1,
      rules: [rule({ id: 'x3', match: 'regex', pattern: 'spam', action: 'flag' })],
      // Each clock reading advances 10 ms: the budget of 5 ms is spent before the rule runs.
      regex: { budgetMs: 5, clock: () => (time += 10) },
    });
    const result = check('spam spam', { compiled });
    expect(result.action).toBe('hold');
    expect(result.reasons).toEqual([expect.objectContaining({ source: 'rule', kind: 'regex_timeout', ruleId: 'x3', action: 'hold' })]);
  });
});
