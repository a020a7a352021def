// Public shapes of the checker. Everything here is plain data so the worker, the dry-run route and the
// database layer can share it; compiled internals live in compiledTypes.ts.
import type { CompiledRuleSet } from './compiledTypes';

/** What the checker decides for a post, from least to most severe. */
export type Action = 'publish' | 'censor' | 'flag' | 'hold' | 'block';

/** What a word rule does when it matches; `allow` stops lexicon hits on the words it names. */
export type RuleAction = 'block' | 'hold' | 'flag' | 'censor' | 'allow';

/** How a word rule's pattern is matched. */
export type RuleMatch = 'word' | 'phrase' | 'regex';

/** A community word rule as stored in the database. */
export interface WordRule {
  id: string;
  pattern: string;
  match: RuleMatch;
  action: RuleAction;
  locale?: string | null;
}

/** Lexicon severities: `mild` (crap, anjir), `strong` (fuck, bangsat), `severe` (slurs, explicit sexual terms). */
export type Severity = 'mild' | 'strong' | 'severe';

/** Why a lexicon entry is offensive; shown to moderators next to the match. */
export type LexiconCategory = 'profanity' | 'insult' | 'sexual' | 'slur';

/** Which action each lexicon severity maps to; a community may override any of them. */
export type LexiconActions = Record<Severity, Action>;

export type ReasonSource = 'rule' | 'lexicon' | 'spam';

export type ReasonKind =
  | 'lexicon'
  | 'word_rule'
  | 'phrase_rule'
  | 'regex_rule'
  | 'regex_timeout'
  | 'duplicate'
  | 'link_flood'
  | 'mention_flood'
  | 'new_member_link'
  | 'shouting';

/** Which field of the post a reason's offsets refer to. */
export type CheckedField = 'body' | 'title';

/** One explained finding: what matched, where in the ORIGINAL text, why, and what it asks for. */
export interface CheckReason {
  source: ReasonSource;
  kind: ReasonKind;
  ruleId?: string;
  field: CheckedField;
  /** The original text span, exactly as the member wrote it (text.slice(start, end)). */
  match: string;
  /** What the span read as after normalisation (e.g. "anjing" for "4nj1ng"). */
  normalized: string;
  /** The lexicon entry or rule pattern that matched (or a short description for spam reasons). */
  entry: string;
  lang?: string;
  severity?: Severity;
  category?: LexiconCategory;
  /** Confidence times seriousness, 0..1. */
  score: number;
  action: Action;
  /** UTF-16 offsets into the field's original text. */
  start: number;
  end: number;
}

/** A recent post by the same author, used by the spam phases. */
export interface RecentPost {
  body: string;
  createdAt: Date;
}

/** Who wrote the text; the spam phases read it. */
export interface CheckAuthor {
  id: string;
  joinedAt: Date;
  recentPosts: readonly RecentPost[];
}

/** Everything one check reads; the checker never mutates it. */
export interface CheckContext {
  text: string;
  title?: string | null;
  compiled: CompiledRuleSet;
  author: CheckAuthor;
  now: Date;
}

/** The checker's verdict with every reason that led to it. */
export interface CheckResult {
  action: Action;
  reasons: CheckReason[];
  /** The text with censor matches masked; null when nothing was censored. */
  censored: string | null;
  /** The title with censor matches masked; null when nothing in the title was censored. */
  censoredTitle: string | null;
}

/** Thresholds and actions of the spam phases; every field has a default. */
export interface SpamOptions {
  duplicateWindowMinutes: number;
  /** Texts shorter than this (normalised letters and digits) are never duplicates: "ok", "+1", "thanks". */
  duplicateMinLength: number;
  maxLinks: number;
  maxMentions: number;
  newMemberHours: number;
  shoutingMinLetters: number;
  shoutingRatio: number;
  actions: Record<'duplicate' | 'link_flood' | 'mention_flood' | 'new_member_link' | 'shouting', Action>;
}

/** Bounds on community regex rules. */
export interface RegexOptions {
  /** Wall-clock budget for all regex rules of one check, in milliseconds. */
  budgetMs: number;
  /** Stop collecting matches of one rule after this many (the verdict is already decided). */
  maxMatchesPerRule: number;
  /** Injectable clock for tests; defaults to performance.now. */
  clock: () => number;
}

/** Input of compileRuleSet. */
export interface RuleSetInput {
  version: number | string;
  rules: readonly WordRule[];
  lexiconActions?: Partial<LexiconActions>;
  spam?: Partial<Omit<SpamOptions, 'actions'>> & { actions?: Partial<SpamOptions['actions']> };
  regex?: Partial<RegexOptions>;
}
