// One post of a rule preview: the checker's outcome with the community's rules and with the draft added.
import { checkText, type Action, type CompiledRuleSet } from '../../checker';

/** A post as the preview reads it. */
export interface PreviewPost {
  id: string;
  body: string;
  title: string | null;
}

/** A post whose outcome the draft would change. */
export interface PreviewChange {
  postId: string;
  excerpt: string;
  before: Action;
  after: Action;
  matches: string[];
}

const author = { id: 'preview', joinedAt: new Date(0), recentPosts: [] };

/** The change the draft makes to this post's outcome, or null when it makes none. */
export function comparePost(input: { current: CompiledRuleSet; withDraft: CompiledRuleSet; post: PreviewPost; now: Date }): PreviewChange | null {
  const { post } = input;
  const ctx = { text: post.body, title: post.title, author, now: input.now };
  const before = checkText({ ...ctx, compiled: input.current });
  const after = checkText({ ...ctx, compiled: input.withDraft });
  if (before.action === after.action && before.censored === after.censored) return null;
  return { postId: post.id, excerpt: post.body.slice(0, 160), before: before.action, after: after.action, matches: after.reasons.filter((r) => r.ruleId === 'draft').map((r) => r.match) };
}
