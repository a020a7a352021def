// Compiles a community's rules together with the built-in lexicons into one term automaton plus a list of
// linear-time regex rules. Done once per community and rule version (see cache.ts), never per post.
import type { CompiledRegexRule, CompiledRuleSet, CompiledTerm, LiteralContext, TrieNode } from './compiledTypes';
import { DEFAULT_LEXICON_ACTIONS, DEFAULT_REGEX, DEFAULT_SPAM, SEVERITY_SCORE, VARIANT_CONFIDENCE } from './defaults';
import { ENGLISH_SUFFIXES, INDONESIAN_SUFFIXES } from './lexicons/affixes';
import { builtinEntries, type PreparedEntry } from './lexicons/builtin';
import { addPath, createTrie, toCodes } from './matcher/trie';
import { parseRule, type ParsedRule } from './rules/parseRule';
import { RuleSetCompileError, RuleValidationError } from './rules/ruleError';
import type { LexiconActions, RegexOptions, RuleSetInput, SpamOptions } from './types';

/** Compiles rules and lexicons once; throws RuleSetCompileError listing every invalid rule. */
export function compileRuleSet(input: RuleSetInput): CompiledRuleSet {
  const parsed = input.rules.map(parseRule);
  const errors = parsed.filter((p): p is RuleValidationError => p instanceof RuleValidationError);
  if (errors.length > 0) throw new RuleSetCompileError(errors);
  const rules = parsed.filter((p): p is ParsedRule => !(p instanceof RuleValidationError));
  const lexiconActions = mergeLexiconActions(input.lexiconActions);
  const allowWords = new Set(
    rules.flatMap((p) => (p.kind === 'terms' && p.rule.action === 'allow' && p.words.length === 1 ? p.words : [])),
  );
  const root = createTrie();
  const terms: CompiledTerm[] = [];
  // An allow rule naming a lexicon word removes that entry (and its spellings) from the automaton.
  for (const entry of builtinEntries()) {
    if (!allowWords.has(entry.term)) addLexiconEntry(root, terms, entry, lexiconActions);
  }
  const regexRules: CompiledRegexRule[] = [];
  for (const rule of rules) {
    if (rule.kind === 'terms') addRuleTerm(root, terms, rule.words, rule);
    else regexRules.push({ ruleId: rule.rule.id, pattern: rule.rule.pattern, action: rule.rule.action, engine: rule.engine, literal: rule.literal, window: rule.window, lang: locale(rule.rule.locale) });
  }
  return {
    version: input.version,
    root,
    terms,
    regexRules,
    lexiconActions,
    spam: mergeSpam(input.spam),
    regex: mergeRegex(input.regex),
    allowWords,
  };
}

function addLexiconEntry(root: TrieNode, terms: CompiledTerm[], entry: PreparedEntry, actions: LexiconActions): void {
  const affix = entry.affix ?? 'suffix';
  const suffixes = entry.lang === 'id' ? INDONESIAN_SUFFIXES : ENGLISH_SUFFIXES;
  const base = makeTerm({
    role: 'lexicon',
    entry: entry.term,
    ruleId: undefined,
    ruleKind: undefined,
    lang: entry.lang,
    severity: entry.severity,
    category: entry.category,
    action: actions[entry.severity],
    score: SEVERITY_SCORE[entry.severity],
    affix,
    suffixes: affix === 'suffix' ? suffixes : null,
    literal: literalContext(entry.literal),
    joinable: entry.join === true,
    variant: false,
  });
  terms.push(base);
  addPath(root, toCodes(entry.term), terms.length - 1);
  if (entry.variantSpellings.length === 0) return;
  // Generated spellings keep the entry's suffix rules but never compound or join: they are guesses.
  const variantAffix = affix === 'compound' ? 'suffix' : affix;
  terms.push(
    makeTerm({
      ...base,
      score: base.score * VARIANT_CONFIDENCE,
      affix: variantAffix,
      suffixes: variantAffix === 'suffix' ? suffixes : null,
      joinable: false,
      variant: true,
    }),
  );
  for (const spelling of entry.variantSpellings) addPath(root, toCodes(spelling), terms.length - 1);
}

function addRuleTerm(root: TrieNode, terms: CompiledTerm[], words: readonly string[], parsed: ParsedRule): void {
  const { rule } = parsed;
  terms.push(
    makeTerm({
      role: rule.action === 'allow' ? 'allow' : 'rule',
      entry: rule.pattern,
      ruleId: rule.id,
      ruleKind: rule.match === 'word' ? 'word_rule' : 'phrase_rule',
      lang: locale(rule.locale),
      severity: undefined,
      category: undefined,
      action: rule.action === 'allow' ? 'publish' : rule.action,
      score: 1,
      affix: 'exact',
      suffixes: null,
      literal: null,
      joinable: false,
      variant: false,
    }),
  );
  addPath(root, toCodes(words.join(' ')), terms.length - 1);
}

// Every term gets every property in the same order, so the matcher's property reads stay monomorphic.
function makeTerm(t: CompiledTerm): CompiledTerm {
  return {
    role: t.role,
    entry: t.entry,
    ruleId: t.ruleId,
    ruleKind: t.ruleKind,
    lang: t.lang,
    severity: t.severity,
    category: t.category,
    action: t.action,
    score: t.score,
    affix: t.affix,
    suffixes: t.suffixes,
    literal: t.literal,
    joinable: t.joinable,
    variant: t.variant,
  };
}

function literalContext(literal: PreparedEntry['literal']): LiteralContext | null {
  if (literal === undefined) return null;
  return { before: new Set(literal.before), after: new Set(literal.after), insultBefore: new Set(literal.insultBefore) };
}

function locale(value: string | null | undefined): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

// Built field by field (not spread) so the options object keeps a fast, fixed shape; phases read it per post.
function mergeSpam(spam: RuleSetInput['spam']): SpamOptions {
  const d = DEFAULT_SPAM;
  const a = spam?.actions;
  return {
    duplicateWindowMinutes: spam?.duplicateWindowMinutes ?? d.duplicateWindowMinutes,
    duplicateMinLength: spam?.duplicateMinLength ?? d.duplicateMinLength,
    maxLinks: spam?.maxLinks ?? d.maxLinks,
    maxMentions: spam?.maxMentions ?? d.maxMentions,
    newMemberHours: spam?.newMemberHours ?? d.newMemberHours,
    shoutingMinLetters: spam?.shoutingMinLetters ?? d.shoutingMinLetters,
    shoutingRatio: spam?.shoutingRatio ?? d.shoutingRatio,
    actions: {
      duplicate: a?.duplicate ?? d.actions.duplicate,
      link_flood: a?.link_flood ?? d.actions.link_flood,
      mention_flood: a?.mention_flood ?? d.actions.mention_flood,
      new_member_link: a?.new_member_link ?? d.actions.new_member_link,
      shouting: a?.shouting ?? d.actions.shouting,
    },
  };
}

function mergeRegex(regex: RuleSetInput['regex']): RegexOptions {
  return {
    budgetMs: regex?.budgetMs ?? DEFAULT_REGEX.budgetMs,
    maxMatchesPerRule: regex?.maxMatchesPerRule ?? DEFAULT_REGEX.maxMatchesPerRule,
    clock: regex?.clock ?? DEFAULT_REGEX.clock,
  };
}

function mergeLexiconActions(actions: RuleSetInput['lexiconActions']): LexiconActions {
  const d = DEFAULT_LEXICON_ACTIONS;
  return { mild: actions?.mild ?? d.mild, strong: actions?.strong ?? d.strong, severe: actions?.severe ?? d.severe };
}
