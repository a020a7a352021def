// The flagging processor: a thin adapter around applyPostCheck, the same command tests call directly.
import { DelayedError, type Job } from 'bullmq';
import { applyPostCheck } from '../../server/commands/applyPostCheck';
import type { FlagPostJob } from '../../server/contracts/jobs';
import type { Deps } from '../../server/deps';
import { afterCommit } from '../../server/deps';

export type ProcessorDeps = Pick<Deps, 'db' | 'sql' | 'now' | 'enqueue' | 'announce' | 'metrics'>;

/** Builds the processor for the `flagging` queue. */
export function createFlagPostProcessor(deps: ProcessorDeps) {
  return async (job: Job<FlagPostJob>, token?: string): Promise<string> => {
    // attemptsStarted counts this run too: above 1, an earlier run of this very job stalled or failed.
    const outcome = await applyPostCheck({ db: deps.db, sql: deps.sql, now: deps.now() }, { ...job.data, retried: job.attemptsStarted > 1 });
    const result = outcome.value;
    if (result.kind === 'not_due') {
      // Edited to a later publish time: wait until then under the same job id rather than adding another.
      await job.moveToDelayed(result.publishAt.getTime(), token);
      throw new DelayedError();
    }
    await afterCommit(deps, outcome);
    if (result.kind === 'applied') deps.metrics.checkerActions.inc({ action: result.action });
    return result.kind === 'applied' ? result.action : result.kind;
  };
}
