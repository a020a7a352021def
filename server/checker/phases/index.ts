// The checker's phases, in the order they run. Each is one small pure function over the read-only
// context; adding a rule kind means adding one file here and one line below.
import { duplicatePhase } from './duplicatePhase';
import { lexiconPhase } from './lexiconPhase';
import { linkFloodPhase } from './linkFloodPhase';
import { mentionFloodPhase } from './mentionFloodPhase';
import { newMemberLinkPhase } from './newMemberLinkPhase';
import { regexRulePhase } from './regexRulePhase';
import { shoutingPhase } from './shoutingPhase';
import type { Phase } from './types';
import { wordRulePhase } from './wordRulePhase';

/** The ordered pipeline. */
export const PHASES: readonly Phase[] = [
  // 1. The community's own word and phrase rules first: a block rule decides the post on its own.
  wordRulePhase,
  // 2. Its regex rules (linear-time engine, shared time budget; timeouts are held, never silent).
  regexRulePhase,
  // 3. Built-in English and Indonesian lexicons, minus what allow rules and literal contexts excuse.
  lexiconPhase,
  // 4-8. Spam shapes, from the author's history and the text's form.
  duplicatePhase,
  linkFloodPhase,
  mentionFloodPhase,
  newMemberLinkPhase,
  shoutingPhase,
];
