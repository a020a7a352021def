// Defaults a community gets until it changes them. Severe lexicon words (slurs, explicit sexual terms)
// are held for a moderator before anyone sees them; other lexicon words publish but enter the queue.
import type { LexiconActions, RegexOptions, Severity, SpamOptions } from './types';

/** Lexicon severity -> action, overridable per community (compileRuleSet's lexiconActions). */
export const DEFAULT_LEXICON_ACTIONS: Readonly<LexiconActions> = { mild: 'flag', strong: 'flag', severe: 'hold' };

/** How serious each severity is, as a reason score. */
export const SEVERITY_SCORE: Readonly<Record<Severity, number>> = { mild: 0.4, strong: 0.7, severe: 0.95 };

/** Generated spellings (dropped vowel, skeleton) and split words are less certain than the written word. */
export const VARIANT_CONFIDENCE = 0.85;

/** Spam thresholds: duplicates within 10 minutes, more than 3 links or 5 mentions, members under 24 hours. */
export const DEFAULT_SPAM: Readonly<SpamOptions> = {
  duplicateWindowMinutes: 10,
  duplicateMinLength: 10,
  maxLinks: 3,
  maxMentions: 5,
  newMemberHours: 24,
  shoutingMinLetters: 20,
  shoutingRatio: 0.7,
  actions: { duplicate: 'hold', link_flood: 'hold', mention_flood: 'hold', new_member_link: 'flag', shouting: 'flag' },
};

/** Regex rules share 50 ms per check; a rule stops collecting after 20 matches. */
export const DEFAULT_REGEX: Readonly<RegexOptions> = {
  budgetMs: 50,
  maxMatchesPerRule: 20,
  clock: () => performance.now(),
};
