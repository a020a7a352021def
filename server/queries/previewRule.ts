// "Try a rule on past posts before it goes live": runs the community's rules with and without a draft rule over
// its most recent posts and reports every post whose outcome would change. The checks run in a worker thread
// (preview/runPreviewWorker.ts) with a deadline, so a preview never blocks the server's event loop.
import { validateRule, type WordRule } from '../checker';
import type { Db } from '../db/client';
import { fail } from '../errors';
import { communityLexiconActions } from '../lib/lexiconActions';
import type { PreviewChange } from './preview/comparePost';
import { runPreviewWorker } from './preview/runPreviewWorker';
import type { RuleSetSource } from './ruleSets';

export interface RulePreview {
  scanned: number;
  /** Posts the preview meant to check; more than `scanned` when it is partial. */
  total: number;
  /** True when the deadline came before every post was checked: `changed` covers the first `scanned` posts. */
  partial: boolean;
  changed: PreviewChange[];
}

/** Compares current and draft outcomes over the last `limit` published, pending or hidden posts. */
export async function previewRule(
  db: Db,
  input: { community: RuleSetSource; draft: Omit<WordRule, 'id'>; limit: number; now: Date; deadlineMs: number; onStarted?: () => void },
): Promise<RulePreview> {
  const draft: WordRule = { id: 'draft', ...input.draft };
  const problem = validateRule(draft);
  if (problem) fail('validation_failed', { details: [problem.toDetail()] });
  const rules = await db.wordRule.findMany({ where: { communityId: input.community.id }, orderBy: { createdAt: 'asc' } });
  const posts = await db.post.findMany({
    where: { communityId: input.community.id, status: { in: ['published', 'pending', 'hidden'] } },
    orderBy: { createdAt: 'desc' },
    take: input.limit,
    select: { id: true, body: true, title: true },
  });
  const job = {
    version: String(input.community.ruleVersion),
    rules: rules.map((r): WordRule => ({ id: r.id, pattern: r.pattern, match: r.match as WordRule['match'], action: r.action as WordRule['action'], locale: r.locale })),
    draft,
    lexiconActions: communityLexiconActions(input.community.lexiconActions),
    posts,
    now: input.now.toISOString(),
  };
  const outcome = await runPreviewWorker(job, { deadlineMs: input.deadlineMs, ...(input.onStarted ? { onStarted: input.onStarted } : {}) });
  return { scanned: outcome.scanned, total: outcome.total, partial: outcome.partial, changed: outcome.changed };
}
