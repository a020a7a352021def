import type { LexiconActions } from '../checker';

/** Insults and strong profanity wait for a moderator; only mild words publish with a flag. */
export const DEFAULT_COMMUNITY_LEXICON_ACTIONS: LexiconActions = { mild: 'flag', strong: 'hold', severe: 'hold' };

/** A community's lexicon actions: its stored overrides (JSON text) over the defaults; bad text means defaults. */
export function communityLexiconActions(stored: string): LexiconActions {
  try {
    const value: unknown = JSON.parse(stored);
    return value && typeof value === 'object' ? { ...DEFAULT_COMMUNITY_LEXICON_ACTIONS, ...(value as Partial<LexiconActions>) } : DEFAULT_COMMUNITY_LEXICON_ACTIONS;
  } catch {
    return DEFAULT_COMMUNITY_LEXICON_ACTIONS;
  }
}
