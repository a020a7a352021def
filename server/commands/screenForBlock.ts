// The synchronous part of the check: `block` rules refuse a text at submission (422 content_blocked).
// Everything else is left to the flagging worker so posting stays fast.
import type { RuleSetSource } from '../queries/ruleSets';

/** Throws content_blocked (with the matches) when a community's block rules match the text. */
export type BlockScreen = (input: { community: RuleSetSource; text: string }) => Promise<void>;
