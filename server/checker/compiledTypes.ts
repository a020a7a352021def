// Shapes produced by compileRuleSet and read by the phases. They are built once per community and rule
// version (see cache.ts) and never mutated afterwards.
import type { RE2JS } from 're2js';
import type { RegexWindow } from './rules/regexSafety';
import type {
  Action,
  LexiconActions,
  LexiconCategory,
  RegexOptions,
  RuleAction,
  Severity,
  SpamOptions,
} from './types';

/** How much of a token a term may leave unmatched after it. */
export type AffixMode = 'exact' | 'suffix' | 'compound';

/** Words next to an animal word that make it literal ("anjing laut", "daging babi"), or an insult anyway. */
export interface LiteralContext {
  before: ReadonlySet<string>;
  after: ReadonlySet<string>;
  insultBefore: ReadonlySet<string>;
}

/** One thing the automaton can find: a lexicon entry, a word/phrase rule, or an allow rule. Every field is
 * always present (undefined when it does not apply) so all terms share one shape. */
export interface CompiledTerm {
  role: 'lexicon' | 'rule' | 'allow';
  /** The canonical entry or rule pattern, as reported in reasons. */
  entry: string;
  ruleId: string | undefined;
  ruleKind: 'word_rule' | 'phrase_rule' | undefined;
  lang: string | undefined;
  severity: Severity | undefined;
  category: LexiconCategory | undefined;
  action: Action;
  score: number;
  affix: AffixMode;
  /** Suffixes allowed after the term when affix is 'suffix'. */
  suffixes: ReadonlySet<string> | null;
  literal: LiteralContext | null;
  /** May be found across two tokens ("kon tol", "fu ck"). */
  joinable: boolean;
  /** A generated spelling (vowel dropped, consonant skeleton, final consonant swapped): lower confidence. */
  variant: boolean;
}

/** A node of the term trie; edges are UTF-16 codes of normalised letters, 32 separates phrase words. */
export interface TrieNode {
  code: number;
  /** Letters from the root; the walk reads a match's spelling back through `parent`. */
  depth: number;
  parent: TrieNode | null;
  children: Map<number, TrieNode> | null;
  terms: number[] | null;
}

/** A community regex rule compiled for the linear-time engine. */
export interface CompiledRegexRule {
  ruleId: string;
  pattern: string;
  action: RuleAction;
  lang: string | undefined;
  engine: RE2JS;
  /** Lower-case ASCII text every match contains; posts without it skip the engine. */
  literal: string | null;
  /** The most text one engine call may see (see regexSafety's CELLS_PER_CALL). */
  window: RegexWindow;
}

/** A rule set ready for checkText; build it with compileRuleSet and cache it with getCompiledRuleSet. */
export interface CompiledRuleSet {
  version: number | string;
  root: TrieNode;
  terms: readonly CompiledTerm[];
  regexRules: readonly CompiledRegexRule[];
  lexiconActions: Readonly<LexiconActions>;
  spam: Readonly<SpamOptions>;
  regex: Readonly<RegexOptions>;
  /** Normalised single words named by allow rules: lexicon hits reading as one of them are dropped. */
  allowWords: ReadonlySet<string>;
}
