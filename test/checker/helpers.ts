// Shared builders for the checker tests: a default rule set, an author, and a one-call check.
import { checkText, compileRuleSet, type CheckAuthor, type CheckResult, type CompiledRuleSet, type RecentPost } from '../../server/checker/index';

export const NOW = new Date('2026-11-22T10:00:00Z');

/** The built-in lexicons with no community rules, compiled once for the whole file. */
export const defaultRules: CompiledRuleSet = compileRuleSet({ version: 1, rules: [] });

/** An author who joined long ago, with optional recent posts. */
export function makeAuthor(overrides: Partial<CheckAuthor> = {}): CheckAuthor {
  return { id: 'author-1', joinedAt: new Date('2025-01-01T00:00:00Z'), recentPosts: [] as RecentPost[], ...overrides };
}

/** Checks a text with the default rules (or the given ones) as an established member. */
export function check(text: string, options: { compiled?: CompiledRuleSet; title?: string; author?: CheckAuthor } = {}): CheckResult {
  return checkText({
    text,
    title: options.title,
    compiled: options.compiled ?? defaultRules,
    author: options.author ?? makeAuthor(),
    now: NOW,
  });
}

/** The lexicon entries found in a text, in order. */
export function entries(text: string, compiled?: CompiledRuleSet): string[] {
  return check(text, { compiled }).reasons.filter((r) => r.source === 'lexicon').map((r) => r.entry);
}
